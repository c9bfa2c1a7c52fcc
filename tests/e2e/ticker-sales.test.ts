import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useStudioInBrowser } from '../helpers/browser';
import type { TestStudio } from '../helpers/test-studio';
import { FakeAliExpress, paidOrder as paid } from '../helpers/fake-aliexpress';

let t: TestStudio;
let fake: FakeAliExpress;
let context: BrowserContext;
useStudioInBrowser({ contexts: { obs: { viewport: { width: 1920, height: 1080 } } } }, (env) => ({ t, contexts: { obs: context } } = env));

beforeEach(async () => {
  fake = await new FakeAliExpress('app-123', 'secret-xyz').start();
  fake.products['1005001'] = { title: { EN: 'Lavender trousers', PL: 'Spodnie lawendowe', DE: 'Lavendelhose' }, price: { EUR: '19.99', GBP: '17.49', RUB: '1890' } };
});
afterEach(() => fake.stop());


async function openTicker(locale: string): Promise<Page> {
  const { body } = await t.api('GET', '/api/v1/overlays');
  const page = await context.newPage();
  await page.goto(`${t.studio.baseUrl}/overlay/ticker?locale=${locale}&token=${body.token}`);
  await page.locator('body[data-link="live"]').waitFor();
  return page;
}

const counters = async (page: Page) => `${await page.getByTestId('ticker-orders').textContent()} | ${await page.getByTestId('ticker-units').textContent()}`;

describe('the sales ticker on air', () => {
  it('shows exact AliExpress figures in each audience\'s language through a rate limit, repeated polls and a refund', async () => {
    expect((await t.api('PUT', '/api/v1/marketplace', { kind: 'aliexpress', appKey: 'app-123', appSecret: 'secret-xyz', trackingId: 'show-7', gatewayUrl: fake.url, pollSeconds: 2 })).status).toBe(200);
    // The product comes from AliExpress into the catalogue and goes on air.
    expect((await t.api('POST', '/api/v1/marketplace/import', { productIds: ['1005001'] })).body.imported).toBe(1);
    const item = (await t.api('POST', '/api/v1/rundown/items', { productId: 'ae-1005001' })).body;
    await t.api('POST', '/api/v1/rundown/pin', { itemId: item.id });

    // Every poll re-reads the same orders (as the platform's time windows overlap); the first is rate-limited.
    const callsBefore = fake.calls.length;
    fake.orders = [paid(1), paid(2, { product_count: '2', paid_amount: '39.98' }), paid(3)];
    fake.rateLimitNext = 1;
    const pl = await openTicker('pl-PL');
    const de = await openTicker('de-DE');

    await expect.poll(() => counters(pl), { timeout: 15_000 }).toBe('3 zamówienia | Sprzedano 4 szt.');
    expect(await counters(de)).toBe('3 Bestellungen | 4 verkauft');
    expect(fake.rateLimitNext).toBe(0); // the 429 was served, and polling went on after it
    expect(fake.calls.length - callsBefore).toBeGreaterThan(1);
    expect((await t.api('GET', '/api/v1/marketplace')).body.status).toBe('ok');

    // One order is refunded, two more come in: 3 − 1 + 2 = 4 orders, 4 − 1 + 2 = 5 units; then a fifth order.
    fake.orders = [paid(1, { effect_detail_status: 'FullRefund' }), paid(2, { product_count: '2', paid_amount: '39.98' }), paid(3), paid(4), paid(5)];
    await expect.poll(() => counters(pl), { timeout: 15_000 }).toBe('4 zamówienia | Sprzedano 5 szt.');
    fake.orders.push(paid(6));
    await expect.poll(() => counters(pl), { timeout: 15_000 }).toBe('5 zamówień | Sprzedano 6 szt.');
    await expect.poll(() => counters(de), { timeout: 5_000 }).toBe('5 Bestellungen | 6 verkauft');

    const { body: sales } = await t.api('GET', '/api/v1/sales');
    expect(sales).toMatchObject({ orders: 5, units: 6, refunds: 1, revenue: { EUR: 119.94 } });
    // The crawl names what sells, in the audience's language.
    expect(await pl.getByTestId('ticker-crawl').textContent()).toContain('Spodnie lawendowe · Sprzedano 6 szt.');
  }, 60_000);
});

describe('the sales ticker after a refund', () => {
  it('never announces "0 sold" for a product whose every sale was refunded', async () => {
    const { body: show } = await t.api('GET', '/api/v1/show');
    await t.api('POST', '/api/v1/rundown/pin', { itemId: show.rundown[0].id });
    const order = (orderId: string, productId: string, status: 'paid' | 'refunded') => ({ orderId, productId, units: 1, amount: 19.99, currency: 'EUR', locale: 'de-DE', at: Date.now(), status });
    const record = (...orders: ReturnType<typeof order>[]) => t.studio.core.execute({ type: 'sales.record', source: 'manual', orders }, { id: 'studio', client: 'marketplace' });
    await record(order('o-1', 'lav-01', 'paid'), order('o-2', 'kni-02', 'paid'));
    const de = await openTicker('de-DE');
    await expect.poll(() => de.getByTestId('ticker-crawl').textContent()).toContain('Grobstrickpullover · 1 verkauft');
    await record(order('o-2', 'kni-02', 'refunded'));
    await expect.poll(() => de.getByTestId('ticker-crawl').textContent()).not.toContain('Grobstrickpullover');
    expect(await de.getByTestId('ticker-crawl').textContent()).toContain('Lavendelhose · 1 verkauft');
    expect(await de.getByTestId('ticker').textContent()).not.toMatch(/\b0 verkauft/);
  });
});
