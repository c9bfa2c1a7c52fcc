import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useStudioInBrowser } from '../helpers/browser';
import type { TestStudio } from '../helpers/test-studio';

let t: TestStudio;
let desktop: BrowserContext;
let obs: BrowserContext;
useStudioInBrowser(
  { contexts: { desktop: { viewport: { width: 1440, height: 900 } }, obs: { viewport: { width: 1920, height: 1080 } } } },
  (env) => ({ t, contexts: { desktop, obs } } = env)
);

async function openControlRoom(): Promise<Page> {
  const page = await desktop.newPage();
  await page.goto(t.studio.controlUrl);
  await page.locator('[data-testid="connection-status"][data-status="live"]').waitFor();
  await page.locator('[data-testid="rundown-item"]').first().waitFor();
  return page;
}

describe('the base language before going live', () => {
  it('lets the producer pick it, and the list and the French overlay follow: base-language text or the product id, never a third language', async () => {
    await t.api('POST', '/api/v1/products/import', [{ id: 'tor-99', title: { pl: 'Torba skórzana' }, badge: { pl: 'Nowość' }, price: { EUR: 49.99, PLN: 209.99, GBP: 42.99, RUB: 4690 }, stock: 10 }]);
    const item = (await t.api('POST', '/api/v1/rundown/items', { productId: 'tor-99' })).body;
    await t.api('POST', '/api/v1/rundown/pin', { itemId: item.id });
    const { body } = await t.api('GET', '/api/v1/overlays');
    const french = await obs.newPage();
    await french.goto(`${t.studio.baseUrl}/overlay/product?locale=fr-FR&token=${body.token}`);
    await french.locator('body[data-link="live"]').waitFor();

    const page = await openControlRoom();
    // The demo show's first locale is en-GB: English is the base language until the producer picks another.
    expect(await page.getByTestId('base-language').inputValue()).toBe('en');
    // The audiences are a list in the desk's language ("a, b and c" or "a, b, c"): compared as plain commas.
    const lines = async () => (await page.getByTestId('readiness').locator('li').allTextContents()).map((l) => l.replace(/,? and /g, ', '));
    await expect.poll(async () => (await lines()).filter((l) => l.startsWith('tor-99'))).toEqual([
      'tor-99: no title in en-GB, de-DE, fr-FR, es-ES, it-IT, ru-RU: shows the product id (no title in the base language en either)',
      'tor-99: no badge in en-GB, de-DE, fr-FR, es-ES, it-IT, ru-RU: shows none (none in the base language en either)'
    ]);
    await expect.poll(() => french.getByTestId('overlay-title').textContent()).toBe('tor-99');
    expect(await french.getByTestId('overlay-badge').isHidden()).toBe(true);

    await page.getByTestId('base-language').selectOption('pl');
    await expect.poll(async () => (await lines()).filter((l) => l.startsWith('tor-99'))).toEqual([
      'tor-99: no title in en-GB, de-DE, fr-FR, es-ES, it-IT, ru-RU: shows the base-language (pl) text',
      'tor-99: no badge in en-GB, de-DE, fr-FR, es-ES, it-IT, ru-RU: shows the base-language (pl) text'
    ]);
    await expect.poll(() => french.getByTestId('overlay-title').textContent()).toBe('Torba skórzana');
    expect(await french.getByTestId('overlay-badge').textContent()).toBe('Nowość');
    expect((await t.api('GET', '/api/v1/show')).body.baseLanguage).toBe('pl');
  });
});
