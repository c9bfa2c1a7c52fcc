import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestStudio, type TestStudio } from '../helpers/test-studio';
import { FakeAliExpress, paidOrder as paid } from '../helpers/fake-aliexpress';
import { until } from '../helpers/until';
import { DemoMarketplace } from '../../src/main/marketplace/demo-marketplace';

let t: TestStudio;
let fake: FakeAliExpress;

beforeEach(async () => {
  t = await startTestStudio({ demo: true });
  fake = await new FakeAliExpress('app-123', 'secret-xyz').start();
});
afterEach(async () => {
  await t.stop();
  await fake.stop();
});


const useAliExpress = (secret = 'secret-xyz') =>
  t.api('PUT', '/api/v1/marketplace', { kind: 'aliexpress', appKey: 'app-123', appSecret: secret, trackingId: 'show-7', gatewayUrl: fake.url, pollSeconds: 2 });

describe('marketplace settings', () => {
  it('keeps the app secret write-only: stored, reported as set, never answered', async () => {
    const { status, body } = await useAliExpress();
    expect(status).toBe(200);
    expect(body).toMatchObject({ kind: 'aliexpress', settings: { appKey: 'app-123', trackingId: 'show-7' }, secrets: { appSecret: 'set' } });
    const again = await t.api('GET', '/api/v1/marketplace');
    expect(JSON.stringify(again.body)).not.toContain('secret-xyz');
    expect(JSON.stringify((await t.api('GET', '/api/v1/show')).body)).not.toContain('secret-xyz');
  });

  it('refuses settings that are not a marketplace, naming the field', async () => {
    const { status, body } = await t.api('PUT', '/api/v1/marketplace', { kind: 'aliexpress', appKey: 'x' });
    expect(status).toBe(400);
    expect(body.error.message).toContain('trackingId');
    expect((await t.api('PUT', '/api/v1/marketplace', { kind: 'ebay' })).status).toBe(400);
  });
});

describe('sales from AliExpress', () => {
  it('counts the tracking id\'s orders exactly through a rate limit, two pages, repeats and a refund', async () => {
    fake.rateLimitNext = 1;
    fake.orders = [
      ...Array.from({ length: 60 }, (_, i) => paid(i)),
      paid(99, { tracking_id: 'someone-else' }),
      paid(100, { order_status: 'Invalid', paid_amount: '5.00' })
    ];
    await useAliExpress();
    await until('60 orders counted', async () => (await t.api('GET', '/api/v1/sales')).body, (s) => s.orders === 60);
    await until('the link to report ok', async () => (await t.api('GET', '/api/v1/marketplace')).body, (m) => m.status === 'ok' && m.lastError === null);

    // The next polls see the same orders again, one of them now refunded.
    fake.orders[3] = { ...fake.orders[3], effect_detail_status: 'FullRefund' };
    const polls = fake.calls.length;
    await until('the refund after repeated polls', async () => (await t.api('GET', '/api/v1/sales')).body, (s) => fake.calls.length >= polls + 3 && s.refunds === 1);
    const { body: sales } = await t.api('GET', '/api/v1/sales');
    expect(sales).toMatchObject({ orders: 59, units: 59, revenue: { EUR: 1179.41 }, refunds: 1 });
    expect(sales.byProduct['ae-1005001']).toMatchObject({ orders: 59 });
    // Every call was signed; the 429 was waited out, not hammered.
    expect(fake.calls.every((c) => c.sign_method === 'sha256' && /^[0-9A-F]{64}$/.test(c.sign))).toBe(true);
  });

  it('backs off when the network drops mid-poll, says so, and loses and doubles no order once it is back', async () => {
    fake.orders = Array.from({ length: 12 }, (_, i) => paid(i));
    await useAliExpress();
    await until('12 orders counted', async () => (await t.api('GET', '/api/v1/sales')).body, (s) => s.orders === 12);
    // The link drops for the next two calls; meanwhile three more orders are paid and one refunded.
    fake.dropNext = 2;
    fake.orders.push(paid(12), paid(13), paid(14));
    fake.orders[0] = { ...fake.orders[0], effect_detail_status: 'FullRefund' };
    const failing = await until('the link to back off', async () => (await t.api('GET', '/api/v1/marketplace')).body, (m) => m.status === 'backing_off', 8000);
    expect(failing.lastError).toBeTruthy();
    expect(failing.retryAt).toBeGreaterThan(Date.now() - 1000);
    await until('the link back', async () => (await t.api('GET', '/api/v1/marketplace')).body, (m) => m.status === 'ok', 15_000);
    await until('the orders after the drop', async () => (await t.api('GET', '/api/v1/sales')).body, (s) => s.refunds === 1 && s.orders === 14, 10_000);
    expect((await t.api('GET', '/api/v1/sales')).body).toMatchObject({ orders: 14, units: 14, revenue: { EUR: 279.86 } });
  }, 40_000);

  it('reports a wrong secret once, as the platform\'s signature error, and stops polling until it is fixed', async () => {
    await useAliExpress('wrong');
    await until('the marketplace to fail', async () => (await t.api('GET', '/api/v1/marketplace')).body, (m) => m.status === 'failed', 5000);
    const { body } = await t.api('GET', '/api/v1/marketplace');
    expect(body.lastError).toContain('IncompleteSignature');
    const calls = fake.calls.length;
    await new Promise((r) => setTimeout(r, 2500));
    expect(fake.calls.length).toBe(calls);
  });

  it('imports products in every show locale and says where AliExpress could not price in the show\'s currency', async () => {
    fake.products['1005001'] = { title: { EN: 'Lavender trousers', DE: 'Lavendelhose', PL: 'Spodnie lawendowe' }, price: { EUR: '19.99', GBP: '17.49', RUB: '1890' }, original: { EUR: '24.99' } };
    await useAliExpress();
    const { status, body } = await t.api('POST', '/api/v1/marketplace/import', { productIds: ['1005001', '404'] });
    expect(status).toBe(200);
    expect(body.imported).toBe(1);
    expect(body.rejected).toEqual([{ row: 2, message: '404: AliExpress returned no such product', problems: [{ code: 'import.marketplace.refused', params: { id: '404', detail: 'AliExpress returned no such product' } }] }]);
    expect(body.notes.join(' ')).toMatch(/in EUR, not PLN/);
    const product = (await t.api('GET', '/api/v1/products/ae-1005001')).body;
    expect(product).toMatchObject({ title: { en: 'Lavender trousers', de: 'Lavendelhose', pl: 'Spodnie lawendowe' }, price: { EUR: 19.99, GBP: 17.49, RUB: 1890 }, compareAt: { EUR: 24.99 }, source: 'aliexpress' });
    // Each market's buy link is the affiliate link, with the studio's tracking id.
    expect(product.url['pl-PL']).toMatch(/^https:\/\/s\.click\.aliexpress\.com\/e\/1005001-PL\?tracking=/);
    expect(product.url['de-DE']).toMatch(/1005001-DE\?tracking=/);
  });
});

