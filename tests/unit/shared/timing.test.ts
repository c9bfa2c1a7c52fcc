import { describe, expect, it } from 'vitest';
import { dueAdvance, formatDuration, parseDuration, showTiming, slotState, spreadEvenly, spreadTotal, type TimedShow } from '../../../src/shared/timing';

const T0 = Date.UTC(2026, 11, 2, 18, 0, 0);
const show = (over: Partial<TimedShow> = {}): TimedShow => ({
  rundown: [
    { id: 'a', plannedSeconds: 180 },
    { id: 'b', plannedSeconds: 120 },
    { id: 'c', plannedSeconds: 60 }
  ],
  onAir: null,
  lastOnAirItemId: null,
  plan: { startsAt: null, autoAdvance: true },
  ...over
});

describe('typing a slot length', () => {
  it.each([
    ['3m', 180],
    ['90s', 90],
    ['1:30', 90],
    ['1:02:03', 3723],
    ['2m30s', 150],
    ['1h 5m', 3900],
    ['1.5m', 90],
    ['45', 45],
    [' 3 min ', 180]
  ])('reads %s as %i seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['', 'soon', '3x', '1:75', 'm', '-3m'])('refuses %j as a length', (text) => {
    expect(parseDuration(text)).toBeNull();
  });

  it('writes lengths and overruns as a clock shows them', () => {
    expect(formatDuration(185)).toBe('3:05');
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatDuration(-12)).toBe('-0:12');
  });

  it('spreads a total evenly over the items, to the second', () => {
    expect(spreadEvenly(600, 7)).toEqual([86, 86, 86, 86, 86, 85, 85]);
    expect(spreadEvenly(600, 7).reduce((a, b) => a + b)).toBe(600);
  });
});

describe('the show clock arithmetic', () => {
  it('counts down the slot of the item on air and expects the end after the items left', () => {
    const now = T0 + 100_500;
    const t = showTiming(show({ onAir: { itemId: 'a', since: T0 }, lastOnAirItemId: 'a' }), now);
    expect(t).toMatchObject({ onAirSeconds: 100, itemRemainingSeconds: 80, plannedTotalSeconds: 360, overUnderSeconds: 0 });
    expect(t.expectedEndAt).toBe(T0 + 360_000);
  });

  it('says the show is behind by what the item on air ran over, and the expected end moves with it', () => {
    const now = T0 + 200_000;
    const t = showTiming(show({ onAir: { itemId: 'a', since: T0 }, lastOnAirItemId: 'a' }), now);
    expect(t.itemRemainingSeconds).toBe(-20);
    expect(t.overUnderSeconds).toBe(20);
    expect(t.expectedEndAt).toBe(now + 180_000);
  });

  it('counts a slot cut short as ahead of plan', () => {
    const s = show({ rundown: [{ id: 'a', plannedSeconds: 180, airedMs: 120_000 }, { id: 'b', plannedSeconds: 120 }, { id: 'c', plannedSeconds: 60 }], onAir: { itemId: 'b', since: T0 + 120_000 }, lastOnAirItemId: 'b' });
    expect(showTiming(s, T0 + 130_000).overUnderSeconds).toBe(-60);
  });

  it('against a planned start, a late start is behind plan before anything is on air', () => {
    const t = showTiming(show({ plan: { startsAt: T0, autoAdvance: true } }), T0 + 90_000);
    expect(t.overUnderSeconds).toBe(90);
    expect(t.expectedEndAt).toBe(T0 + 90_000 + 360_000);
  });

  it('has no over/under or expected end when nothing is planned', () => {
    const t = showTiming(show({ rundown: [{ id: 'a' }], onAir: { itemId: 'a', since: T0 } }), T0 + 5000);
    expect(t).toEqual({ onAirSeconds: 5, itemRemainingSeconds: null, plannedTotalSeconds: null, overUnderSeconds: null, expectedEndAt: null });
  });

  it('marks the last ten seconds as a warning and a slot past its plan as over', () => {
    expect([slotState(11), slotState(10), slotState(1), slotState(0), slotState(-5), slotState(null)]).toEqual(['ok', 'warn', 'warn', 'over', 'over', 'none']);
  });
});

