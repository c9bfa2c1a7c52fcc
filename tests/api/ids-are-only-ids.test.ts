import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStudio, type TestStudio } from '../helpers/test-studio';
import { as, pairDevice } from './access-helpers';

/** Names every JavaScript object answers to: as ids they must be ordinary ids, nothing more. */
const INHERITED = [
  '__proto__',
  'constructor',
  'toString',
  'toLocaleString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  '__defineGetter__',
  '__lookupSetter__',
  'prototype'
];
/** The ones the product id rule accepts (an id starts with a letter or digit). */
const ACCEPTED = INHERITED.filter((name) => /^[A-Za-z0-9]/.test(name));

let t: TestStudio;
let moderator: ReturnType<typeof as>;
const dirs: (() => Promise<void>)[] = [];

/** Every route that takes an id, asked about `name`: [method, path, body]. */
function idRoutes(name: string): [string, string, unknown?][] {
  const id = encodeURIComponent(name);
  return [
    ['GET', `/api/v1/products/${id}`],
    ['POST', `/api/v1/products/${id}/stock`, { stock: 3 }],
    ['POST', '/api/v1/rundown/items', { productId: name }],
    ['DELETE', `/api/v1/rundown/items/${id}`],
    ['POST', `/api/v1/rundown/items/${id}/move`, { index: 0 }],
    ['POST', '/api/v1/rundown/pin', { itemId: name }],
    ['POST', '/api/v1/deal', { productId: name, price: { EUR: 1 }, durationSeconds: 60 }],
    ['GET', `/api/v1/products?q=${id}&locale=${id}`],
    ['GET', `/api/v1/obs/connections/${id}`],
    ['DELETE', `/api/v1/obs/connections/${id}`],
    ['PATCH', `/api/v1/devices/${id}`, { name: 'x' }],
    ['DELETE', `/api/v1/devices/${id}`],
    ['GET', '/api/v1/sales/report.csv'],
    ['GET', '/api/v1/sales/report.html']
  ];
}

const showState = async (studio: TestStudio) => {
  const { body } = await studio.api('GET', '/api/v1/show');
  const products = await studio.api('GET', '/api/v1/products?limit=1000');
  return { revision: body.revision, rundown: body.rundown, onAir: body.onAir, deal: body.deal, catalogue: body.catalogue, products: products.body };
};

beforeAll(async () => {
  t = await startTestStudio();
  dirs.push(() => t.stop());
  moderator = as(t, (await pairDevice(t, 'moderator', 'Ana')).token);
});
afterAll(async () => {
  for (const cleanup of dirs.reverse()) await cleanup();
});

describe('ids named like what every object inherits', () => {
  it('are unknown ids on every id-taking route until they exist: 404 or 400, never 500, nothing journaled', async () => {
    const before = (await showState(t)).revision;
    for (const name of INHERITED) {
      for (const [method, path, body] of idRoutes(name)) {
        for (const ask of [t.api, moderator]) {
          const res = await ask(method, path, body);
          expect.soft(res.status, `${method} ${path} as ${ask === t.api ? 'producer' : 'moderator'}`).toBeLessThan(500);
          if (!path.includes('?') && !path.startsWith('/api/v1/sales') && !(method === 'GET' && path.startsWith('/api/v1/obs'))) {
            expect.soft([400, 403, 404], `${method} ${path}`).toContain(res.status);
          }
        }
      }
    }
    expect((await showState(t)).revision).toBe(before);
  });

  it('are ordinary products once imported: found, stocked, added, pinned, searched, reported, and the show restarts the same', async () => {
    const imported = await t.api(
      'POST',
      '/api/v1/products/import',
      INHERITED.map((id) => ({ id, title: { en: `Item ${id}` }, price: { EUR: 5 }, stock: 2 }))
    );
    expect(imported.status).toBe(200);
    expect(imported.body.imported).toBe(ACCEPTED.length);
    for (const name of ACCEPTED) {
      const id = encodeURIComponent(name);
      expect((await t.api('GET', `/api/v1/products/${id}`)).body).toMatchObject({ id: name, title: { en: `Item ${name}` }, stock: 2 });
      expect((await moderator('POST', `/api/v1/products/${id}/stock`, { stock: 7 })).status).toBe(200);
      const added = await moderator('POST', '/api/v1/rundown/items', { productId: name });
      expect(added.status).toBe(201);
      expect(added.body.product).toMatchObject({ id: name, stock: 7 });
      expect((await moderator('POST', '/api/v1/rundown/pin', { itemId: added.body.id })).status).toBe(200);
      expect((await t.api('POST', '/api/v1/deal', { productId: name, price: { EUR: 1 }, durationSeconds: 60 })).body.deal.product.id).toBe(name);
      const found = await t.api('GET', `/api/v1/products?q=${encodeURIComponent(`item ${name}`)}&locale=${id}`);
      expect(found.body.products.map((p: { id: string }) => p.id)).toContain(name);
    }
    // Names the id rule refuses never became products, and asking for them finds nothing.
    for (const name of INHERITED.filter((n) => !ACCEPTED.includes(n))) expect((await t.api('GET', `/api/v1/products/${encodeURIComponent(name)}`)).status).toBe(404);
    const report = await t.api('GET', '/api/v1/sales/report.csv');
    expect(report.status).toBe(200);
    for (const name of ACCEPTED) expect(report.body).toContain(name);
    for (const [method, path, body] of idRoutes('toString')) expect.soft((await moderator(method, path, body)).status, `${method} ${path}`).toBeLessThan(500);

    const before = await showState(t);
    await t.studio.close();
    const again = await startTestStudio({ dataDir: t.dataDir });
    dirs.push(() => again.stop());
    expect(await showState(again)).toEqual(before);
    expect((await again.api('GET', `/api/v1/products/constructor`)).body).toMatchObject({ id: 'constructor', stock: 7 });
  });
});
