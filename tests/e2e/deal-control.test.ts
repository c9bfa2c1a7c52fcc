import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useStudioInBrowser } from '../helpers/browser';
import { type TestStudio, pinProduct } from '../helpers/test-studio';

let t: TestStudio;
let context: BrowserContext;
useStudioInBrowser({ contexts: { desktop: { viewport: { width: 1440, height: 900 } } } }, (env) => ({ t, contexts: { desktop: context } } = env));

async function openControlRoom(): Promise<Page & { errors: string[] }> {
  const page = (await context.newPage()) as Page & { errors: string[] };
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(t.studio.controlUrl);
  await page.locator('[data-testid="connection-status"][data-status="live"]').waitFor();
  await page.locator('[data-testid="rundown-item"]').first().waitFor();
  return page;
}

const pin = (productId: string) => pinProduct(t, productId);

const value = (page: Page, currency: string) => page.getByTestId(`deal-price-${currency}`).inputValue();

describe('the flash deal in the control room', () => {
  it('suggests a deal price per currency as each market prices it, takes the operator\'s edit, and shows the deal price and time left on the on-air card', async () => {
    await pin('lav-01');
    const page = await openControlRoom();
    await page.getByTestId('deal-prices').waitFor();
    // 20 % off £17.99, 19,99 €, 84,99 zł, 1 890 ₽: .99 endings where shops price in cents, 1 490 ₽ in whole roubles.
    expect([await value(page, 'GBP'), await value(page, 'EUR'), await value(page, 'PLN'), await value(page, 'RUB')]).toEqual(['13.99', '15.99', '67.99', '1490']);
    // Not a discount (the regular price is 19,99 €): nothing to start.
    await page.getByTestId('deal-price-EUR').fill('19.99');
    expect(await page.getByTestId('deal-start').isDisabled()).toBe(true);
    await page.getByTestId('deal-price-EUR').fill('14.99');
    expect(await page.getByTestId('deal-start').isEnabled()).toBe(true);
    if (process.env.SHOPCAST_SCREENSHOTS) await page.screenshot({ path: `${process.env.SHOPCAST_SCREENSHOTS}/control-room-deal-form.png` });
    await page.getByTestId('deal-start').click();
    await expect.poll(async () => (await t.api('GET', '/api/v1/show')).body.deal?.price).toEqual({ GBP: 13.99, EUR: 14.99, PLN: 67.99, RUB: 1490 });

    // The operator sees what the viewers see: the deal price, the regular one struck through, the time left.
    await expect.poll(() => page.getByTestId('on-air-price').textContent()).toBe('£13.99');
    expect(await page.getByTestId('on-air-was').textContent()).toBe('£17.99');
    expect(await page.getByTestId('on-air-deal').textContent()).toMatch(/^Flash deal [45]:\d\d left$/);
    if (process.env.SHOPCAST_SCREENSHOTS) await page.screenshot({ path: `${process.env.SHOPCAST_SCREENSHOTS}/control-room-deal-running.png` });

    // Another product on air: its regular price, no deal on its card, and the deal says it is off air.
    await pin('kni-02');
    await expect.poll(() => page.getByTestId('on-air-price').textContent()).toBe('£30.99');
    expect(await page.getByTestId('on-air-deal').count()).toBe(0);
    await page.getByTestId('deal-off-air').waitFor();
    expect(page.errors).toEqual([]);
  });
});
