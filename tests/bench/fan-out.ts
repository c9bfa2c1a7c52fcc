import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { benchStudio, seedRundown } from './studio-process';
import { alternate, compare, report, summarize } from './stats';

const CLIENTS = 20;

type Studio = Awaited<ReturnType<typeof benchStudio>>;

/**
 * A pin's change reaching 20 live WebSocket clients (request sent → the last client has the patch),
 * alternating with its limit: the same studio build with one client.
 */
export async function benchFanOut(): Promise<void> {
  const many = await withClients(await benchStudio(), CLIENTS);
  const one = await withClients(await benchStudio(), 1);
  try {
    const samples = await alternate(500, 20, many.pinReached, one.pinReached);
    const all = summarize(samples.studio);
    report(`pin → all ${CLIENTS} WebSocket clients have the change`, all);
    compare(`fan-out: ${CLIENTS} clients vs one client`, all, summarize(samples.bare), { times: 1.5, at: ['p99'] });
  } finally {
    await many.stop();
    await one.stop();
  }
}

async function withClients({ studio, post, stop }: Studio, clients: number) {
  const items = await seedRundown(post, 10);
  const sockets = await Promise.all(
    Array.from({ length: clients }, () => new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${studio.port}/api/v1/live?token=${studio.token}`);
      ws.once('message', () => resolve(ws));
      ws.once('error', reject);
    }))
  );
  return {
    async pinReached(i: number): Promise<number> {
      const itemId = items[i % 10];
      const t0 = performance.now();
      const arrivals = sockets.map((ws) => new Promise<void>((resolve) => {
        const onMessage = (data: WebSocket.RawData) => {
          const msg = JSON.parse(String(data));
          if (msg.type === 'patch' && msg.changes.onAir?.itemId === itemId) {
            ws.off('message', onMessage);
            resolve();
          }
        };
        ws.on('message', onMessage);
      }));
      await post('/api/v1/rundown/pin', { itemId });
      await Promise.all(arrivals);
      const took = performance.now() - t0;
      // A burst of changes is merged one message a frame; pausing measures an operator's pace, not the merging.
      await new Promise((r) => setTimeout(r, 20));
      return took;
    },
    async stop() {
      for (const ws of sockets) ws.close();
      await stop();
    }
  };
}
