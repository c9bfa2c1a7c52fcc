import { performance } from 'node:perf_hooks';
import { bareJournal } from './bare-append';
import { benchStudio, seedRundown } from './studio-process';
import { alternate, compare, report, summarize } from './stats';

/**
 * Pin acknowledgement over HTTP on loopback (request sent → 200 received, journal fsync included),
 * alternating with its limit: a bare append + fdatasync on the same disk.
 */
export async function benchPinLatency(): Promise<void> {
  const { post, stop } = await benchStudio();
  const bare = await bareJournal();
  try {
    const items = await seedRundown(post, 10);
    const samples = await alternate(
      3000,
      200,
      async (i) => {
        const t0 = performance.now();
        const res = await post('/api/v1/rundown/pin', { itemId: items[i % 10] });
        const took = performance.now() - t0;
        if (res.status !== 200) throw new Error(`pin failed: ${JSON.stringify(res.body)}`);
        return took;
      },
      bare.time
    );
    const pin = summarize(samples.studio);
    report('pin acknowledged over HTTP (sequential, fsync per command)', pin, 'p99 < 10 ms');
    compare('pin acknowledged vs bare append + fdatasync', pin, summarize(samples.bare));
  } finally {
    await bare.close();
    await stop();
  }
}
