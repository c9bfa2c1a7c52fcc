import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStudio, type TestStudio } from '../helpers/test-studio';

let t: TestStudio;
beforeAll(async () => (t = await startTestStudio()));
afterAll(() => t.stop());

describe('the catalogue over HTTP', () => {
  it('imports CSV, reports a broken row by its row number and imports the rest', async () => {
    const csv = [
      'id,title:en,title:pl,price:EUR,price:PLN,stock',
      'lav-01,Lavender trousers,Spodnie lawendowe,19.99,84.99,12',
      'bad-02,Broken,Zepsuty,abc,10,1',
      'mug-03,Mug,Kubek,7.50,32,4'
    ].join('\n');
    const { status, body } = await t.api('POST', '/api/v1/products/import', csv);
    expect(status).toBe(200);
    expect(body.imported).toBe(2);
    expect(body.rejected).toHaveLength(1);
    expect(body.rejected[0].row).toBe(3);
    expect(body.rejected[0].message).toMatch(/price:EUR/);
  });

  it('imports a JSON array and updates an existing product without losing its other fields', async () => {
    const { body } = await t.api('POST', '/api/v1/products/import', [{ id: 'lav-01', title: { de: 'Lavendelhose' }, price: { EUR: 17.99 } }]);
    expect(body.imported).toBe(1);
    const product = (await t.api('GET', '/api/v1/products/lav-01')).body;
    expect(product).toMatchObject({ title: { en: 'Lavender trousers', pl: 'Spodnie lawendowe', de: 'Lavendelhose' }, price: { EUR: 17.99, PLN: 84.99 }, stock: 12 });
  });

  it('marks a product sold out and back in stock, with no count when the count is not known', async () => {
    expect((await t.api('POST', '/api/v1/products/mug-03/stock', { stock: 0 })).status).toBe(200);
    expect((await t.api('GET', '/api/v1/products/mug-03')).body.stock).toBe(0);
    expect((await t.api('POST', '/api/v1/products/mug-03/stock', { stock: null })).status).toBe(200);
    expect((await t.api('GET', '/api/v1/products/mug-03')).body.stock).toBeNull();
    expect((await t.api('POST', '/api/v1/products/mug-03/stock', { stock: -1 })).status).toBe(400);
    expect((await t.api('POST', '/api/v1/products/mug-03/stock', { stock: 4 })).status).toBe(200);
  });

  it('finds products by any language, ignoring case and diacritics', async () => {
    const { body } = await t.api('GET', '/api/v1/products?q=spodnie&locale=pl-PL');
    expect(body.products.map((p: { id: string }) => p.id)).toEqual(['lav-01']);
    expect((await t.api('GET', '/api/v1/products?q=LAVENDEL')).body.total).toBe(1);
  });

  it('refuses a body that is not a catalogue with 400', async () => {
    const { status, body } = await t.api('POST', '/api/v1/products/import', { not: 'an array' });
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_catalogue');
    const broken = await t.api('POST', '/api/v1/products/import', undefined, { 'content-type': 'application/json' });
    expect(broken.status).toBe(400);
    const res = await fetch(`${t.studio.baseUrl}/api/v1/products/import`, { method: 'POST', headers: { authorization: `Bearer ${t.studio.token}`, 'content-type': 'application/json' }, body: '[{"id":' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: unknown }).error).toEqual({ code: 'invalid_catalogue', message: 'the file is not valid JSON', details: { reason: { code: 'import.file.notJson', params: {} } } });
  });

  it('says why a whole file is refused as a code the desk words, with the file\'s own words as values', async () => {
    const csv = (text: string) => fetch(`${t.studio.baseUrl}/api/v1/products/import`, { method: 'POST', headers: { authorization: `Bearer ${t.studio.token}`, 'content-type': 'text/csv' }, body: text }).then(async (r) => ({ status: r.status, error: ((await r.json()) as { error: { code: string; details: unknown } }).error }));
    expect(await csv('title:pl,price:PLN\nKrzesło,199')).toEqual({ status: 400, error: expect.objectContaining({ code: 'invalid_catalogue', details: { reason: { code: 'import.file.noId', params: {} } } }) });
    expect((await csv('id,nazwa,<b>\nx,1,2')).error.details).toEqual({ reason: { code: 'import.file.unknownColumns', params: { columns: '"nazwa", "<b>"' } } });
    expect((await csv('\n')).error.details).toEqual({ reason: { code: 'import.file.csvEmpty', params: {} } });
    expect((await t.api('POST', '/api/v1/products/import', { not: 'an array' })).body.error.details).toEqual({ reason: { code: 'import.file.notArray', params: {} } });
  });

  it('keeps a title with markup as text', async () => {
    await t.api('POST', '/api/v1/products/import', [{ id: 'xss', title: { en: '<script>alert(1)</script>' } }]);
    expect((await t.api('GET', '/api/v1/products/xss')).body.title.en).toBe('<script>alert(1)</script>');
  });

  it('answers 404 for an unknown product', async () => {
    expect((await t.api('GET', '/api/v1/products/nope')).status).toBe(404);
  });
});

