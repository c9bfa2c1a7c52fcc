import { open } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { tempDir } from '../helpers/temp-dir';

/**
 * The floor under "a pin while orders stream in": a bare `node:http` server with one journal file
 * and the studio's way of writing it (appends that arrive during a sync are written together, then
 * synced once), while a loop appends poll-sized lines as fast as the studio took them. A pin is
 * read, appended, synced and answered; nothing is validated, classified, counted or sent to a face.
 * What remains is the disk: a pin waits for the poll's sync in flight, then for its own.
 */
export async function barePinsDuringIngest(options: { lineBytes: number; lines: number; seconds: number }): Promise<number[]> {
  const { dir, cleanup } = await tempDir('shopcast-bench-bare-ingest-');
  const file = await open(join(dir, 'journal.jsonl'), 'a');
  let queue: { data: string; resolve: () => void }[] = [];
  let flushing = false;
  const flush = async () => {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      await file.write(batch.map((p) => p.data).join(''));
      await file.datasync();
      for (const p of batch) p.resolve();
    }
    flushing = false;
  };
  const append = (data: string) =>
    new Promise<void>((resolve) => {
      queue.push({ data, resolve });
      if (!flushing) {
        flushing = true;
        void flush();
      }
    });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { itemId } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { itemId: string };
      void append(`${JSON.stringify({ at: Date.now(), type: 'onAir.pinned', itemId })}\n`).then(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"revision":1}');
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pin`;

  const poll = `${JSON.stringify({ type: 'sales.recorded', changes: 'x'.repeat(Math.max(0, options.lineBytes - 60)) })}\n`;
  let ingesting = true;
  const pins: number[] = [];
  const pinner = (async () => {
    for (let n = 0; ingesting; n++) {
      const t0 = performance.now();
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ itemId: `it-${n % 20}` }) });
      await res.arrayBuffer();
      pins.push(performance.now() - t0);
      await sleep(20);
    }
  })();
  // Paced to the studio's own rate: the same bytes reach the same disk over the same time.
  const start = performance.now();
  const every = (options.seconds * 1000) / options.lines;
  for (let i = 0; i < options.lines; i++) {
    await append(poll);
    const ahead = start + (i + 1) * every - performance.now();
    if (ahead > 0) await sleep(ahead);
  }
  ingesting = false;
  await pinner;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await file.close();
  await cleanup();
  return pins;
}
