import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestStudio, type TestStudio } from '../helpers/test-studio';
import { FakeShopify, sendWebhook, type FakeOrder } from '../helpers/fake-shopify';
import { until } from '../helpers/until';

const TOKEN = 'shpat_studio_0123456789';
const SECRET = 'whsec_first_secret';
const LOCALES = [
  { locale: 'pl-PL', currency: 'PLN' },
  { locale: 'de-DE', currency: 'EUR' },
  { locale: 'en-GB', currency: 'GBP' }
];

let t: TestStudio;
let fake: FakeShopify;
let webhookUrl: string;

beforeEach(async () => {
  t = await startTestStudio();
  await t.api('PATCH', '/api/v1/show', { locales: LOCALES });
  fake = await new FakeShopify(TOKEN).start();
  webhookUrl = `${t.studio.baseUrl}/api/v1/marketplace/shopify/webhook`;
});
afterEach(async () => {
  await t.stop();
  await fake.stop();
});

const useShopify = (extra: Record<string, unknown> = {}) =>
  t.api('PUT', '/api/v1/marketplace', { kind: 'shopify', shop: fake.url, accessToken: TOKEN, webhookSecret: SECRET, pollSeconds: 2, ...extra });
const sales = async () => (await t.api('GET', '/api/v1/sales')).body;
const marketplace = async () => (await t.api('GET', '/api/v1/marketplace')).body;
/** Orders, units and revenue per currency, with currencies whose revenue went back to zero left out. */
const totals = (s: { orders: number; units: number; revenue: Record<string, number> }) => ({
  orders: s.orders,
  units: s.units,
  revenue: Object.fromEntries(
    Object.entries(s.revenue)
      .filter(([, v]) => v !== 0)
      .sort(([a], [b]) => a.localeCompare(b))
  )
});
/** The studio's totals beside the store's own ledger, so a timeout shows both. */
const studioAndStore = async () => ({ studio: totals(await sales()), store: totals(fake.ledger()), answers: fake.calls.map((c) => c.answer).join(' ') });
const same = (v: { studio: unknown; store: unknown }) => JSON.stringify(v.studio) === JSON.stringify(v.store);
const polishOrder = (patch: Partial<FakeOrder> = {}) =>
  fake.addOrder({ currency: 'PLN', customerLocale: 'pl', lines: [{ productId: 901, quantity: 2, unitPrice: '84.99', discounts: ['5.00'] }], ...patch });

