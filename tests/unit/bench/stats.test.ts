import { afterEach, describe, expect, it, vi } from 'vitest';
import { alternate, compare, summarize } from '../../bench/stats';

const figures = (p50: number, p99: number) => summarize([...Array(50).fill(p50), ...Array(49).fill(p50), p99]);

describe('bench limits', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints the studio figure beside its limit with the ratio at p50 and p99 and says the aim is met', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(compare('pin → DOM vs bare', figures(11, 22), figures(10, 20), { times: 1.15, at: ['p50', 'p99'] })).toBe(true);
    expect(log.mock.calls[0][0]).toMatch(/^pin → DOM vs bare {2}p50 11\.000 ms p99 22\.000 ms {2}limit p50 10\.000 ms p99 20\.000 ms {2}ratio p50 1\.10× p99 1\.10× {2}aim ≤ 1\.15× at p50 and p99 {2}met /);
  });

  it('says not met when only the p99 ratio is over the aim', () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(compare('x', figures(10, 40), figures(10, 20), { times: 1.15, at: ['p50', 'p99'] })).toBe(false);
    expect(compare('x', figures(10, 40), figures(10, 20), { times: 1.15, at: ['p50'] })).toBe(true);
  });

  it('alternates studio and bare samples round by round and drops the warm-up rounds from both', async () => {
    const order: string[] = [];
    const out = await alternate(3, 1, async (i) => (order.push(`s${i}`), i), async (i) => (order.push(`b${i}`), 10 + i));
    expect(order).toEqual(['s0', 'b0', 's1', 'b1', 's2', 'b2', 's3', 'b3']);
    expect(out).toEqual({ studio: [1, 2, 3], bare: [11, 12, 13] });
  });
});
