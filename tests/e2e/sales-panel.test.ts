import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useStudioInBrowser } from '../helpers/browser';
import type { TestStudio } from '../helpers/test-studio';
import { FakeAliExpress } from '../helpers/fake-aliexpress';
import { until } from '../helpers/until';
import type { IncomingOrder, SalesView } from '../../src/shared/sales';

let t: TestStudio;
let context: BrowserContext;
// The demo show (seven audiences, en-GB first) without simulated orders: each test records its own.
useStudioInBrowser({ contexts: { desktop: { viewport: { width: 1440, height: 900 }, acceptDownloads: true } } }, (env) => ({ t, contexts: { desktop: context } } = env));

async function openControlRoom(): Promise<Page & { errors: string[] }> {
  const page = (await context.newPage()) as Page & { errors: string[] };
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(t.studio.controlUrl);
  await page.locator('[data-testid="connection-status"][data-status="live"]').waitFor();
  await page.getByTestId('sales-panel').waitFor();
  return page;
}

let orderNumber = 0;
const order = (productId: string, units: number, amount: number, currency: string, locale: string, status: IncomingOrder['status'] = 'paid'): IncomingOrder => ({
  orderId: `o-${++orderNumber}`,
  productId,
  units,
  amount,
  currency,
  locale,
  at: Date.now() - 5_000,
  status
});
const record = (...orders: IncomingOrder[]) => t.studio.core.execute({ type: 'sales.record', source: 'manual', orders }, { id: 'owner', client: 'test' });
const sales = async () => (await t.api<SalesView>('GET', '/api/v1/sales')).body;

async function pinFirst(): Promise<string> {
  const { body: show } = await t.api('GET', '/api/v1/show');
  await t.api('POST', '/api/v1/rundown/pin', { itemId: show.rundown[0].id });
  return show.rundown[0].productId as string;
}

/** Pixels of the chart's canvas in the bars' colour (#4f8cff): nothing sold, no bars. */
const barPixels = (page: Page) =>
  page.getByTestId('sales-chart').locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - 0x4f) < 8 && Math.abs(data[i + 1] - 0x8c) < 8 && Math.abs(data[i + 2] - 0xff) < 8 && data[i + 3] > 200) n++;
    return n;
  });

const gbp = (n: number) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(n);
const eur = (n: number) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(n);

