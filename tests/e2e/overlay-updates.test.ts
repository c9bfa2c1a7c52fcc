/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useStudioInBrowser } from '../helpers/browser';
import { type TestStudio, pinProduct } from '../helpers/test-studio';

let t: TestStudio;
let context: BrowserContext;
useStudioInBrowser({ contexts: { obs: { viewport: { width: 1920, height: 1080 } } } }, (env) => ({ t, contexts: { obs: context } } = env));

async function openLayout(locale: string): Promise<Page> {
  const { body } = await t.api('GET', '/api/v1/overlays');
  const page = await context.newPage();
  await page.goto(`${t.studio.baseUrl}/overlay/layout?locale=${locale}&token=${body.token}`);
  await page.locator('body[data-link="live"]').waitFor();
  return page;
}

const pin = (productId: string) => pinProduct(t, productId);

/**
 * Starts noting every DOM change on the overlay, named by the nearest test id (or class) of the
 * node changed, and keeps the card's and the crawl's nodes to compare after the change.
 */
const watchOverlay = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { touched: string[]; kept: Element[] };
    const nameOf = (node: Node | null): string => {
      const e = node instanceof Element ? node : node?.parentElement;
      const named = e?.closest('[data-testid]') as HTMLElement | null;
      return named?.dataset.testid ?? e?.className ?? '?';
    };
    w.touched = [];
    w.kept = Array.from(document.querySelectorAll('[data-testid="product-card"], [data-testid="overlay-title"], [data-testid="overlay-image"], .crawl-copy'));
    new MutationObserver((records) => records.forEach((r) => w.touched.push(nameOf(r.target)))).observe(document.getElementById('overlay')!, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true
    });
  });

const touched = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { touched: string[]; kept: Element[] };
    return { touched: [...new Set(w.touched)].sort(), keptInPage: w.kept.every((e) => e.isConnected), kept: w.kept.length };
  });

describe('the overlay updates only what a change touches', () => {
  it('rewrites only the stock line when the on-air product\'s stock changes, keeping the card, its title, image and crawl', async () => {
    await pin('lav-01');
    const page = await openLayout('pl-PL');
    await page.locator('[data-testid="product-card"].shown').waitFor();
    await expect.poll(() => page.getByTestId('ticker-crawl').textContent()).not.toBe('');
    await watchOverlay(page);
    expect((await t.api('POST', '/api/v1/products/lav-01/stock', { stock: 3 })).status).toBe(200);
    await expect.poll(() => page.getByTestId('overlay-stock').textContent()).toBe('Zostały 3 sztuki');
    // A heartbeat or two may pass meanwhile: they must not touch the page either.
    await page.waitForTimeout(300);
    expect(await touched(page)).toEqual({ touched: ['overlay-stock'], keptInPage: true, kept: 5 });
  });

  it('changes nothing on the page for a change no widget shows (the show\'s title), then redraws a pin in the same nodes', async () => {
    await pin('lav-01');
    const page = await openLayout('de-DE');
    await page.locator('[data-testid="product-card"].shown').waitFor();
    await watchOverlay(page);
    // The show's title is on no overlay: the live patch arrives and the page is left alone.
    expect((await t.api('PATCH', '/api/v1/show', { title: 'Herbst-Show' })).status).toBe(200);
    await expect.poll(async () => (await t.api('GET', '/api/v1/show')).body.title).toBe('Herbst-Show');
    await page.waitForTimeout(500);
    expect((await touched(page)).touched).toEqual([]);
    await pin('kni-02');
    await expect.poll(() => page.getByTestId('overlay-title').textContent()).toBe('Grobstrickpullover');
    const after = await touched(page);
    expect(after.touched).toEqual(expect.arrayContaining(['overlay-title', 'overlay-image', 'product-card']));
    // The same card and nodes, rewritten: nothing was rebuilt.
    expect(after.keptInPage).toBe(true);
  });

  it('has the coming-up product\'s image loaded while nothing is on air, before the next pin', async () => {
    expect((await t.api('POST', '/api/v1/rundown/unpin')).status).toBe(200);
    const page = await openLayout('de-DE');
    const { rundown, lastOnAirItemId } = (await t.api('GET', '/api/v1/show')).body as { rundown: { id: string; productId: string }[]; lastOnAirItemId: string | null };
    const next = rundown[rundown.findIndex((i) => i.id === lastOnAirItemId) + 1].productId;
    const ahead = page.locator(`[data-testid="product-card"] img[src="/media/demo/${next}.png"]`);
    await expect.poll(() => ahead.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0 && img.hidden)).toBe(true);
    expect(await page.locator('[data-testid="product-card"].shown').count()).toBe(0);
  });

  it('has the coming-up product\'s image loaded before its pin, and shows it on the pin without loading it again', async () => {
    await pin('lav-01');
    const page = await openLayout('pl-PL');
    await page.locator('[data-testid="product-card"].shown').waitFor();
    // kni-02 comes up next: its image is in the card already, decoded, not shown.
    const ahead = page.locator('[data-testid="product-card"] img[src="/media/demo/kni-02.png"]');
    await expect.poll(() => ahead.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0 && img.hidden)).toBe(true);
    await page.evaluate(() => {
      const w = window as unknown as { srcWrites: number };
      w.srcWrites = 0;
      new MutationObserver((records) => (w.srcWrites += records.length)).observe(document.getElementById('overlay')!, { subtree: true, attributes: true, attributeFilter: ['src'] });
    });
    await pin('kni-02');
    await expect.poll(() => page.getByTestId('overlay-title').textContent()).toBe('Sweter z grubym splotem');
    const shown = page.getByTestId('overlay-image');
    expect(await shown.getAttribute('src')).toBe('/media/demo/kni-02.png');
    expect(await shown.evaluate((img: HTMLImageElement) => img.complete && !img.hidden)).toBe(true);
    // Back to the first product: its image was kept too. No image was loaded again for either pin.
    await pin('lav-01');
    await expect.poll(() => page.getByTestId('overlay-image').getAttribute('src')).toBe('/media/demo/lav-01.png');
    expect(await page.evaluate(() => (window as unknown as { srcWrites: number }).srcWrites)).toBe(0);
    // Exactly one image is visible in the card.
    expect(await page.locator('[data-testid="product-card"] img.card-image:not([hidden])').count()).toBe(1);
  });
});
