import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTION_TIME_STEP_MS, Presence } from '../../../../src/main/access/presence';

const ana = { id: 'dev-1', name: 'Ana', role: 'moderator' as const };
let now = 1_000_000;
let presence: Presence;

beforeEach(() => {
  vi.useFakeTimers();
  presence = new Presence(() => now);
});
afterEach(() => {
  presence.close();
  vi.useRealTimers();
});

describe('who is working the show', () => {
  it('lists an operator while its live connection is open, and drops it when it closes without acting', () => {
    const left = presence.connected(ana);
    expect(presence.operators()).toEqual([{ ...ana, online: true, lastActionAt: null }]);
    left();
    left();
    expect(presence.operators()).toEqual([]);
  });

  it('keeps an operator who acted for ten minutes after its last action, then lets it go by itself', () => {
    presence.acted(ana, now);
    const listed = presence.operators();
    expect(listed).toEqual([{ ...ana, online: false, lastActionAt: now }]);
    now += 9 * 60_000;
    vi.advanceTimersByTime(60_000);
    expect(presence.operators()).toBe(listed);
    now += 60_000;
    vi.advanceTimersByTime(60_000);
    expect(presence.operators()).toEqual([]);
  });

  it('tells its listeners only when what it shows changes', () => {
    const heard = vi.fn();
    presence.subscribe(heard);
    const left = presence.connected(ana);
    presence.connected(ana);
    expect(heard).toHaveBeenCalledTimes(1);
    left();
    expect(heard).toHaveBeenCalledTimes(1);
    presence.renamed({ ...ana, name: 'Ana (desk)' });
    expect(heard).toHaveBeenCalledTimes(2);
    expect(presence.operators()[0].name).toBe('Ana (desk)');
  });

  it('keeps the list as it was while an operator acts again within seconds, so a run of pins sends no operators to every face', () => {
    const heard = vi.fn();
    presence.subscribe(heard);
    presence.acted(ana, now);
    const listed = presence.operators();
    for (let i = 1; i < 10; i++) presence.acted(ana, now + (i * (ACTION_TIME_STEP_MS - 1)) / 10);
    expect(presence.operators()).toBe(listed);
    expect(heard).toHaveBeenCalledTimes(1);
    presence.acted(ana, now + ACTION_TIME_STEP_MS);
    expect(presence.operators()).toEqual([{ ...ana, online: false, lastActionAt: now + ACTION_TIME_STEP_MS }]);
    expect(heard).toHaveBeenCalledTimes(2);
    // A rename is shown at once, however recent the last action.
    presence.acted({ ...ana, role: 'producer' }, now + ACTION_TIME_STEP_MS + 1);
    expect(presence.operators()[0].role).toBe('producer');
  });
});
