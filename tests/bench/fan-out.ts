import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { benchStudio, seedRundown } from './studio-process';
import { report, summarize } from './stats';

const CLIENTS = 20;

/** A pin's change reaching 20 live WebSocket clients: request sent → the last client has the patch. */
export async function benchFanOut(): Promise<void> {
  const { studio, post, stop } = await benchStudio();
  const items = await seedRundown(post, 10);
  const sockets = await Promise.all(
    Array.from({ length: CLIENTS }, () => new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${studio.port}/api/v1/live?token=${studio.token}`);
      ws.once('message', () => resolve(ws));
      ws.once('error', reject);
    }))
  );
  const samples: number[] = [];
  for (let i = 0; i < 500; i++) {
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
    samples.push(performance.now() - t0);
    // Patches are coalesced per 16 ms frame; pausing a frame measures an operator's pace, not the coalescing window.
    await new Promise((r) => setTimeout(r, 20));
  }
  report(`pin → all ${CLIENTS} WebSocket clients have the change`, summarize(samples));
  for (const ws of sockets) ws.close();
  await stop();
}