describe('the sales panel', () => {
  it('shows the figures GET /api/v1/sales answers, draws them per minute, and follows a new order live', async () => {
    const onAir = await pinFirst();
    const refunded = order('kni-02', 3, 134.97, 'EUR', 'fr-FR');
    await record(order(onAir, 2, 39.98, 'GBP', 'en-GB'), order(onAir, 1, 19.99, 'EUR', 'de-DE'), refunded);
    await record({ ...refunded, status: 'refunded' });
    const page = await openControlRoom();

    const api = await sales();
    expect(api).toMatchObject({ orders: 2, units: 3, refunds: 1 });
    await expect.poll(() => page.getByTestId('sales-orders').textContent()).toBe(String(api.orders));
    expect(await page.getByTestId('sales-units').textContent()).toBe(String(api.units));
    expect(await page.getByTestId('sales-refunds').textContent()).toBe(String(api.refunds));
    expect(await page.getByTestId('sales-revenue').locator('span').allTextContents()).toEqual([gbp(api.revenue.GBP), eur(api.revenue.EUR)]);
    expect(await page.getByTestId('sales-chart').getAttribute('data-units')).toBe(String(api.units));
    expect(await barPixels(page)).toBeGreaterThan(20);

    const sellers = page.getByTestId('top-seller');
    expect(await sellers.count()).toBe(1);
    expect(await sellers.first().getAttribute('data-product-id')).toBe(onAir);
    expect(await sellers.first().getByTestId('top-seller-lift').textContent()).toBe(`${api.byProduct[onAir].unitsWhileOnAir} while on air`);

    // A new order arrives: the panel follows without a reload.
    const before = await barPixels(page);
    await record(order('kni-02', 5, 224.95, 'EUR', 'fr-FR'));
    await expect.poll(() => page.getByTestId('sales-orders').textContent(), { timeout: 2000 }).toBe('3');
    expect(await page.getByTestId('sales-units').textContent()).toBe('8');
    await expect.poll(() => page.getByTestId('sales-chart').getAttribute('data-units')).toBe('8');
    await expect.poll(() => barPixels(page)).toBeGreaterThan(before);
    const latest = page.getByTestId('just-bought-order').first();
    expect(await latest.getAttribute('data-product-id')).toBe('kni-02');
    expect(await latest.textContent()).toContain('5 ×Chunky knit jumperfr-FR');
    expect(await sellers.first().getAttribute('data-product-id')).toBe('kni-02');
    expect(page.errors).toEqual([]);
  });

  it('moves the goal bar when the producer sets a goal and as orders come in, and clears it', async () => {
    const onAir = await pinFirst();
    const page = await openControlRoom();
    expect(await barPixels(page)).toBe(0); // nothing sold: an empty chart
    await page.getByTestId('goal-edit').click();
    await page.getByTestId('goal-amount').fill('20');
    await page.getByTestId('goal-unit').selectOption('units');
    await page.getByTestId('goal-save').click();
    await expect.poll(() => page.getByTestId('goal-target').textContent()).toBe('20');
    expect((await t.api('GET', '/api/v1/show')).body.goal).toEqual({ units: 20 });
    const width = () => page.getByTestId('goal-fill').evaluate((el) => (el as HTMLElement).style.width);
    expect(await width()).toBe('0%');

    await record(order(onAir, 5, 99.95, 'GBP', 'en-GB'));
    await expect.poll(width, { timeout: 2000 }).toBe('25%');
    expect(await page.getByTestId('goal-reached').textContent()).toBe('5');
    expect(await page.getByTestId('goal').textContent()).toContain('Goal: 5 of 20 units');

    // A revenue goal in euros counts euros only.
    await page.getByTestId('goal-edit').click();
    await page.getByTestId('goal-unit').selectOption('EUR');
    await page.getByTestId('goal-amount').fill('200');
    await page.getByTestId('goal-save').click();
    await expect.poll(() => page.getByTestId('goal-target').textContent()).toBe(eur(200));
    await record(order(onAir, 1, 50, 'EUR', 'de-DE'));
    await expect.poll(width, { timeout: 2000 }).toBe('25%');
    expect(await page.getByTestId('goal-reached').textContent()).toBe(eur(50));

    await page.getByTestId('goal-edit').click();
    await page.getByTestId('goal-clear').click();
    await page.getByTestId('goal-none').waitFor();
    expect((await t.api('GET', '/api/v1/show')).body.goal).toBeNull();
  });

  it('flags a sold-out product in the rundown and in the stock warnings, and warns of low stock', async () => {
    const page = await openControlRoom();
    const warning = (id: string) => page.locator(`[data-testid="stock-warning"][data-product-id="${id}"]`);
    expect(await warning('lav-01').count()).toBe(0);
    expect(await warning('kni-02').count()).toBe(0);
    await t.api('POST', '/api/v1/products/import', 'id,stock\nlav-01,0\nkni-02,2\n');
    const lav = page.locator('[data-testid="rundown-item"][data-product-id="lav-01"]');
    await expect.poll(() => lav.getAttribute('data-sold-out')).toBe('true');
    expect(await lav.locator('.badge.sold-out').textContent()).toBe('Sold out');
    const kni = page.locator('[data-testid="rundown-item"][data-product-id="kni-02"]');
    expect(await kni.getAttribute('data-stock')).toBe('low');
    expect(await kni.locator('.badge.low').textContent()).toBe('2 left');
    expect(await warning('lav-01').getAttribute('data-level')).toBe('sold-out');
    expect(await warning('lav-01').textContent()).toBe('Sold outLavender trousers');
    expect(await warning('kni-02').getAttribute('data-level')).toBe('low');
    expect(await warning('kni-02').textContent()).toBe('2 leftChunky knit jumper');
    // Sold out comes first.
    expect(await page.getByTestId('stock-warning').first().getAttribute('data-level')).toBe('sold-out');
    // Four left is not low yet.
    await t.api('POST', '/api/v1/products/import', 'id,stock\nkni-02,4\n');
    await expect.poll(() => warning('kni-02').count()).toBe(0);
    expect(await kni.getAttribute('data-stock')).toBe('ok');
  });

  it('shows a product title containing markup as text in top sellers and just bought, and runs none of it', async () => {
    const title = '<img src=x onerror="window.__pwned=1"><b>Bold</b>';
    await t.api('POST', '/api/v1/products/import', [{ id: 'xss-1', title: { en: title }, price: { GBP: 1 } }]);
    await record(order('xss-1', 1, 1, 'GBP', 'en-GB'));
    const page = await openControlRoom();
    const seller = page.locator('[data-testid="top-seller"][data-product-id="xss-1"] .title');
    await expect.poll(() => seller.textContent()).toBe(title);
    expect(await page.locator('[data-testid="just-bought-order"] .title').first().textContent()).toBe(title);
    expect(await page.getByTestId('sales-panel').locator('b, img').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('opens the printable report from its button and saves the spreadsheet, both fetched with the token', async () => {
    await t.api('POST', '/api/v1/products/import', [{ id: 'xss-1', title: { en: '<script>window.__pwned=1</script>Tote' }, price: { GBP: 1 } }]);
    await record(order('xss-1', 2, 2, 'GBP', 'en-GB'), order('lav-01', 1, 19.99, 'EUR', 'de-DE'));
    const page = await openControlRoom();

    const [report] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('report-print').click()]);
    await report.waitForLoadState();
    expect(report.url()).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
    expect(await report.locator('h1').textContent()).toBe('Autumn Style Live');
    expect(await report.locator('[data-total="orders"]').textContent()).toBe('2');
    expect(await report.locator('[data-total="units"]').textContent()).toBe('3');
    expect(await report.locator('svg').count()).toBe(2);
    expect(await report.locator('tbody[data-product-id="xss-1"] .title').textContent()).toBe('<script>window.__pwned=1</script>Tote');
    expect(await report.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await report.close();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^sales-report-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await new Response((await download.createReadStream()) as unknown as ReadableStream).text();
    expect(csv.split(/\r?\n/)[0]).toBe('product_id,title,locale,orders,units,revenue_EUR,revenue_GBP,minutes_on_air,planned_minutes,units_per_minute_on_air');
    expect(csv).toContain('xss-1,<script>window.__pwned=1</script>Tote,all,1,2,0.00,2.00,0.0');
  });
});

describe('the marketplace panel', () => {
  let fake: FakeAliExpress;
  beforeEach(async () => {
    fake = await new FakeAliExpress('app-123', 'secret-xyz').start();
  });
  afterEach(() => fake.stop());

  it('keeps a stored secret when the form leaves it untouched, and says plainly that AliExpress is rate-limiting', async () => {
    await t.api('PUT', '/api/v1/marketplace', { kind: 'aliexpress', appKey: 'app-123', appSecret: 'secret-xyz', trackingId: 'show-7', gatewayUrl: fake.url, pollSeconds: 2 });
    const page = await openControlRoom();
    const status = page.getByTestId('marketplace-status');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 8000 }).toBe('ok');
    expect(await page.getByTestId('marketplace-status-text').textContent()).toMatch(/^in sync · last checked \d\d:\d\d:\d\d$/);

    await page.getByTestId('marketplace-edit').click();
    const secret = page.getByTestId('marketplace-field-appSecret');
    expect(await secret.getAttribute('type')).toBe('password');
    expect(await secret.inputValue()).toBe('');
    expect(await page.getByTestId('marketplace-form').textContent()).toContain('App secretset');
    expect(await page.getByTestId('marketplace-field-appKey').inputValue()).toBe('app-123');
    await page.getByTestId('marketplace-field-trackingId').fill('show-8');
    const put = page.waitForRequest((r) => r.method() === 'PUT' && r.url().endsWith('/api/v1/marketplace'));
    fake.rateLimitNext = 1000;
    await page.getByTestId('marketplace-save').click();
    expect(JSON.parse((await put).postData()!)).toEqual({ kind: 'aliexpress', appKey: 'app-123', trackingId: 'show-8', gatewayUrl: fake.url, pollSeconds: 2 });

    await expect.poll(() => status.getAttribute('data-status'), { timeout: 8000 }).toBe('backing_off');
    expect(await page.getByTestId('marketplace-status-text').textContent()).toMatch(/^The marketplace is rate-limiting the studio: AliExpress is rate-limiting the app — retrying (in \d+ s|now)$/);
    // The kept secret still signs: once the limit lifts, the link is back.
    fake.rateLimitNext = 0;
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 15_000 }).toBe('ok');
    expect((await t.api('GET', '/api/v1/marketplace')).body.settings.trackingId).toBe('show-8');
  }, 40_000);

  it('switches to the demo marketplace, and shows the studio\'s own words when it refuses a Shopify setting', async () => {
    const page = await openControlRoom();
    expect(await page.getByTestId('marketplace-status').getAttribute('data-kind')).toBe('none');
    await page.getByTestId('marketplace-edit').click();
    await page.getByTestId('marketplace-kind').selectOption('shopify');
    await page.getByTestId('marketplace-field-shop').fill('my shop');
    await page.getByTestId('marketplace-field-accessToken').fill('shpat_123');
    await page.getByTestId('marketplace-save').click();
    await expect.poll(() => page.getByTestId('notice').first().textContent()).toContain('expected your-shop.myshopify.com');

    await page.getByTestId('marketplace-kind').selectOption('demo');
    await page.getByTestId('marketplace-field-seed').fill('7');
    await page.getByTestId('marketplace-save').click();
    await expect.poll(() => page.getByTestId('marketplace-status').getAttribute('data-kind')).toBe('demo');
    expect((await t.api('GET', '/api/v1/marketplace')).body).toMatchObject({ kind: 'demo', settings: { seed: 7 } });
    expect(JSON.stringify((await t.api('GET', '/api/v1/marketplace')).body)).not.toContain('shpat_123');
  });
});

