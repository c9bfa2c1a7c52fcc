import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { useStudioInBrowser } from '../helpers/browser';
import type { TestStudio } from '../helpers/test-studio';

const LAN_ADDRESS = '127.0.0.2';
const TABLET = { viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
const DESK = { viewport: { width: 1440, height: 900 }, locale: 'en-GB' };

let browser: Browser;
let t: TestStudio;
useStudioInBrowser({ studio: { lanAddresses: [LAN_ADDRESS] }, contexts: {} }, (env) => ({ browser, t } = env));

async function open(options: BrowserContextOptions = DESK): Promise<Page & { errors: string[] }> {
  const context = await browser.newContext(options);
  const page = Object.assign(await context.newPage(), { errors: [] as string[] });
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('dialog', (d) => void d.accept());
  await page.goto(t.studio.controlUrl);
  await page.locator('[data-testid="connection-status"][data-status="live"]').waitFor();
  await page.getByTestId('rundown-item').first().waitFor();
  return page;
}

/** Wholly inside the window and, when given, inside its scrolling box: seen without scrolling anything. */
async function inView(page: Page, what: Locator, within?: Locator): Promise<boolean> {
  const box = await what.boundingBox();
  const viewport = page.viewportSize()!;
  if (!box || box.y < 0 || box.x < 0 || box.y + box.height > viewport.height + 0.5 || box.x + box.width > viewport.width + 0.5) return false;
  if (!within) return true;
  const outer = (await within.boundingBox())!;
  return box.y >= outer.y - 0.5 && box.y + box.height <= outer.y + outer.height + 0.5;
}

describe('one screen for the show', () => {
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 1920, height: 1080 }
  ]) {
    it(`shows at ${viewport.width}×${viewport.height}, without scrolling: on air with the deal price and time left, coming up, the rundown, each OBS's real state and the checks before going live`, async () => {
      await t.api('POST', '/api/v1/obs/connections', { name: 'Kanał PL', url: 'ws://127.0.0.1:1', locale: 'pl-PL' });
      await t.api('POST', '/api/v1/obs/connections', { name: 'Kanal DE', url: 'ws://127.0.0.1:2', locale: 'de-DE' });
      await t.api('POST', '/api/v1/rundown/next');
      await t.api('POST', '/api/v1/deal', { productId: 'lav-01', price: { GBP: 9.99, EUR: 11.99, PLN: 49.99, RUB: 999 }, durationSeconds: 300 });
      const page = await open({ viewport, locale: 'en-GB' });
      await page.getByTestId('deal-running').waitFor();
      await expect.poll(() => page.getByTestId('obs-connection').count()).toBe(2);
      expect(await page.evaluate(() => document.scrollingElement!.scrollHeight <= window.innerHeight)).toBe(true);
      for (const id of ['on-air-card', 'on-air-title', 'on-air-timer', 'on-air-price', 'on-air-deal', 'coming-up', 'readiness-count', 'broadcast-status', 'connection-status']) {
        expect(await inView(page, page.getByTestId(id).first()), id).toBe(true);
      }
      expect(await page.getByTestId('on-air-price').textContent()).toBe('£9.99');
      const states = page.getByTestId('obs-state');
      for (let i = 0; i < 2; i++) expect(await inView(page, states.nth(i), page.locator('.column.right')), `OBS ${i + 1}`).toBe(true);
      const rundown = page.locator('.rundown-list');
      const onAir = page.locator('[data-testid="rundown-item"][data-on-air="true"]');
      expect(await inView(page, onAir, rundown)).toBe(true);
      // "Connected to the studio" is the link; whether the show is on air is said apart.
      expect(await page.getByTestId('connection-status').textContent()).toContain('Connected to the studio');
      expect(await page.getByTestId('broadcast-status').textContent()).toBe('Not streaming');
      expect(await page.locator('header').textContent()).not.toMatch(/\brev\b/);
      expect(page.errors).toEqual([]);
    });
  }

  it('keeps the item on air in view as the show moves down a long rundown, from another screen too', async () => {
    const products = (await t.api('GET', '/api/v1/products?limit=40')).body.products as { id: string }[];
    for (const p of products.slice(0, 24)) await t.api('POST', '/api/v1/rundown/items', { productId: p.id });
    const page = await open();
    const rundown = page.locator('.rundown-list');
    const items = (await t.api('GET', '/api/v1/show')).body.rundown as { id: string }[];
    await t.api('POST', '/api/v1/rundown/pin', { itemId: items[30].id });
    const onAir = page.locator(`[data-testid="rundown-item"][data-item-id="${items[30].id}"]`);
    await expect.poll(() => onAir.getAttribute('data-on-air')).toBe('true');
    await expect.poll(() => inView(page, onAir, rundown), { timeout: 2000 }).toBe(true);
    await t.api('POST', '/api/v1/rundown/pin', { itemId: items[1].id });
    const first = page.locator(`[data-testid="rundown-item"][data-item-id="${items[1].id}"]`);
    await expect.poll(() => inView(page, first, rundown), { timeout: 2000 }).toBe(true);
  });

  it('shows each rundown title whole, on as many lines as it needs, and a sold-out switch worded as an action', async () => {
    await t.api('POST', '/api/v1/products/import', [{ id: 'long-1', title: { en: 'Chunky knit jumper in undyed merino, oversized, with a ribbed collar' }, price: { GBP: 59 }, stock: 3 }]);
    await t.api('POST', '/api/v1/rundown/items', { productId: 'long-1' });
    const page = await open();
    const titles = page.locator('[data-testid="rundown-item"] .row-title');
    const clipped = await titles.evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1).map((e) => e.textContent));
    expect(clipped).toEqual([]);
    const long = page.locator('[data-testid="rundown-item"][data-product-id="long-1"] .row-title');
    expect((await long.boundingBox())!.height).toBeGreaterThan(30);
    const toggle = page.locator('[data-testid="rundown-item"][data-product-id="long-1"]').getByTestId('sold-out');
    expect(await toggle.textContent()).toBe('Mark sold out');
    await toggle.click();
    await expect.poll(() => toggle.textContent()).toBe('Restock');
    // The status is the badge beside the price, never the switch's words.
    expect(await page.locator('[data-testid="rundown-item"][data-product-id="long-1"] .badge.sold-out').textContent()).toBe('Sold out');
  });

  it('lists every problem of a broken spreadsheet row, one per line', async () => {
    const page = await open();
    await page.getByTestId('import-open').click();
    const csv = ['id,title:en,price:GBP,price:EUR,stock', 'ok-1,Chair,49.99,55,4', 'bad-1,Broken,abc,zz,-3'].join('\n');
    await page.getByTestId('import-file').setInputFiles({ name: 'k.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const row = page.getByTestId('rejected-row');
    await row.waitFor();
    expect(await row.locator('li').allTextContents()).toEqual(['price:GBP: "abc" is not a price', 'price:EUR: "zz" is not a price', 'stock: "-3" is not a whole number of units']);
  });

  it('shows a tidy placeholder for a product without a picture, or with a dead one, in the catalogue, the rundown and on air', async () => {
    await t.api('POST', '/api/v1/products/import', [
      { id: 'noimg-1', title: { en: 'Plain mug' }, price: { GBP: 5 } },
      { id: 'deadimg-1', title: { en: 'Lost picture' }, price: { GBP: 5 }, image: `http://127.0.0.1:${t.studio.port}/nothing-here.png` }
    ]);
    const item = await t.api('POST', '/api/v1/rundown/items', { productId: 'noimg-1' });
    await t.api('POST', '/api/v1/rundown/items', { productId: 'deadimg-1' });
    await t.api('POST', '/api/v1/rundown/pin', { itemId: item.body.id });
    const page = await open();
    for (const id of ['noimg-1', 'deadimg-1']) {
      await expect.poll(() => page.locator(`[data-testid="rundown-item"][data-product-id="${id}"] [data-testid="image-placeholder"]`).count(), { message: id }).toBe(1);
    }
    expect(await page.locator('[data-testid="on-air-card"] [data-testid="image-placeholder"]').count()).toBe(1);
    await page.getByTestId('catalogue-search').fill('noimg');
    await expect.poll(() => page.locator('[data-testid="catalogue-row"][data-product-id="noimg-1"] [data-testid="image-placeholder"]').count()).toBe(1);
    const box = (await page.locator('[data-testid="on-air-card"] [data-testid="image-placeholder"]').boundingBox())!;
    expect([Math.round(box.width), Math.round(box.height)]).toEqual([128, 128]);
  });

  it('lets the producer change the title, the audiences (refusing a malformed one) and the look, with the preview in view', async () => {
    const page = await open();
    await page.getByTestId('settings-open').click();
    const drawer = page.getByTestId('show-settings');
    await drawer.waitFor();
    await page.getByTestId('settings-title').fill('Winter Style Live');
    await drawer.getByRole('button', { name: 'Save' }).first().click();
    await expect.poll(() => page.locator('.show-title').textContent()).toBe('Winter Style Live');

    await page.getByTestId('audience-locale').fill('pl_pl');
    await page.getByTestId('audience-currency').fill('PLN');
    await page.getByTestId('audience-add').click();
    expect(await page.getByTestId('audience-problem').textContent()).toContain('is not a locale');
    await page.getByTestId('audience-locale').fill('cs-CZ');
    await page.getByTestId('audience-currency').fill('czk');
    await page.getByTestId('audience-add').click();
    await expect.poll(async () => (await t.api('GET', '/api/v1/show')).body.locales.at(-1)).toEqual({ locale: 'cs-CZ', currency: 'CZK' });
    await page.locator('[data-testid="settings-audience"][data-locale="cs-CZ"] button').click();
    await expect.poll(async () => (await t.api('GET', '/api/v1/show')).body.locales.some((l: { locale: string }) => l.locale === 'cs-CZ')).toBe(false);

    await page.getByTestId('theme-primary').fill('#00aa55');
    await expect.poll(async () => (await t.api('GET', '/api/v1/show')).body.theme.primary, { timeout: 3000 }).toBe('#00aa55');
    await page.getByTestId('theme-primary').fill('#00aa5');
    await expect.poll(() => page.getByTestId('theme-answer').textContent(), { timeout: 3000 }).toContain('colour');
    // The drawer covers the catalogue and the rundown, not the preview the producer is watching.
    expect(await inView(page, page.getByTestId('preview-frame'))).toBe(true);
    const drawerBox = (await drawer.boundingBox())!;
    expect(drawerBox.x + drawerBox.width).toBeLessThanOrEqual((await page.getByTestId('preview-frame').boundingBox())!.x);

    // The base language goes to the studio as it is; what the studio answers is shown.
    await page.getByTestId('settings-base-language').selectOption('de');
    await expect
      .poll(async () => (await t.api('GET', '/api/v1/show')).body.baseLanguage === 'de' || (await page.getByTestId('base-language-answer').count()) === 1, { timeout: 3000 })
      .toBe(true);
    expect(page.errors).toEqual([]);
  });

  it('edits an OBS connection from its card and reconnects it: name, address and audience, the password kept', async () => {
    const added = await t.api('POST', '/api/v1/obs/connections', { name: 'OBS 1', url: 'ws://127.0.0.1:1', password: 'secret-1', locale: 'en-GB' });
    const page = await open();
    // The Add OBS form fits its column: no field runs past it.
    await page.getByTestId('obs-add-open').click();
    const column = (await page.locator('.column.right').boundingBox())!;
    const overflowing = await page.getByTestId('obs-add-form').locator('input, select, button').evaluateAll(
      (els, right) => els.filter((e) => e.getBoundingClientRect().right > right + 0.5).map((e) => e.outerHTML.slice(0, 60)),
      column.x + column.width
    );
    expect(overflowing).toEqual([]);
    await page.getByTestId('obs-add-open').click();
    const card = page.getByTestId('obs-connection');
    await card.getByTestId('obs-edit').click();
    const form = card.getByTestId('obs-edit-form');
    expect(await form.getByTestId('obs-form-password').getAttribute('placeholder')).toContain('leave empty');
    await form.getByTestId('obs-form-name').fill('Kanał PL');
    await form.getByTestId('obs-form-url').fill('ws://127.0.0.1:3');
    await form.getByTestId('obs-form-locale').selectOption('pl-PL');
    await form.getByTestId('obs-form-save').click();
    await expect.poll(() => card.getByTestId('obs-name').textContent()).toBe('Kanał PL');
    const view = (await t.api('GET', '/api/v1/obs/connections')).body.connections.find((c: { id: string }) => c.id === added.body.id);
    expect(view).toMatchObject({ name: 'Kanał PL', url: 'ws://127.0.0.1:3', locale: 'pl-PL', hasPassword: true });
    // The live feed may rename the card before the save's own answer closes the form.
    await expect.poll(() => card.getByTestId('obs-edit-form').count()).toBe(0);
    // Why it is not streaming, and a way to try again now, on the card itself.
    await card.getByTestId('obs-why').waitFor();
    expect(await card.getByTestId('obs-state').textContent()).toContain('Not streaming from here');
    await card.getByTestId('obs-reconnect').click();
    expect(page.errors).toEqual([]);
  });

  it('shows the EU 30-day warning where a discount is about to be set, not under every product on air', async () => {
    // High-rise mom jeans: no lowest price of the last 30 days in the demo catalogue.
    const jeans = ((await t.api('GET', '/api/v1/show')).body.rundown as { id: string; productId: string }[]).find((i) => i.productId === 'den-04')!;
    await t.api('POST', '/api/v1/rundown/pin', { itemId: jeans.id });
    const page = await open();
    await page.getByTestId('on-air-title').waitFor();
    expect(await page.getByTestId('deal-warning').count()).toBe(0);
    // The operator starts on the discount: now the warning belongs on screen.
    await page.getByLabel('Discount percent').focus();
    expect(await page.getByTestId('deal-warning').textContent()).toContain('lowest price of the last 30 days');
  });

  it('never clips the pairing code, its address or its expiry at 1440×900', async () => {
    const page = await open();
    await page.getByTestId('lan-switch').check();
    await page.getByTestId('lan-urls').waitFor();
    await page.getByTestId('pair-start').click();
    const card = page.getByTestId('pairing');
    await card.waitFor();
    const cardBox = (await card.boundingBox())!;
    for (const id of ['pairing-code', 'pairing-url', 'pairing-expiry']) {
      const el = page.getByTestId(id);
      const box = (await el.boundingBox())!;
      expect(box.x + box.width, id).toBeLessThanOrEqual(cardBox.x + cardBox.width + 0.5);
      expect(await el.evaluate((e) => e.scrollWidth <= e.clientWidth + 1), id).toBe(true);
    }
    expect(await page.getByTestId('pairing-code').textContent()).toMatch(/^\d{6}$/);
  });

  it('shows every deal price whole on the tablet, a four-digit price with cents included', async () => {
    const jumper = ((await t.api('GET', '/api/v1/show')).body.rundown as { id: string; productId: string }[]).find((i) => i.productId === 'kni-02')!;
    await t.api('POST', '/api/v1/rundown/pin', { itemId: jumper.id });
    const page = await open(TABLET);
    await page.getByTestId('deal-prices').waitFor();
    await page.getByTestId('deal-price-PLN').fill('1234.99');
    for (const input of await page.getByTestId('deal-prices').locator('input').all()) {
      expect(await input.evaluate((e) => e.scrollWidth <= e.clientWidth), await input.inputValue()).toBe(true);
    }
  });

  it('never tells a touch user to press a key: the empty on-air card on the tablet names the buttons', async () => {
    const page = await open(TABLET);
    const empty = page.locator('[data-testid="on-air-card"][data-empty="true"]');
    await empty.waitFor();
    expect(await empty.textContent()).toBe('Nothing on air — tap Next, or Pin on an item.');
    expect(await page.locator('kbd').count()).toBe(0);
    // The header wraps on the narrow screen: the link to the studio stays on it.
    expect(await inView(page, page.getByTestId('connection-status'))).toBe(true);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth)).toBe(true);
  });
});
