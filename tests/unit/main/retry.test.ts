import { describe, expect, it } from 'vitest';
import { backoff } from '../../../src/main/retry';

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