describe('a big import over HTTP', () => {
  const sheet = (n: number, broken: number | null = null) =>
    ['id,title:en,price:EUR', ...Array.from({ length: n }, (_, i) => `big-${i},Big ${i},${i === broken ? 'abc' : '1.50'}`)].join('\n');

  it('is journaled as commands of at most 1,000 products, and still reports every row', async () => {
    const before = t.studio.core.current.revision;
    // Row 1 is the header: product big-2400 is on row 2402.
    const { status, body } = await t.api('POST', '/api/v1/products/import', sheet(2500, 2400));
    expect(status).toBe(200);
    expect(body.imported).toBe(2499);
    expect(body.rejected).toEqual([{ row: 2402, message: 'price:EUR: "abc" is not a price', problems: [{ code: 'import.notPrice', params: { column: 'price:EUR', value: 'abc' } }] }]);
    const parts = t.studio.core.recentEntries(10).filter((e) => e.rev > before);
    expect(parts.map((e) => e.command)).toEqual(['catalogue.import', 'catalogue.import', 'catalogue.import']);
    expect(parts.map((e) => (e.events[0] as { products: unknown[] }).products.length)).toEqual([1000, 1000, 499]);
    expect(body.revision).toBe(parts.at(-1)!.rev);
    expect((await t.api('GET', '/api/v1/products/big-2499')).body.title.en).toBe('Big 2499');
  });

  it('lets a pin through between its parts instead of after the whole import', async () => {
    const item = (await t.api('POST', '/api/v1/rundown/items', { productId: 'lav-01' })).body;
    let pin: Promise<{ status: number; body: { revision: number } }> | null = null;
    const off = t.studio.core.subscribe((_state, entry) => {
      if (entry.command === 'catalogue.import' && !pin) pin = t.api('POST', '/api/v1/rundown/pin', { itemId: item.id });
    });
    const imported = await t.api('POST', '/api/v1/products/import', sheet(10_000));
    off();
    const pinned = await pin!;
    expect(pinned.status).toBe(200);
    expect(imported.body.imported).toBe(10_000);
    expect(pinned.body.revision).toBeLessThan(imported.body.revision);
  });

  it('caps a search page at 500 products', async () => {
    const { body } = await t.api('GET', '/api/v1/products?q=big&limit=100000');
    expect(body.total).toBeGreaterThan(500);
    expect(body.products).toHaveLength(500);
  });
});

describe('a CSV upload read as it arrives', () => {
  const upload = (chunks: string[], headers: Record<string, string> = {}) =>
    new Promise<{ status: number; body: any }>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: t.studio.port, path: '/api/v1/products/import', method: 'POST', headers: { authorization: `Bearer ${t.studio.token}`, 'content-type': 'text/csv', ...headers } },
        (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
        }
      );
      req.on('error', reject);
      for (const chunk of chunks) req.write(chunk);
      req.end();
    });

  it('reads a sheet sent in pieces that cut a row, a quoted cell and a character in two, byte-order mark and all', async () => {
    const sheet = Buffer.from('\uFEFFid,title:pl,price:PLN\nsplit-1,"Żółta, łódka",12.50\nsplit-2,Kubek ☕,7\n');
    const cuts = [5, 30, sheet.indexOf(Buffer.from('ó')) + 1, sheet.indexOf(Buffer.from('☕')) + 2, sheet.length];
    const pieces: Buffer[] = [];
    let at = 0;
    for (const cut of cuts) {
      pieces.push(sheet.subarray(at, cut));
      at = cut;
    }
    const { status, body } = await upload(pieces as unknown as string[], { 'transfer-encoding': 'chunked' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ imported: 2, rejected: [] });
    expect((await t.api('GET', '/api/v1/products/split-1')).body).toMatchObject({ title: { pl: 'Żółta, łódka' }, price: { PLN: 12.5 } });
    expect((await t.api('GET', '/api/v1/products/split-2')).body.title.pl).toBe('Kubek ☕');
  });

  it('refuses an upload past 50 MiB with 413, whether it says its length or not', async () => {
    const megabyte = `${'x'.repeat(1024 * 1024 - 1)}\n`;
    const declared = await t.api('POST', '/api/v1/products/import', 'id\n'.padEnd(51 * 1024 * 1024, 'y'));
    expect(declared.status).toBe(413);
    const chunked = await upload(['id\n', ...Array.from({ length: 51 }, () => megabyte)], { 'transfer-encoding': 'chunked' });
    expect(chunked.status).toBe(413);
    expect(chunked.body.error.code).toBe('body_too_large');
  });
});
