import { describe, expect, it } from 'vitest';
import type { ShowView } from '../../../../src/shared/view';
import { applyLiveMessage, createLiveMirror } from '../../../../src/renderer/live/mirror';

// Only the parts a patch touches matter here; the rest of a real view rides along untouched.
const view = (revision: number, title: string): ShowView => ({ revision, title, rundown: [], locales: [] }) as unknown as ShowView;

describe('the live mirror of the show', () => {
  it('takes a snapshot whole and learns the studio clock from it', () => {
    const next = applyLiveMessage({ show: null, clockOffset: 0 }, { type: 'snapshot', state: view(3, 'Spring'), serverTime: 10_500 }, 10_000);
    expect(next).toEqual({ show: view(3, 'Spring'), clockOffset: 500 });
  });

  it('replaces only the patched parts and moves to the patch revision', () => {
    const before = { show: view(3, 'Spring'), clockOffset: 500 };
    const next = applyLiveMessage(before, { type: 'patch', revision: 4, changes: { title: 'Summer' } }, 20_000);
    expect(next.show).toEqual({ ...view(4, 'Summer') });
    expect(next.clockOffset).toBe(500);
    expect(before.show.title).toBe('Spring');
  });

  it('ignores a patch that arrives before any snapshot', () => {
    const before = { show: null, clockOffset: 0 };
    expect(applyLiveMessage(before, { type: 'patch', revision: 4, changes: { title: 'Summer' } }, 0)).toBe(before);
  });

  it('moves only the clock on a heartbeat, keeping the same show object', () => {
    const show = view(3, 'Spring');
    const next = applyLiveMessage({ show, clockOffset: 0 }, { type: 'heartbeat', serverTime: 9_000, revision: 3 }, 10_000);
    expect(next.show).toBe(show);
    expect(next.clockOffset).toBe(-1_000);
  });

  it('tells subscribers when the show changes and stays silent on a heartbeat that moves nothing', () => {
    const mirror = createLiveMirror();
    const seen: (string | undefined)[] = [];
    mirror.subscribe((live) => seen.push(live.show?.title));
    mirror.getState().receive({ type: 'snapshot', state: view(1, 'Spring'), serverTime: 1_000 }, 1_000);
    mirror.getState().receive({ type: 'heartbeat', serverTime: 2_000, revision: 3 }, 2_000);
    mirror.getState().receive({ type: 'patch', revision: 2, changes: { title: 'Summer' } }, 3_000);
    expect(seen).toEqual(['Spring', 'Summer']);
  });

  it('forgets the show and the link state when the credential is refused', () => {
    const mirror = createLiveMirror();
    mirror.getState().receive({ type: 'snapshot', state: view(1, 'Spring'), serverTime: 1_000 }, 0);
    mirror.getState().setLink('live');
    mirror.getState().forget();
    expect(mirror.getState()).toMatchObject({ show: null, clockOffset: 0, link: 'connecting' });
  });
});