describe('sales from a Shopify store', () => {
  it('counts exactly what the store sold, through a throttled query, a 429, repeated polls, refunds and a cancellation', async () => {
    const markets = [
      { currency: 'PLN', customerLocale: 'pl-PL', unitPrice: '84.99' },
      { currency: 'EUR', customerLocale: 'de', unitPrice: '19.99' },
      { currency: 'GBP', customerLocale: 'en', unitPrice: '17.49' }
    ];
    // 25 orders: three pages of ten.
    const orders = Array.from({ length: 22 }, (_, i) => {
      const { unitPrice, ...market } = markets[i % 3];
      return fake.addOrder({ ...market, lines: [{ productId: 901 + (i % 4), quantity: 1 + (i % 3), unitPrice, discounts: i % 5 === 0 ? ['2.50'] : [] }] });
    });
    const twoLines = fake.addOrder({ currency: 'EUR', customerLocale: 'de-DE', lines: [{ productId: 901, quantity: 1, unitPrice: '19.99' }, { productId: 902, quantity: 2, unitPrice: '9.90' }] });
    const pending = polishOrder({ financialStatus: 'PENDING' });
    polishOrder({ financialStatus: 'AUTHORIZED' });
    // The bucket is empty when the studio first asks: Shopify answers "Throttled".
    Object.assign(fake.bucket, { maximumAvailable: 1000, currentlyAvailable: 0, restoreRate: 400, at: Date.now() });

    expect((await useShopify()).status).toBe(200);
    await until('the studio to count what the store sold', studioAndStore, same, 20_000);
    expect(fake.calls[0].answer).toBe('throttled');
    expect((await sales()).byLocale['pl-PL'].orders).toBeGreaterThan(0);

    // Later: a refund, a cancellation, one refunded line, a pending payment arriving; and a 429.
    fake.refund(orders[0]);
    fake.cancel(orders[1]);
    fake.refundLine(twoLines, twoLines.lines[1]);
    fake.markPaid(pending);
    fake.rateLimitNext = 1;
    await until('the changes, after the 429', studioAndStore, (v) => v.answers.includes('429') && same(v), 20_000);

    // Every poll re-reads the last orders again: nothing is counted twice.
    const served = fake.calls.length;
    await until('three more polls', () => fake.calls.filter((c) => c.answer === 'ok').length, (n) => n >= served + 3, 15_000);
    const final = await sales();
    expect(totals(final)).toEqual(totals(fake.ledger()));
    expect(final.refunds).toBe(3);
    expect(await marketplace()).toMatchObject({ kind: 'shopify', status: 'ok', lastError: null });
    // Only the forced throttle: afterwards the studio waited for the bucket before each page.
    expect(fake.calls.filter((c) => c.answer === 'throttled')).toHaveLength(1);
    // Orders are read by update time, so later refunds are seen; no buyer field is ever asked for.
    const query = fake.calls.find((c) => c.operationName === 'StudioOrders')!;
    expect(query.query).toContain('sortKey: UPDATED_AT');
    expect(query.query).not.toMatch(/\b(customer|email|phone|billingAddress|shippingAddress|displayAddress)\b/);
  }, 60_000);

  it('does not count an order paid before the show that is only fulfilled or edited during it, by poll or by webhook', async () => {
    const yesterday = new Date(Date.now() - 24 * 3600_000).toISOString();
    const old = polishOrder({ createdAt: yesterday });
    polishOrder();
    await useShopify();
    await until('the new order', sales, (s) => s.orders === 1);
    // Yesterday's order is edited now (its `updated_at` moves) and announced as orders/updated.
    old.updatedAt = new Date().toISOString();
    const res = await sendWebhook(webhookUrl, { secret: SECRET, topic: 'orders/updated', payload: fake.webhookPayload(old) });
    expect(res.body).toMatchObject({ ok: true, recorded: 0 });
    const polls = fake.calls.length;
    await until('two more polls', () => fake.calls.length, (n) => n >= polls + 2, 10_000);
    expect(totals(await sales())).toEqual({ orders: 1, units: 2, revenue: { PLN: 164.98 } });
  });

  it('refuses a shop address over plain http to another machine with 400, before any token travels', async () => {
    const { status, body } = await t.api('PUT', '/api/v1/marketplace', { kind: 'shopify', shop: 'http://shop.example.com', accessToken: TOKEN });
    expect(status).toBe(400);
    expect(body.error.message).toContain('https');
    expect((await marketplace()).kind).toBe('none');
  });

  it('stops polling on a wrong access token and says why, until the settings change', async () => {
    await useShopify({ accessToken: 'shpat_wrong' });
    await until('the marketplace to fail', marketplace, (m) => m.status === 'failed', 5000);
    expect((await marketplace()).lastError).toMatch(/refused the access token \(401\)/);
    const calls = fake.calls.length;
    await new Promise((r) => setTimeout(r, 2500));
    expect(fake.calls.length).toBe(calls);

    await useShopify();
    await until('the corrected token to work', marketplace, (m) => m.status === 'ok');
  });

  it('keeps the access token and webhook secret write-only, and out of the journal', async () => {
    polishOrder();
    const { body } = await useShopify();
    expect(body).toMatchObject({ kind: 'shopify', settings: { shop: fake.url, pollSeconds: 2 }, secrets: { accessToken: 'set', webhookSecret: 'set' } });
    await until('the order', sales, (s) => s.orders === 1);
    await sendWebhook(webhookUrl, { secret: SECRET, topic: 'orders/create', payload: fake.webhookPayload(polishOrder()) });
    await until('the webhook order', sales, (s) => s.orders === 2);

    const answers = [await t.api('GET', '/api/v1/marketplace'), await t.api('GET', '/api/v1/show'), await t.api('GET', '/api/v1/journal?limit=500')].map((r) => JSON.stringify(r.body));
    const journal = await readFile(join(t.dataDir, 'show', 'journal.jsonl'), 'utf8');
    for (const text of [...answers, journal]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(SECRET);
      // The webhook carried the buyer's name and address: none of it is kept.
      expect(text).not.toContain('buyer@example.com');
      expect(text).not.toContain('Lovelace');
    }
    const settingsFiles = (await readdir(t.dataDir)).filter((f) => f.endsWith('.json'));
    for (const file of settingsFiles.filter((f) => !/secret/i.test(f))) expect(await readFile(join(t.dataDir, file), 'utf8')).not.toContain(TOKEN);
  });

  it('imports products in every show language and currency, and says where the store has no such price or title', async () => {
    fake.products.push(
      {
        id: 901,
        title: 'Lavender trousers',
        translations: { pl: 'Spodnie lawendowe', de: 'Lavendelhose' },
        prices: { PL: { amount: '84.99', currencyCode: 'PLN' }, DE: { amount: '19.99', currencyCode: 'EUR', compareAt: '24.99' }, GB: { amount: '17.49', currencyCode: 'GBP' } },
        image: 'https://cdn.shopify.com/s/files/901.jpg'
      },
      { id: 902, title: 'Linen shirt', translations: {}, prices: { default: { amount: '29.00', currencyCode: 'EUR' } }, image: 'https://cdn.shopify.com/s/files/902.jpg' }
    );
    await useShopify({ pollSeconds: 3600 });
    const { status, body } = await t.api('POST', '/api/v1/marketplace/import', { productIds: ['901', 'gid://shopify/Product/902', '404', 'abc'] });
    expect(status).toBe(200);
    expect(body.imported).toBe(2);
    expect(body.rejected).toEqual([
      { row: 3, message: '404: Shopify returned no such product', problems: [{ code: 'import.marketplace.refused', params: { id: '404', detail: 'Shopify returned no such product' } }] },
      { row: 4, message: 'abc: not a Shopify product id', problems: [{ code: 'import.marketplace.refused', params: { id: 'abc', detail: 'not a Shopify product id' } }] }
    ]);
    expect(body.notes.join('\n')).toMatch(/sh-902 in EUR, not PLN \(pl-PL\)/);
    expect(body.notes.join('\n')).toMatch(/no pl title for sh-902/);
    expect((await t.api('GET', '/api/v1/products/sh-901')).body).toMatchObject({
      title: { en: 'Lavender trousers', pl: 'Spodnie lawendowe', de: 'Lavendelhose' },
      price: { PLN: 84.99, EUR: 19.99, GBP: 17.49 },
      compareAt: { EUR: 24.99 },
      image: 'https://cdn.shopify.com/s/files/901.jpg',
      source: 'shopify'
    });
  });
});

