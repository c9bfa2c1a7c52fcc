import { describe, expect, it } from 'vitest';
import type { ShowView } from '../../../../src/shared/view';
import { liveMirror } from '../../../../src/renderer/src/store/live';
import { useStudio } from '../../../../src/renderer/src/store/studio-store';

const view = (locales: string[], operators: { id: string; name: string; role: string }[] = []): ShowView =>
  ({ revision: 1, title: 'Spring', rundown: [], locales: locales.map((locale) => ({ locale, currency: 'EUR' })), operators }) as unknown as ShowView;

describe("the control room's own state beside the live mirror", () => {
  it('picks an audience the show has as soon as the mirror hears of the show, and a new one when that audience is dropped', () => {
    liveMirror.getState().receive({ type: 'snapshot', state: view(['pl-PL', 'de-DE']), serverTime: 0 }, 0);
    expect(useStudio.getState().locale).toBe('pl-PL');
    liveMirror.getState().receive({ type: 'patch', revision: 2, changes: { locales: view(['de-DE']).locales } }, 0);
    expect(useStudio.getState().locale).toBe('de-DE');
  });

  it('renames this screen and changes its role the moment the live feed says the producer did', () => {
    useStudio.getState().setMe({ id: 'd1', name: 'Tablet', role: 'moderator' });
    liveMirror.getState().receive({ type: 'patch', revision: 3, changes: { operators: view([], [{ id: 'd1', name: 'Host tablet', role: 'viewer' }]).operators } }, 0);
    expect(useStudio.getState().me).toEqual({ id: 'd1', name: 'Host tablet', role: 'viewer' });
  });

  it('leaves nothing of the show on screen once the credential is refused', () => {
    liveMirror.getState().receive({ type: 'snapshot', state: view(['pl-PL']), serverTime: 0 }, 0);
    useStudio.getState().reset();
    expect(liveMirror.getState().show).toBeNull();
    expect(useStudio.getState().me).toBeNull();
  });
});
