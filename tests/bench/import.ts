import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import Papa from 'papaparse';
import { benchStudio, seedRundown } from './studio-process';
import { syntheticCatalogue } from './fixtures';

const ROWS = 100_000;
const PIN_EVERY_MS = 20;
const LIMIT_MS = 100;

/** The catalogue as an operator's spreadsheet: one row per product, seven languages, two currencies. */
export function syntheticCsv(n: number): string {
  const rows = syntheticCatalogue(n).map((p) => ({
    id: p.id,
    ...Object.fromEntries(Object.entries(p.title ?? {}).map(([l, t]) => [`title:${l}`, t])),
    'price:EUR': p.price?.EUR,
    'price:PLN': p.price?.PLN,
    stock: p.stock,
    image: p.image
  }));
  return Papa.unparse(rows);
}

/**
 * Big work must not freeze the show: pins sent every 20 ms while a 100,000-row CSV is imported over
 * HTTP (then 100,000 more products as JSON, then while the audit trail is read), the worst pin acknowledgement printed beside the
 * 100 ms limit. The studio runs in its own process; pins and the big request use separate sockets.
 */
export async function benchImport(): Promise<void> {
  // Made and encoded first: building 25 MB blocks this process, and writing a string would block
  // it again while pins are being timed.
  const csv = Buffer.from(syntheticCsv(ROWS));
  const json = Buffer.from(JSON.stringify(syntheticCatalogue(ROWS).map((p) => ({ id: p.id, title: p.title, price: p.price, stock: p.stock }))));
  const { studio, post, stop } = await benchStudio();
  const big = new Agent({ keepAlive: false });
  // A failure must not leave the studio process running behind the bench.
  try {
    const items = await seedRundown(post, 10);
    const send = (method: string, path: string, body: Buffer | null, type: string) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: studio.port, path, method, agent: big, headers: { authorization: `Bearer ${studio.token}`, ...(body !== null && { 'content-type': type, 'content-length': Buffer.byteLength(body) }) } },
          (res) => {
            // A journal page is tens of megabytes: keeping and decoding it here would hold up this
            // process's own pins and be counted against the studio. Only small answers are kept.
            const chunks: Buffer[] = [];
            let bytes = 0;
            res.on('data', (c: Buffer) => {
              bytes += c.length;
              if (bytes <= 1024 * 1024) chunks.push(c);
            });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text: bytes <= 1024 * 1024 ? Buffer.concat(chunks).toString('utf8') : '' }));
          }
        );
        req.on('error', reject);
        req.end(body ?? undefined);
      });

    const importing = await whilePinning(post, items, async () => {
      const res = await send('POST', '/api/v1/products/import', csv, 'text/csv');
      if (res.status !== 200) throw new Error(`import failed: ${res.status} ${res.text.slice(0, 300)}`);
      const body = JSON.parse(res.text) as { imported: number; rejected: unknown[] };
      if (body.imported !== ROWS) throw new Error(`imported ${body.imported} of ${ROWS}`);
    });
    print(`worst pin delay during a ${ROWS.toLocaleString('en')}-row CSV import (${(csv.length / 1e6).toFixed(1)} MB, ${importing.elapsed.toFixed(0)} ms)`, importing);

    const importingJson = await whilePinning(post, items, async () => {
      const res = await send('POST', '/api/v1/products/import', json, 'application/json');
      if (res.status !== 200 || (JSON.parse(res.text) as { imported: number }).imported !== ROWS) throw new Error(`JSON import failed: ${res.status} ${res.text.slice(0, 300)}`);
    });
    print(`worst pin delay during a ${ROWS.toLocaleString('en')}-product JSON import of the same products (${(json.length / 1e6).toFixed(1)} MB, ${importingJson.elapsed.toFixed(0)} ms)`, importingJson);

    const paging = await whilePinning(post, items, async () => {
      for (let i = 0; i < 5; i++) {
        const res = await send('GET', '/api/v1/journal?limit=500', null, '');
        if (res.status !== 200) throw new Error(`journal page failed: ${res.status}`);
      }
    });
    print('worst pin delay while the audit trail is read (5 × GET /api/v1/journal?limit=500 after the imports)', paging);
  } finally {
    big.destroy();
    await stop();
  }
}

type Post = (path: string, body: unknown) => Promise<{ status: number; body: any }>;

/** Runs `work` while a pin goes out every 20 ms (each waiting for the last); the slowest pin answer. */
async function whilePinning(post: Post, items: string[], work: () => Promise<void>): Promise<{ worst: number; pins: number; elapsed: number }> {
  let done = false;
  let worst = 0;
  let pins = 0;
  const started = performance.now();
  const pinning = (async () => {
    while (!done) {
      const t0 = performance.now();
      const res = await post('/api/v1/rundown/pin', { itemId: items[pins % items.length] });
      const took = performance.now() - t0;
      if (res.status !== 200) throw new Error(`pin failed: ${JSON.stringify(res.body)}`);
      worst = Math.max(worst, took);
      if (process.env.BENCH_DEBUG && took > Number(process.env.BENCH_DEBUG)) console.log(`  slow pin ${took.toFixed(0)} ms at +${(t0 - started).toFixed(0)} ms`);
      pins++;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, PIN_EVERY_MS - took)));
    }
  })();
  const t0 = performance.now();
  try {
    await work();
  } finally {
    done = true;
    await pinning;
  }
  return { worst, pins, elapsed: performance.now() - t0 };
}

function print(name: string, r: { worst: number; pins: number }): void {
  console.log(`${name}: worst=${r.worst.toFixed(1)} ms over ${r.pins} pins  (aim: < ${LIMIT_MS} ms)`);
}
