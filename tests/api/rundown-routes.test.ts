import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStudio, type TestStudio } from '../helpers/test-studio';

let t: TestStudio;
beforeAll(async () => {
  t = await startTestStudio();
  const csv = 'id,title:en,title:pl,price:EUR,price:PLN,stock\nlav-01,Lavender trousers,Spodnie lawendowe,19.99,84.99,12\nmug-02,Mug,Kubek,7.5,32,0\nlamp-03,Lamp,Lampa,30,129,3\n';
  expect((await t.api('POST', '/api/v1/products/import', csv)).body.imported).toBe(3);
});
afterAll(() => t.stop());

const add = async (productId: string, index?: number) => (await t.api('POST', '/api/v1/rundown/items', { productId, index })).body;

describe('the rundown over HTTP', () => {
  it('adds an item and answers 201 with the new item', async () => {
    const { status, body } = await t.api('POST', '/api/v1/rundown/items', { productId: 'lav-01' });
    expect(status).toBe(201);
    expect(body).toMatchObject({ id: expect.stringMatching(/^item-/), productId: 'lav-01', product: { title: { pl: 'Spodnie lawendowe' } } });
  });

  it('flags an item whose product is sold out', async () => {
    const item = await add('mug-02');
    expect(item.soldOut).toBe(true);
  });

  it('pins, reports what is on air, and unpins', async () => {
    const item = await add('lamp-03');
    const pinned = await t.api('POST', '/api/v1/rundown/pin', { itemId: item.id });
    expect(pinned.status).toBe(200);
    expect(pinned.body.onAir).toMatchObject({ itemId: item.id, productId: 'lamp-03', since: expect.any(Number) });
    const show = (await t.api('GET', '/api/v1/show')).body;
    expect(show.onAir.itemId).toBe(item.id);
    expect((await t.api('POST', '/api/v1/rundown/unpin')).body.onAir).toBeNull();
  });

  it('moves with next from a Stream Deck key posting an empty JSON body', async () => {
    const [first, second] = (await t.api('GET', '/api/v1/show')).body.rundown;
    await t.api('POST', '/api/v1/rundown/pin', { itemId: first.id });
    const res = await fetch(`${t.studio.baseUrl}/api/v1/rundown/next`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.studio.token}`, 'content-type': 'application/json' }
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { onAir: { itemId: string } }).onAir.itemId).toBe(second.id);
  });

  it('refuses a stale pin with 409 and tells the current revision', async () => {
    const item = await add('lav-01');
    const { status, body } = await t.api('POST', '/api/v1/rundown/pin', { itemId: item.id, expectedRevision: 1 });
    expect(status).toBe(409);
    expect(body.error).toMatchObject({ code: 'stale_revision', revision: expect.any(Number) });
  });

  it('takes a pin made from a view that only sales have changed since (a busy show is not a conflict)', async () => {
    const item = await add('lamp-03');
    const seen = (await t.api('GET', '/api/v1/show')).body.revision;
    await t.studio.core.execute({ type: 'sales.record', source: 'shop', orders: [{ orderId: 'o-1', productId: 'lamp-03', units: 1, amount: 30, currency: 'EUR', locale: null, at: Date.now(), status: 'paid' }] }, { id: 'studio', client: 'marketplace' });
    const { status, body } = await t.api('POST', '/api/v1/rundown/pin', { itemId: item.id, expectedRevision: seen });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.onAir.itemId).toBe(item.id);
    await t.api('DELETE', `/api/v1/rundown/items/${item.id}`); // the tests after this one share the rundown
  });

  it('moves an item and removes it', async () => {
    const item = await add('lav-01', 0);
    const show = (await t.api('GET', '/api/v1/show')).body;
    expect(show.rundown[0].id).toBe(item.id);
    expect((await t.api('POST', `/api/v1/rundown/items/${item.id}/move`, { index: 2, expectedRevision: show.revision })).status).toBe(200);
    expect((await t.api('GET', '/api/v1/show')).body.rundown[2].id).toBe(item.id);
    expect((await t.api('DELETE', `/api/v1/rundown/items/${item.id}`)).status).toBe(200);
    expect((await t.api('GET', '/api/v1/show')).body.rundown.some((i: { id: string }) => i.id === item.id)).toBe(false);
  });

  it('answers 404 for an unknown item or product', async () => {
    expect((await t.api('POST', '/api/v1/rundown/pin', { itemId: 'item-9999' })).status).toBe(404);
    expect((await t.api('DELETE', '/api/v1/rundown/items/item-9999')).status).toBe(404);
    expect((await t.api('POST', '/api/v1/rundown/items', { productId: 'ghost' })).status).toBe(404);
  });

  it('refuses malformed bodies with 400, never 500', async () => {
    const cases: [string, string, unknown][] = [
      ['POST', '/api/v1/rundown/items', {}],
      ['POST', '/api/v1/rundown/items', [1, 2]],
      ['POST', '/api/v1/rundown/items', { productId: 42 }],
      ['POST', '/api/v1/rundown/pin', { itemId: '' }],
      ['POST', '/api/v1/rundown/items/item-1/move', { index: 'first' }],
      ['PATCH', '/api/v1/show', { locales: 'pl' }]
    ];
    for (const [method, path, body] of cases) {
      const res = await t.api(method, path, body);
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect(res.body.error.code).toMatch(/invalid/);
    }
    const broken = await fetch(`${t.studio.baseUrl}/api/v1/rundown/pin`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.studio.token}`, 'content-type': 'application/json' },
      body: '{"itemId": '
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
  });

  it('refuses an oversized command body with 413', async () => {
    const { status, body } = await t.api('POST', '/api/v1/rundown/items', { productId: 'lav-01', padding: 'x'.repeat(400_000) });
    expect(status).toBe(413);
    expect(body.error.code).toBe('body_too_large');
  });

  it('answers an unknown route with a JSON 404', async () => {
    const { status, body } = await t.api('GET', '/api/v1/nothing-here');
    expect(status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });

  it('sets the show title and audiences with PATCH /show', async () => {
    const { status } = await t.api('PATCH', '/api/v1/show', { title: 'Black Friday', locales: [{ locale: 'pl-PL', currency: 'PLN' }, { locale: 'de-DE', currency: 'EUR' }] });
    expect(status).toBe(200);
    const show = (await t.api('GET', '/api/v1/show')).body;
    expect(show).toMatchObject({ title: 'Black Friday', locales: [{ locale: 'pl-PL', currency: 'PLN' }, { locale: 'de-DE', currency: 'EUR' }] });
    expect(show).toHaveProperty('sales.orders');
    expect(show).toHaveProperty('obs');
  });

  it('leaves the marketplace\'s orders out of the journal when asked, so operators\' actions are not crowded out', async () => {
    await t.api('PATCH', '/api/v1/show', { title: 'Evening show' }, { 'x-shopcast-client': 'streamdeck' });
    for (let i = 0; i < 5; i++) {
      await t.studio.core.execute({ type: 'sales.record', source: 'shop', orders: [{ orderId: `j-${i}`, productId: 'lav-01', units: 1, amount: 1, currency: 'EUR', locale: null, at: Date.now(), status: 'paid' }] }, { id: 'studio', client: 'marketplace' });
    }
    const all = (await t.api('GET', '/api/v1/journal?limit=3')).body.entries;
    expect(all.map((e: { command: string }) => e.command)).toEqual(['sales.record', 'sales.record', 'sales.record']);
    const operators = (await t.api('GET', '/api/v1/journal?limit=3&exclude=sales.record')).body.entries;
    expect(operators.every((e: { command: string }) => e.command !== 'sales.record')).toBe(true);
    expect(operators.at(-1)).toMatchObject({ command: 'show.update', actor: { client: 'streamdeck' } });
  });

  it('shows who did what in the journal', async () => {
    await t.api('POST', '/api/v1/rundown/next', {}, { 'x-shopcast-client': 'streamdeck' });
    const { body } = await t.api('GET', '/api/v1/journal?limit=5');
    expect(body.entries.at(-1)).toMatchObject({ actor: { id: 'owner', client: 'streamdeck' } });
  });
});
