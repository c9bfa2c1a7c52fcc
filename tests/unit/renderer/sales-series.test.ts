import { describe, expect, it } from 'vitest';
import { unitsPerMinuteSeries } from '../../../src/renderer/src/lib/sales-series';

const MINUTE = 60_000;
const now = Date.UTC(2026, 10, 28, 20, 30, 40);
const thisMinute = Date.UTC(2026, 10, 28, 20, 30);

describe('the sales chart\'s series', () => {
  it('shows the last half hour at least, every minute present, ending at the current one', () => {
    const [xs, ys] = unitsPerMinuteSeries([{ minute: thisMinute - 2 * MINUTE, orders: 1, units: 4 }], now);
    expect(xs).toHaveLength(30);
    expect(xs.at(-1)).toBe(thisMinute / 1000);
    expect(xs[1] - xs[0]).toBe(60);
    expect(ys.at(-3)).toBe(4);
    expect(ys.reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('grows with the show up to the two hours the studio keeps', () => {
    const perMinute = Array.from({ length: 200 }, (_, i) => ({ minute: thisMinute - (199 - i) * MINUTE, orders: 1, units: 1 }));
    const [xs, ys] = unitsPerMinuteSeries(perMinute.slice(-50), now);
    expect(xs).toHaveLength(50);
    expect(unitsPerMinuteSeries(perMinute, now)[0]).toHaveLength(120);
    expect(ys.every((u) => u === 1)).toBe(true);
  });
});
