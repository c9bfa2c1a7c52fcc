import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type OBSWebSocket from 'obs-websocket-js/json';
import type { RequestBatchRequest } from 'obs-websocket-js/json';
import type { bareJournal } from './bare-append';

/**
 * The floor under "pin → every OBS acknowledged": a bare HTTP server that does only what a pin must,
 * in the studio's order: read the request, append and `fdatasync` a journal line, send the card's
 * batch to every OBS, answer. No roles, no rundown, no views: whatever the studio takes beyond
 * this is its own.
 */
export async function bareObsPinServer(
  journal: Awaited<ReturnType<typeof bareJournal>>,
  clients: OBSWebSocket[],
  batchFor: (i: number) => RequestBatchRequest[]
): Promise<{ pin: (i: number) => Promise<number>; close: () => Promise<void> }> {
  // Each pin's batches, by sequence number: the client waits for them as the bench waits for onObsApplied.
  const sent = new Map<number, Promise<unknown>>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { i } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { i: number };
      void journal.appendSynced(`${JSON.stringify({ seq: i, at: Date.now(), type: 'pinned', itemId: `it-${i % 10}` })}\n`).then(() => {
        sent.set(i, Promise.all(clients.map((obs) => obs.callBatch(batchFor(i)))));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ revision: i }));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pin`;
  return {
    async pin(i: number) {
      const t0 = performance.now();
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ i }) });
      await res.json();
      await sent.get(i);
      sent.delete(i);
      return performance.now() - t0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  };
}