describe('the control room with sales', () => {
  it('fits every column at 1440×900 and 1280×720 while the demo marketplace sells', async () => {
    const { body: show } = await t.api('GET', '/api/v1/show');
    await t.api('PATCH', '/api/v1/show', { goal: { units: 150 } });
    // Earlier minutes of the show, so the chart has a history.
    const minute = 60_000;
    const history = Array.from({ length: 24 }, (_, i) => ({ ...order(['kni-02', 'bag-07', 'mug-09', 'lav-01'][i % 4], 1 + (i % 3), 19.99, 'EUR', ['de-DE', 'fr-FR', 'pl-PL', 'en-GB'][i % 4]), at: Date.now() - (26 - i) * minute }));
    await record(...history);
    await t.api('POST', '/api/v1/products/import', 'id,stock\nlav-01,400\nden-04,0\nkni-02,3\n');
    await t.api('POST', '/api/v1/rundown/pin', { itemId: show.rundown[0].id });
    await t.api('POST', '/api/v1/deal', { productId: show.rundown[0].productId, price: { EUR: 14.99, GBP: 12.99, PLN: 59.99, RUB: 1290 }, durationSeconds: 600 });
    await t.api('PUT', '/api/v1/marketplace', { kind: 'demo', seed: 11, pollSeconds: 2, pace: 30 });
    await until('demo orders', sales, (s) => s.orders >= history.length + 6, 25_000);

    const page = await openControlRoom();
    await page.getByTestId('just-bought-order').first().waitFor();
    await page.waitForTimeout(500);
    // SHOPCAST_SCREENSHOTS=docs regenerates the README's picture.
    if (process.env.SHOPCAST_SCREENSHOTS) await page.screenshot({ path: `${process.env.SHOPCAST_SCREENSHOTS}/sales-panel.png` });
    for (const viewport of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
      await page.setViewportSize(viewport);
      await page.waitForTimeout(200);
      const columns = await page.locator('main.columns > *').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
      expect(columns).toHaveLength(4);
      for (const c of columns) {
        expect(c.width).toBeGreaterThan(240);
        expect(c.right).toBeLessThanOrEqual(viewport.width);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      // The chart follows its column's width.
      const chart = (await page.getByTestId('sales-chart').boundingBox())!;
      const canvas = (await page.getByTestId('sales-chart').locator('canvas').boundingBox())!;
      expect(Math.abs(canvas.width - chart.width)).toBeLessThan(40);
    }
    expect(page.errors).toEqual([]);
  }, 60_000);
});
