import { performance } from 'node:perf_hooks';
import { benchStudio, seedRundown } from './studio-process';
import { report, summarize } from './stats';

/** Pin acknowledgement over HTTP on loopback: request sent → 200 received (journal fsync included). */
export async function benchPinLatency(): Promise<void> {
  const { post, stop } = await benchStudio();
  const items = await seedRundown(post, 10);
  for (let i = 0; i < 200; i++) await post('/api/v1/rundown/pin', { itemId: items[i % 10] });
  const samples: number[] = [];
  for (let i = 0; i < 3000; i++) {
    const t0 = performance.now();
    const res = await post('/api/v1/rundown/pin', { itemId: items[i % 10] });
    samples.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`pin failed: ${JSON.stringify(res.body)}`);
  }
  report('pin acknowledged over HTTP (sequential, fsync per command)', summarize(samples), 'p99 < 10 ms');
  await stop();
}
