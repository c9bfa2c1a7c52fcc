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

/** SHOPCAST_SCREENSHOTS=docs keeps the pictures of a coupon and a lower third over the layout. */
const shots = process.env.SHOPCAST_SCREENSHOTS;

async function openOverlay(ctx: BrowserContext, name: string, locale: string, extra = ''): Promise<Page> {
  const { body } = await t.api('GET', '/api/v1/overlays');
  const page = await ctx.newPage();
  await page.goto(`${t.studio.baseUrl}/overlay/${name}?locale=${locale}&token=${body.token}${extra}`);
  await page.locator('body[data-link="live"]').waitFor();
  return page;
}

async function create(graphic: Record<string, unknown>): Promise<string> {
  const answer = await t.api('POST', '/api/v1/graphics', graphic);
  expect(answer.status).toBe(201);
  return answer.body.id;
}
const showGraphic = async (id: string, seconds?: number) => expect((await t.api('POST', `/api/v1/graphics/${id}/show`, seconds ? { seconds } : {})).status).toBe(200);

const pin = (productId: string) => pinProduct(t, productId);

const COUPON = { kind: 'coupon', text: { pl: 'Rabat 10% na całe zamówienie', de: '10 % Rabatt auf die ganze Bestellung', en: '10% off your whole order' }, code: { 'pl-PL': 'POLSKA10', 'de-DE': 'HERBST10' } };
const LOWER_THIRD = { kind: 'lower-third', text: { en: 'Ana Nowak' }, detail: { pl: 'Stylistka', de: 'Stylistin', en: 'Stylist' } };

type Box = { id: string; x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
/** Every widget and every graphic on screen, as drawn. */
const boxesOf = (page: Page) =>
  page.locator('#overlay > .card.shown, #overlay > .ticker.shown, [data-testid="graphic"]:visible').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { id: (e as HTMLElement).dataset.graphicId ?? e.getAttribute('data-testid') ?? e.className, x: r.x, y: r.y, width: r.width, height: r.height };
    })
  );

