/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useStudioInBrowser } from '../helpers/browser';
import type { TestStudio } from '../helpers/test-studio';

let t: TestStudio;
let landscape: BrowserContext;
useStudioInBrowser({ contexts: { landscape: { viewport: { width: 1920, height: 1080 } } } }, (env) => ({ t, contexts: { landscape } } = env));

async function openOverlay(name: string, locale: string): Promise<Page> {
  const { body } = await t.api('GET', '/api/v1/overlays');
  const page = await landscape.newPage();
  await page.goto(`${t.studio.baseUrl}/overlay/${name}?locale=${locale}&token=${body.token}`);
  await page.locator('body[data-link="live"]').waitFor();
  return page;
}

describe('a way to buy from any screen', () => {
  it("puts the market's own link on the on-air card as a QR code and a short address, and none where the market has no link", async () => {
    expect((await t.api('POST', '/api/v1/products/import', [{ id: 'lav-01', url: { 'pl-PL': 'https://shop.example/pl/lav-01?aff=studio' } }])).body.imported).toBe(1);
    const { body } = await t.api('GET', '/api/v1/show');
    await t.api('POST', '/api/v1/rundown/pin', { itemId: body.rundown.find((i: { productId: string }) => i.productId === 'lav-01').id });
    const pl = await openOverlay('product', 'pl-PL');
    const de = await openOverlay('product', 'de-DE');
    await expect.poll(() => pl.getByTestId('overlay-buy-link').textContent()).toBe('shop.example/pl/lav-01?aff=studio');
    const qr = pl.getByTestId('overlay-buy-qr');
    await expect.poll(() => qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    const svg = Buffer.from((await qr.getAttribute('src'))!.split(',')[1], 'base64').toString();
    expect(svg).toContain('<svg');
    const size = await qr.evaluate((img) => [(img as HTMLImageElement).naturalWidth, img.getBoundingClientRect().width]);
    expect(size[1]).toBeGreaterThan(100);
    await de.getByTestId('overlay-title').waitFor();
    expect(await de.getByTestId('overlay-buy').isHidden()).toBe(true);
  });
});
