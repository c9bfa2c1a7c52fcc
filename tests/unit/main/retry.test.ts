import { describe, expect, it } from 'vitest';
import { backoff, boundedWait, retryAfterMs, timerDelay } from '../../../src/main/retry';

describe('backoff', () => {
  const policy = { baseMs: 2000, capMs: 60_000 };

  it('doubles from the base up to the cap, at most', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50, 5000].map((a) => backoff(a, policy, () => 1))).toEqual([2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000]);
  });

  it('jitters each wait down by up to half, never up', () => {
    expect(backoff(3, policy, () => 0)).toBe(8000);
    expect(backoff(3, policy, () => 0.5)).toBe(12_000);
    expect(backoff(-1, policy, () => 1)).toBe(2000);
  });
});

describe('Retry-After', () => {
  const now = Date.UTC(2026, 11, 2, 9, 0, 0);

  it('reads seconds, whole or with a decimal, as Shopify sends them', () => {
    expect(retryAfterMs('30', now)).toBe(30_000);
    expect(retryAfterMs(' 1.0 ', now)).toBe(1000);
    expect(retryAfterMs('2.5', now)).toBe(2500);
  });

  it('reads an HTTP date as the time left until it', () => {
    expect(retryAfterMs('Wed, 02 Dec 2026 09:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs('Wednesday, 02-Dec-26 09:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Wed Dec  2 09:00:45 2026', now)).toBe(45_000);
  });

  it('keeps what it asks between a second and five minutes', () => {
    expect(retryAfterMs('99999999', now)).toBe(300_000);
    expect(retryAfterMs('Fri, 31 Dec 9999 23:59:59 GMT', now)).toBe(300_000);
    expect(retryAfterMs('0', now)).toBe(1000);
    expect(retryAfterMs('Thu, 01 Jan 1970 00:00:00 GMT', now)).toBe(1000);
  });

  it('ignores garbage, so the caller\'s own backoff applies', () => {
    for (const garbage of ['-5', '0x7fffffff', '1e9', 'soon', 'Infinity', 'NaN', '', '   ', 'Wed, 99 Dec 2026 09:01:00 GMT', null, undefined]) {
      expect(retryAfterMs(garbage, now), String(garbage)).toBeUndefined();
    }
  });
});

describe('timers and waits', () => {
  it('bounds any wait, and makes a wait that is not a number the fallback', () => {
    expect(boundedWait(10)).toBe(1000);
    expect(boundedWait(1e12)).toBe(300_000);
    expect(boundedWait(Infinity)).toBe(300_000);
    expect(boundedWait(NaN, 5000)).toBe(5000);
    expect(boundedWait(undefined)).toBe(1000);
  });

  it('never hands a timer a delay it would fire at once', () => {
    expect(timerDelay(2 ** 40)).toBe(2 ** 31 - 1);
    expect(timerDelay(Infinity)).toBe(2 ** 31 - 1);
    expect(timerDelay(-5)).toBe(0);
    expect(timerDelay(NaN)).toBe(0);
    expect(timerDelay(1500)).toBe(1500);
  });
});