describe('show graphics on the overlays', () => {
  it('shows a coupon in Polish with the Polish code and in German with the German code', async () => {
    const id = await create(COUPON);
    const pl = await openOverlay(landscape, 'graphics', 'pl-PL');
    const de = await openOverlay(landscape, 'layout', 'de-DE');
    await showGraphic(id);
    await expect.poll(() => pl.getByTestId('graphic-code').textContent()).toBe('POLSKA10');
    expect(await pl.getByTestId('graphic-text').textContent()).toBe('Rabat 10% na całe zamówienie');
    expect(await pl.locator('.graphic-code-label').textContent()).toBe('Kod');
    await expect.poll(() => de.getByTestId('graphic-code').textContent()).toBe('HERBST10');
    expect(await de.getByTestId('graphic-text').textContent()).toBe('10 % Rabatt auf die ganze Bestellung');
    // A market without a code of its own gets no coupon at all, never another market's code.
    const fr = await openOverlay(landscape, 'graphics', 'fr-FR');
    await fr.waitForTimeout(300);
    expect(await fr.getByTestId('graphic').count()).toBe(0);
    expect(await de.locator('#overlay').innerText()).not.toContain('POLSKA10');
  });

  it('hides a graphic shown for a set time by itself', async () => {
    const id = await create({ kind: 'announcement', text: { en: 'Free shipping tonight', pl: 'Darmowa dostawa dziś wieczorem' } });
    const page = await openOverlay(landscape, 'layout', 'pl-PL');
    await showGraphic(id, 2);
    await expect.poll(() => page.getByTestId('graphic-text').textContent()).toBe('Darmowa dostawa dziś wieczorem');
    await expect.poll(() => page.getByTestId('graphic').count(), { timeout: 5000 }).toBe(0);
    const { body } = await t.api('GET', '/api/v1/show');
    expect(body.graphics[0]).toMatchObject({ visible: false, hidesAt: null });
  });

  it('shows hostile text as text', async () => {
    const id = await create({ kind: 'announcement', text: { en: '<script>window.__owned = 1</script><img src=x onerror="window.__owned=2">' } });
    const page = await openOverlay(landscape, 'graphics', 'en-GB');
    await showGraphic(id);
    await expect.poll(() => page.getByTestId('graphic-text').textContent()).toBe('<script>window.__owned = 1</script><img src=x onerror="window.__owned=2">');
    expect(await page.locator('[data-testid="graphic"] script, [data-testid="graphic"] img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __owned?: number }).__owned)).toBeUndefined();
  });

  for (const format of [
    { name: 'landscape', query: '' },
    { name: 'vertical', query: '&format=vertical' }
  ] as const) {
    it(`keeps many graphics apart from each other and from the card, the countdown, coming-up and the ticker (${format.name})`, async () => {
      await pin('lav-01');
      await t.api('POST', '/api/v1/deal', { productId: 'lav-01', price: { PLN: 67.99, EUR: 15.99, GBP: 13.99, RUB: 1490 }, durationSeconds: 300 });
      const ids = [await create(COUPON), await create(LOWER_THIRD)];
      for (let i = 0; i < 6; i++) ids.push(await create({ kind: 'announcement', text: { pl: `Ogłoszenie numer ${i + 1}: darmowa dostawa do północy` } }));
      for (const id of ids) await showGraphic(id);
      const ctx = format.name === 'landscape' ? landscape : vertical;
      for (const name of ['layout', 'graphics']) {
        const page = await openOverlay(ctx, name, 'pl-PL', format.query);
        await page.getByTestId('graphic').first().waitFor();
        await page.waitForTimeout(500);
        if (shots) await page.screenshot({ path: `${shots}/graphics-many-${format.name}-${name}.png` });
        const boxes = await boxesOf(page);
        const graphics = boxes.filter((b) => b.id.startsWith('graphic-'));
        // Several up at once (9:16 with a deal, coming-up and the card has room for two; the rest
        // wait their turn); the first shown, the coupon, is always among them.
        expect(graphics.length).toBeGreaterThanOrEqual(format.name === 'landscape' ? 3 : 2);
        expect(graphics.map((b) => b.id)).toContain(ids[0]);
        if (name === 'layout') expect(boxes.map((b) => b.id)).toEqual(expect.arrayContaining(['product-card', 'countdown-card', 'ticker']));
        const viewport = page.viewportSize()!;
        for (const [i, a] of boxes.entries()) {
          expect(a.x >= 0 && a.y >= 0 && a.x + a.width <= viewport.width && a.y + a.height <= viewport.height, `${a.id} inside the canvas`).toBe(true);
          for (const b of boxes.slice(i + 1)) expect(overlaps(a, b), `${a.id} overlaps ${b.id}: ${JSON.stringify([a, b])}`).toBe(false);
        }
        if (name === 'graphics') {
          // Alone, the graphics keep clear of the other single-widget pages, as one OBS scene stacks them.
          for (const single of ['product', 'next', 'countdown', 'ticker']) {
            const other = await openOverlay(ctx, single, 'pl-PL', format.query);
            await other.locator('#overlay > .shown').first().waitFor();
            await other.waitForTimeout(400);
            for (const w of await boxesOf(other)) for (const g of graphics) expect(overlaps(g, w), `graphics page ${g.id} over ${single} page ${w.id}`).toBe(false);
            await other.close();
          }
        }
      }
    });
  }

  it('draws a coupon and a lower third over the layout in Polish and German (screenshots)', async () => {
    await pin('lav-01');
    const coupon = await create(COUPON);
    const guest = await create(LOWER_THIRD);
    await showGraphic(coupon);
    await showGraphic(guest);
    for (const locale of ['pl-PL', 'de-DE']) {
      const page = await openOverlay(landscape, 'layout', locale);
      await expect.poll(() => page.getByTestId('graphic').count()).toBe(2);
      expect(await page.locator('[data-testid="graphic-detail"]:visible').textContent()).toBe(locale === 'pl-PL' ? 'Stylistka' : 'Stylistin');
      await page.waitForTimeout(500);
      if (shots) await page.screenshot({ path: `${shots}/graphics-layout-${locale}.png` });
    }
  });
});