describe('Shopify webhooks', () => {
  /** Shopify on, its first poll done, the next one an hour away: only webhooks bring orders. */
  const webhooksOnly = async () => {
    await useShopify({ pollSeconds: 3600 });
    await until('the first poll', marketplace, (m) => m.status === 'ok');
  };

  it('counts a delivery with a valid signature, without the studio token', async () => {
    await webhooksOnly();
    const order = polishOrder();
    const res = await sendWebhook(webhookUrl, { secret: SECRET, topic: 'orders/create', payload: fake.webhookPayload(order) });
    expect(res).toMatchObject({ status: 200, body: { ok: true, recorded: 1 } });
    expect(totals(await sales())).toEqual({ orders: 1, units: 2, revenue: { PLN: 164.98 } });
    expect((await sales()).byLocale['pl-PL']).toMatchObject({ orders: 1 });
    const { body: journal } = await t.api('GET', '/api/v1/journal?limit=500');
    expect(journal.entries.filter((e: { actor: { client: string } }) => e.actor.client === 'shopify-webhook')).toHaveLength(1);
  });

  it('refuses a wrong or missing signature with 401 and counts nothing', async () => {
    await webhooksOnly();
    const payload = fake.webhookPayload(polishOrder());
    const wrong = await sendWebhook(webhookUrl, { secret: 'not-the-secret', topic: 'orders/create', payload });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_signature');
    // Signed, then changed on the way: the amount no longer matches the signature.
    const signedBody = JSON.stringify(payload);
    const { createHmac } = await import('node:crypto');
    const signature = createHmac('sha256', SECRET).update(signedBody).digest('base64');
    const tampered = await sendWebhook(webhookUrl, { secret: SECRET, topic: 'orders/create', payload, signature, body: signedBody.replace('84.99', '0.99') });
    expect(tampered.status).toBe(401);
    const missing = await fetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-shopify-topic': 'orders/create' }, body: signedBody });
    expect(missing.status).toBe(401);
    expect((await sales()).orders).toBe(0);
  });

  it('answers a repeated event id 200 and counts it once', async () => {
    await webhooksOnly();
    const payload = fake.webhookPayload(polishOrder());
    const first = await sendWebhook(webhookUrl, { secret: SECRET, topic: 'orders/create', payload, eventId: 'ev-42' });
    const again = await sendWebhook(webhookUrl, { secret: SECRET, topic: 'orders/create', payload, eventId: 'ev-42' });
    expect(first.body).toMatchObject({ duplicate: false, recorded: 1 });
    expect(again).toMatchObject({ status: 200, body: { duplicate: true, recorded: 0 } });
    expect((await sales()).orders).toBe(1);
  });

  it('takes a cancelled order back out when orders/cancelled arrives', async () => {
    await webhooksOnly();
    const order = polishOrder();
    await sendWebhook(webhookUrl, { secret: SECRET, topic: 'orders/create', payload: fake.webhookPayload(order) });
    fake.cancel(order);
    const res = await sendWebhook(webhookUrl, { secret: SECRET, topic: 'orders/cancelled', payload: fake.webhookPayload(order) });
    expect(res.status).toBe(200);
    expect(await sales()).toMatchObject({ orders: 0, units: 0, refunds: 1 });
  });

  it('counts an order once when a webhook brings it and a later poll sees it again', async () => {
    await useShopify();
    await until('the first poll', marketplace, (m) => m.status === 'ok');
    const order = polishOrder();
    await sendWebhook(webhookUrl, { secret: SECRET, topic: 'orders/create', payload: fake.webhookPayload(order) });
    expect((await sales()).orders).toBe(1);
    await until('a poll to read the same order', () => fake.calls.some((c) => c.served.includes(order.id)), Boolean, 10_000);
    const seen = fake.calls.length;
    await until('one more poll', () => fake.calls.length, (n) => n > seen, 10_000);
    expect(totals(await sales())).toEqual(totals(fake.ledger()));
    expect((await sales()).orders).toBe(1);
  });

  it('still accepts the previous secret for an hour after it is changed, and the new one', async () => {
    await webhooksOnly();
    await useShopify({ pollSeconds: 3600, webhookSecret: 'whsec_second_secret' });
    expect((await marketplace()).secrets.webhookSecret).toBe('set');
    const old = await sendWebhook(webhookUrl, { secret: SECRET, topic: 'orders/create', payload: fake.webhookPayload(polishOrder()) });
    const current = await sendWebhook(webhookUrl, { secret: 'whsec_second_secret', topic: 'orders/create', payload: fake.webhookPayload(polishOrder()) });
    const stranger = await sendWebhook(webhookUrl, { secret: 'whsec_never_set', topic: 'orders/create', payload: fake.webhookPayload(polishOrder()) });
    expect([old.status, current.status, stranger.status]).toEqual([200, 200, 401]);
    expect((await sales()).orders).toBe(2);
  });

  it('says so when the show does not sell on Shopify or has no webhook secret', async () => {
    const payload = fake.webhookPayload(polishOrder());
    const off = await sendWebhook(webhookUrl, { secret: SECRET, topic: 'orders/create', payload });
    expect(off).toMatchObject({ status: 404, body: { error: { code: 'not_shopify' } } });
    // A fresh data dir has no webhook secret stored yet.
    await t.api('PUT', '/api/v1/marketplace', { kind: 'shopify', shop: fake.url, accessToken: TOKEN, pollSeconds: 3600 });
    const unset = await sendWebhook(webhookUrl, { secret: SECRET, topic: 'orders/create', payload });
    expect(unset).toMatchObject({ status: 409, body: { error: { code: 'webhook_secret_not_set' } } });
    // (The poll may count the order; no webhook recorded anything.)
    const { body: journal } = await t.api('GET', '/api/v1/journal?limit=500');
    expect(journal.entries.filter((e: { actor: { client: string } }) => e.actor.client === 'shopify-webhook')).toEqual([]);
  });

  it('ignores topics other than orders, and refuses a signed body that is not JSON', async () => {
    await webhooksOnly();
    const ignored = await sendWebhook(webhookUrl, { secret: SECRET, topic: 'products/update', payload: { id: 1, title: 'x' } });
    expect(ignored).toMatchObject({ status: 200, body: { recorded: 0, ignored: 'products/update' } });
    const broken = await sendWebhook(webhookUrl, { secret: SECRET, topic: 'orders/create', payload: null, body: '{"id": 1,' });
    expect(broken).toMatchObject({ status: 400, body: { error: { code: 'invalid_json' } } });
  });
});