describe('which advance is due', () => {
  it('is due when the slot of the item on air is up, at its journaled start plus its plan', () => {
    expect(dueAdvance(show({ onAir: { itemId: 'a', since: T0 } }))).toEqual({ itemId: 'a', since: T0, dueAt: T0 + 180_000 });
  });

  it('is not due for a held item, an unplanned item, the last item, or with auto-advance off', () => {
    const held = show({ rundown: [{ id: 'a', plannedSeconds: 180, autoAdvance: false }, { id: 'b' }], onAir: { itemId: 'a', since: T0 } });
    const unplanned = show({ rundown: [{ id: 'a' }, { id: 'b' }], onAir: { itemId: 'a', since: T0 } });
    const last = show({ onAir: { itemId: 'c', since: T0 } });
    const off = show({ onAir: { itemId: 'a', since: T0 }, plan: { startsAt: null, autoAdvance: false } });
    expect([held, unplanned, last, off].map(dueAdvance)).toEqual([null, null, null, null]);
  });

  it('lets one item advance by itself when the show does not', () => {
    const s = show({ rundown: [{ id: 'a', plannedSeconds: 60, autoAdvance: true }, { id: 'b' }], onAir: { itemId: 'a', since: T0 }, plan: { startsAt: null, autoAdvance: false } });
    expect(dueAdvance(s)?.dueAt).toBe(T0 + 60_000);
  });
});

describe('spreading a total over the rundown', () => {
  const rundown = [{ id: 'a', plannedSeconds: 600 }, { id: 'b' }, { id: 'c', plannedSeconds: 60 }, { id: 'd' }];

  it('gives every slot to come an equal share, so the planned total is what was typed', () => {
    const spread = spreadTotal({ rundown, onAir: null }, 5400, false);
    expect(spread).toEqual({ ok: true, keptSeconds: 0, lengths: ['a', 'b', 'c', 'd'].map((itemId) => ({ itemId, plannedSeconds: 1350 })) });
  });

  it('keeps lengths already set when asked, sharing only what they leave', () => {
    const spread = spreadTotal({ rundown, onAir: null }, 5400, true);
    expect(spread).toEqual({ ok: true, keptSeconds: 660, lengths: [{ itemId: 'b', plannedSeconds: 2370 }, { itemId: 'd', plannedSeconds: 2370 }] });
  });

  it('leaves the slot on air and the slots already aired as they were, and counts their plan in the total', () => {
    const aired = [{ id: 'a', plannedSeconds: 600, airedMs: 640_000 }, { id: 'b', plannedSeconds: 300 }, { id: 'c' }, { id: 'd' }];
    const spread = spreadTotal({ rundown: aired, onAir: { itemId: 'b', since: T0 } }, 3600, false);
    expect(spread).toEqual({ ok: true, keptSeconds: 900, lengths: [{ itemId: 'c', plannedSeconds: 1350 }, { itemId: 'd', plannedSeconds: 1350 }] });
  });

  it('gives the odd seconds to the first slots', () => {
    const spread = spreadTotal({ rundown: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], onAir: null }, 100, false);
    expect(spread.ok && spread.lengths.map((l) => l.plannedSeconds)).toEqual([34, 33, 33]);
  });

  it('refuses a total that leaves less than ten seconds a slot, or more than ten hours, or no slot to spread over', () => {
    expect(spreadTotal({ rundown, onAir: null }, 39, false)).toEqual({ ok: false, reason: 'too_short', slots: 4 });
    expect(spreadTotal({ rundown, onAir: null }, 600, true)).toEqual({ ok: false, reason: 'too_short', slots: 2 });
    expect(spreadTotal({ rundown: [{ id: 'a' }], onAir: null }, 36_001, false)).toEqual({ ok: false, reason: 'too_long', slots: 1 });
    expect(spreadTotal({ rundown: [{ id: 'a', plannedSeconds: 60 }], onAir: null }, 600, true)).toEqual({ ok: false, reason: 'nothing_to_spread', slots: 0 });
    expect(spreadTotal({ rundown: [], onAir: null }, 600, false)).toEqual({ ok: false, reason: 'nothing_to_spread', slots: 0 });
  });
});