describe('the demo marketplace and the report', () => {
  it('sells while a product is on air, and the studio\'s totals match the demo\'s own record exactly', async () => {
    const { body: show } = await t.api('GET', '/api/v1/show');
    await t.api('POST', '/api/v1/rundown/pin', { itemId: show.rundown[1].id });
    await t.api('POST', '/api/v1/deal', { productId: show.rundown[1].productId, price: { EUR: 9.99, PLN: 39.99, GBP: 8.99, RUB: 890 }, durationSeconds: 60 });
    await t.api('PUT', '/api/v1/marketplace', { kind: 'demo', seed: 7, pollSeconds: 2, pace: 30 });
    await until('demo orders', async () => (await t.api('GET', '/api/v1/sales')).body, (s) => s.orders >= 8, 20_000);
    const demo = t.studio.marketplace.current() as DemoMarketplace;
    await t.api('PUT', '/api/v1/marketplace', { kind: 'none' }); // stops polling, waits for the poll in flight
    const counted = [...demo.record.values()].filter((o) => o.status === 'paid');
    const revenue: Record<string, number> = {};
    for (const o of counted) revenue[o.currency] = Math.round(((revenue[o.currency] ?? 0) + o.amount) * 100) / 100;
    const { body: sales } = await t.api('GET', '/api/v1/sales');
    expect({ orders: sales.orders, units: sales.units }).toEqual({ orders: counted.length, units: counted.reduce((s, o) => s + o.units, 0) });
    for (const [currency, amount] of Object.entries(revenue)) expect(sales.revenue[currency]).toBeCloseTo(amount, 2);
    expect(sales.byProduct[show.rundown[1].productId].unitsWhileOnAir).toBeGreaterThan(0);

    const res = await fetch(`${t.studio.baseUrl}/api/v1/sales/report.csv`, { headers: { authorization: `Bearer ${t.studio.token}` } });
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text()).trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^product_id,title,locale,orders,units,revenue_[A-Z]{3}.*,minutes_on_air,planned_minutes,units_per_minute_on_air$/);
    const all = lines.filter((l) => l.includes(',all,')).map((l) => Number(l.split(',')[4]));
    expect(all.reduce((a, b) => a + b, 0)).toBe(sales.units);
  }, 30_000);

  it('escapes a title that would be a spreadsheet formula', async () => {
    await t.api('POST', '/api/v1/products/import', [{ id: 'evil', title: { en: '=HYPERLINK("http://x")' }, price: { GBP: 1 } }]);
    await t.api('POST', '/api/v1/rundown/items', { productId: 'evil' });
    const { body: show } = await t.api('GET', '/api/v1/show');
    await t.api('POST', '/api/v1/rundown/pin', { itemId: show.rundown.at(-1).id });
    await t.studio.core.execute({ type: 'sales.record', source: 'manual', orders: [{ orderId: '1', productId: 'evil', units: 1, amount: 1, currency: 'GBP', locale: 'en-GB', at: Date.now(), status: 'paid' }] }, { id: 'owner', client: 'test' });
    const csv = await (await fetch(`${t.studio.baseUrl}/api/v1/sales/report.csv`, { headers: { authorization: `Bearer ${t.studio.token}` } })).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});
