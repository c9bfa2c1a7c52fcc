import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { bareJournal } from './bare-append';
import { startBareOverlay } from './overlay';
import { benchStudio, seedRundown } from './studio-process';
import { alternate, compare, report, summarize } from './stats';

/**
 * Pin acknowledgement over HTTP on loopback (request sent → 200 received, journal fsync included),
 * alternating with its limit: a bare append + fdatasync on the same disk.
 */
export async function benchPinLatency(): Promise<void> {
  const { studio, post, stop } = await benchStudio();
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
    await pinToLiveMessage(post, items, `ws://127.0.0.1:${studio.port}/api/v1/live?token=${studio.token}`);
  } finally {
    await bare.close();
    await stop();
  }
}

/**
 * The server's part of pin → overlay DOM, without a browser: pin sent → the live feed's patch with
 * it reaches a WebSocket client, alternating with the bare HTTP → fdatasync → WebSocket server.
 */
async function pinToLiveMessage(post: (path: string, body: unknown) => Promise<unknown>, items: string[], liveUrl: string): Promise<void> {
  const bareServer = await startBareOverlay();
  const studioLive = await openSocket(liveUrl);
  const bareLive = await openSocket(bareServer.url.replace('http', 'ws') + 'live');
  try {
    const samples = await alternate(
      500,
      50,
      async (i) => {
        const itemId = items[i % items.length];
        const t0 = performance.now();
        const arrived = nextMessage(studioLive, (m) => m.type === 'patch' && (m.changes as { onAir?: { itemId?: string } }).onAir?.itemId === itemId);
        await Promise.all([arrived, post('/api/v1/rundown/pin', { itemId })]);
        const took = (await arrived) - t0;
        await new Promise((r) => setTimeout(r, 20));
        return took;
      },
      async (i) => {
        const itemId = `it-${i % 10}`;
        const t0 = performance.now();
        const arrived = nextMessage(bareLive, (m) => m.itemId === itemId);
        await Promise.all([arrived, fetch(bareServer.url + 'pin', { method: 'POST', body: JSON.stringify({ itemId }) }).then((r) => r.arrayBuffer())]);
        const took = (await arrived) - t0;
        await new Promise((r) => setTimeout(r, 20));
        return took;
      }
    );
    const studio = summarize(samples.studio);
    report('pin sent → live WebSocket client has the patch (no browser)', studio);
    compare('pin → live WebSocket message vs bare HTTP → fdatasync → WebSocket (the server part of pin → overlay DOM)', studio, summarize(samples.bare), { times: 1.15, at: ['p50', 'p99'] });
  } finally {
    studioLive.close();
    bareLive.close();
    await bareServer.stop();
  }
}

function openSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** When the first message that `matches` arrives (performance.now()). */
function nextMessage(ws: WebSocket, matches: (message: Record<string, unknown>) => boolean): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      if (!matches(JSON.parse(String(data)))) return;
      ws.off('message', onMessage);
      resolve(performance.now());
    };
    ws.on('message', onMessage);
  });
}
