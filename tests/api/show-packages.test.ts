import { afterEach, describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { startTestStudio, type TestStudio } from '../helpers/test-studio';
import { order } from '../helpers/orders';

const studios: TestStudio[] = [];
afterEach(async () => {
  for (const s of studios.splice(0)) await s.stop();
});

async function studio(): Promise<TestStudio> {
  const t = await startTestStudio();
  studios.push(t);
  return t;
}

async function download(t: TestStudio, id: string): Promise<Buffer> {
  const res = await fetch(`${t.studio.baseUrl}/api/v1/shows/${id}/package`, { headers: { authorization: `Bearer ${t.studio.token}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/gzip');
  return Buffer.from(await res.arrayBuffer());
}

async function upload(t: TestStudio, data: Buffer): Promise<{ status: number; body: any }> {
  const res = await fetch(`${t.studio.baseUrl}/api/v1/shows/import`, { method: 'POST', headers: { authorization: `Bearer ${t.studio.token}`, 'content-type': 'application/gzip' }, body: new Uint8Array(data) });
  return { status: res.status, body: await res.json() };
}

/** The office's show: two audiences, a product, a rundown and an order. */
async function officeShow(t: TestStudio): Promise<void> {
  await t.api('PATCH', '/api/v1/show', { title: 'Autumn in Warsaw', locales: [{ locale: 'pl-PL', currency: 'PLN' }, { locale: 'de-DE', currency: 'EUR' }] });
  await t.api('POST', '/api/v1/products/import', [{ id: 'lav-01', title: { pl: 'Spodnie lawendowe' }, price: { PLN: 84.99, EUR: 19.99 }, stock: 50 }]);
  await t.api('POST', '/api/v1/rundown/items', { productId: 'lav-01' });
  await t.studio.core.execute({ type: 'sales.record', source: 'manual', orders: [order('a1', { units: 2, amount: 169.98 })] }, { id: 'owner', client: 'test' });
}

describe('show packages', () => {
  it('imports on another studio exactly as the show was exported, sales and report included', async () => {
    const office = await studio();
    await officeShow(office);
    const pkg = await download(office, 'show-1');
    const studioMachine = await studio();
    const imported = await upload(studioMachine, pkg);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ id: 'show-2', title: 'Autumn in Warsaw', summary: { orders: 1, units: 2, revenue: { PLN: 169.98 } } });
    await studioMachine.api('POST', '/api/v1/shows/show-2/open');
    const there = (await studioMachine.api('GET', '/api/v1/show')).body;
    const here = (await office.api('GET', '/api/v1/show')).body;
    for (const key of ['revision', 'title', 'locales', 'products', 'rundown', 'theme'] as const) expect(there[key]).toEqual(here[key]);
    expect((await studioMachine.api('GET', '/api/v1/shows/show-2/report.csv')).body).toBe((await office.api('GET', '/api/v1/shows/show-1/report.csv')).body);
    expect(await readFile(join(studioMachine.dataDir, 'shows', 'show-2', 'journal.jsonl'), 'utf8')).toBe(await readFile(join(office.dataDir, 'show', 'journal.jsonl'), 'utf8'));
  });

  it('refuses a package with one damaged byte with the reason, and changes nothing', async () => {
    const office = await studio();
    await officeShow(office);
    const tarBytes = gunzipSync(await download(office, 'show-1'));
    const at = tarBytes.indexOf('Autumn in Warsaw', tarBytes.indexOf('show.updated'));
    tarBytes[at] = 'B'.charCodeAt(0);
    const target = await studio();
    const before = await readdir(join(target.dataDir, 'shows'));
    const refused = await upload(target, gzipSync(tarBytes));
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('invalid_package');
    expect(refused.body.error.message).toMatch(/journal\.jsonl" is damaged/);
    expect(await readdir(join(target.dataDir, 'shows'))).toEqual(before);
    expect((await target.api('GET', '/api/v1/shows')).body.shows).toHaveLength(1);
  });

  it('refuses a foreign file and a cut-off package with a clear reason, and changes nothing', async () => {
    const office = await studio();
    await officeShow(office);
    const pkg = await download(office, 'show-1');
    const target = await studio();
    const foreign = await upload(target, gzipSync(Buffer.from('just some text, not a tar at all'.repeat(40))));
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.message).toMatch(/not (a Shopcast )?(a )?show package/);
    const cut = await upload(target, pkg.subarray(0, Math.floor(pkg.length / 2)));
    expect(cut.status).toBe(400);
    expect(cut.body.error.message).toMatch(/damaged|missing/);
    expect((await upload(target, Buffer.from('plain bytes'))).status).toBe(400);
    expect(await readdir(join(target.dataDir, 'shows'))).toEqual(['index.json']);
    expect((await target.api('GET', '/api/v1/shows')).body.shows).toHaveLength(1);
  });
});
