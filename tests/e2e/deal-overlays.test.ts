/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useStudioInBrowser } from '../helpers/browser';
import { type TestStudio, pinProduct } from '../helpers/test-studio';

let t: TestStudio;
let landscape: BrowserContext;
let vertical: BrowserContext;
useStudioInBrowser(
  { contexts: { landscape: { viewport: { width: 1920, height: 1080 } }, vertical: { viewport: { width: 1080, height: 1920 } } } },
  (env) => ({ t, contexts: { landscape, vertical } } = env)
);

const NBSP = '\u00a0';
/** SHOPCAST_SCREENSHOTS=/work/shots/h5 keeps the pictures of the layout before and after pinning B. */
const shots = process.env.SHOPCAST_SCREENSHOTS;

async function openOverlay(ctx: BrowserContext, name: string, locale: string, extra = ''): Promise<Page> {
  const { body } = await t.api('GET', '/api/v1/overlays');
  const page = await ctx.newPage();
  await page.goto(`${t.studio.baseUrl}/overlay/${name}?locale=${locale}&token=${body.token}${extra}`);
  await page.locator('body[data-link="live"]').waitFor();
  return page;
}

const pin = (productId: string) => pinProduct(t, productId);

const text = (page: Page, testId: string) => page.getByTestId(testId).textContent();
const shown = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"].shown`);
const hidden = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]:not(.shown)`);

type Box = { id: string; x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const boxesOf = (page: Page) =>
  page.locator('#overlay > .shown').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { id: e.getAttribute('data-testid') ?? e.className, x: r.x, y: r.y, width: r.width, height: r.height };
    })
  );

describe('a flash deal belongs to its product on the overlays', () => {
  for (const format of [
    { name: 'landscape', query: '' },
    { name: 'vertical', query: '&format=vertical' }
  ] as const) {
    it(`stops counting down and shows the regular price of B when B is pinned during a deal on A (${format.name})`, async () => {
      await pin('lav-01');
      const page = await openOverlay(format.name === 'landscape' ? landscape : vertical, 'layout', 'pl-PL', format.query);
      await t.api('POST', '/api/v1/deal', { productId: 'lav-01', price: { PLN: 67.99, EUR: 15.99, GBP: 13.99, RUB: 1490 }, durationSeconds: 300 });
      await shown(page, 'countdown-card').waitFor();
      await expect.poll(() => text(page, 'overlay-price')).toBe(`67,99${NBSP}zł`);
      // Each fact once: the title and the deal price are on the product card and nowhere else.
      const visible = await page.locator('#overlay').innerText();
      expect(visible.split('Spodnie lawendowe').length - 1).toBe(1);
      expect(visible.split(`67,99${NBSP}zł`).length - 1).toBe(1);
      await page.waitForTimeout(400);
      if (shots) await page.screenshot({ path: `${shots}/layout-${format.name}-deal-on-A.png` });

      await pin('kni-02');
      await expect.poll(() => text(page, 'overlay-title')).toBe('Sweter z grubym splotem');
      await hidden(page, 'countdown-card').waitFor();
      expect(await text(page, 'overlay-price')).toBe(`150,99${NBSP}zł`);
      expect(await page.getByTestId('overlay-was').isHidden()).toBe(true);
      await page.waitForTimeout(400);
      if (shots) await page.screenshot({ path: `${shots}/layout-${format.name}-B-pinned.png` });

      // The deal still runs on A: pinned again, A shows it again.
      await pin('lav-01');
      await shown(page, 'countdown-card').waitFor();
      await expect.poll(() => text(page, 'overlay-price')).toBe(`67,99${NBSP}zł`);
    });
  }

  it('ends the deal and its countdown when its product sells out', async () => {
    await pin('lav-01');
    const page = await openOverlay(landscape, 'layout', 'de-DE');
    await t.api('POST', '/api/v1/deal', { productId: 'lav-01', price: { PLN: 67.99, EUR: 15.99, GBP: 13.99, RUB: 1490 }, durationSeconds: 300 });
    await shown(page, 'countdown-card').waitFor();
    await t.api('POST', '/api/v1/products/import', [{ id: 'lav-01', stock: 0 }]);
    await hidden(page, 'countdown-card').waitFor();
    await expect.poll(() => text(page, 'overlay-stock')).toBe('Ausverkauft');
    expect(await text(page, 'overlay-price')).toBe(`19,99${NBSP}€`);
    expect((await t.api('GET', '/api/v1/show')).body.deal).toBeNull();
  });
});

describe('every audience reads only its own language', () => {
  it('shows a French viewer no pitch and no badge that exist only in Polish, and the base-language title', async () => {
    await t.api('POST', '/api/v1/products/import', [
      { id: 'tor-99', title: { pl: 'Torba skórzana', en: 'Leather bag' }, pitch: { pl: 'Ręcznie szyta w Krakowie.' }, badge: { pl: 'Nowość' }, price: { EUR: 49.99, PLN: 209.99, GBP: 42.99, RUB: 4690 }, stock: 10 }
    ]);
    await t.api('POST', '/api/v1/rundown/items', { productId: 'tor-99' });
    const french = await openOverlay(landscape, 'product', 'fr-FR');
    const polish = await openOverlay(landscape, 'product', 'pl-PL');
    await pin('tor-99');
    await expect.poll(() => text(polish, 'overlay-pitch')).toBe('Ręcznie szyta w Krakowie.');
    expect(await text(polish, 'overlay-badge')).toBe('Nowość');
    await expect.poll(() => text(french, 'overlay-title')).toBe('Leather bag');
    expect(await french.getByTestId('overlay-pitch').isHidden()).toBe(true);
    expect(await french.getByTestId('overlay-badge').isHidden()).toBe(true);
    expect(await french.locator('#overlay').innerText()).not.toMatch(/Ręcznie|Nowość|Torba/);
  });
});

describe('the single widget pages', () => {
  for (const format of [
    { name: 'landscape', width: 1920, height: 1080, query: '' },
    { name: 'vertical', width: 1080, height: 1920, query: '&format=vertical' }
  ] as const) {
    it(`sit together in one ${format.name} OBS scene without covering each other`, async () => {
      await pin('lav-01');
      await t.api('POST', '/api/v1/deal', { productId: 'lav-01', price: { PLN: 67.99, EUR: 15.99, GBP: 13.99, RUB: 1490 }, durationSeconds: 300 });
      const ctx = format.name === 'landscape' ? landscape : vertical;
      const pages = await Promise.all(['product', 'next', 'ticker', 'countdown'].map((name) => openOverlay(ctx, name, 'de-DE', format.query)));
      for (const page of pages) await page.locator('#overlay > .shown').first().waitFor();
      await pages[0].waitForTimeout(400);
      const boxes = (await Promise.all(pages.map(boxesOf))).flat();
      expect(boxes.map((b) => b.id).sort()).toEqual(['countdown-card', 'next-card', 'product-card', 'ticker']);
      const margin = (5 / 100) * Math.min(format.width, format.height);
      for (const box of boxes) {
        expect(box.x, box.id).toBeGreaterThanOrEqual(margin - 1);
        expect(box.y, box.id).toBeGreaterThanOrEqual(margin - 1);
        expect(box.x + box.width, box.id).toBeLessThanOrEqual(format.width - margin + 1);
        expect(box.y + box.height, box.id).toBeLessThanOrEqual(format.height - margin + 1);
      }
      for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlaps(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
    });
  }
});
