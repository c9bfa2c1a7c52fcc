import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { useStudioInBrowser } from '../helpers/browser';
import type { TestStudio } from '../helpers/test-studio';
import { until } from '../helpers/until';

/** `SHOPCAST_SCREENSHOTS=dir` saves the Shows panel for a person to look at. */
const SHOTS = process.env.SHOPCAST_SCREENSHOTS;

let t: TestStudio;
let context: BrowserContext;
useStudioInBrowser({ contexts: { desktop: { viewport: { width: 1440, height: 900 } } } }, (env) => ({ t, contexts: { desktop: context } } = env));

async function openControlRoom(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(t.studio.controlUrl);
  await page.locator('[data-testid="connection-status"][data-status="live"]').waitFor();
  await page.getByTestId('shows-panel').waitFor();
  return page;
}

describe('the Shows panel', () => {
  it('lists the open show with its orders, makes a new show copied from it and opens it, and the whole desk follows', async () => {
    await t.studio.core.execute({ type: 'sales.record', source: 'manual', orders: [{ orderId: 'o-1', productId: Object.keys(t.studio.core.current.products)[0], units: 2, amount: 39.98, currency: 'GBP', locale: 'en-GB', at: Date.now() - 5000, status: 'paid' }] }, { id: 'owner', client: 'test' });
    const page = await openControlRoom();
    await expect.poll(() => page.getByTestId('show-show-1').innerText()).toContain('orders: 1 · units: 2 · £39.98 · 0.0 min on air');

    await page.getByTestId('shows-new-title').fill('Tuesday in Warsaw');
    await page.getByTestId('shows-create').click();
    await page.getByTestId('show-show-2').waitFor();
    expect(await page.getByTestId('show-show-2').innerText()).toContain('Tuesday in Warsaw');
    expect(await page.getByTestId('show-show-2').innerText()).toContain('orders: 0 · units: 0');

    await page.getByTestId('show-open-show-2').click();
    await until('show-2 open', async () => (await t.api('GET', '/api/v1/shows')).body.current, (current) => current === 'show-2');
    // The desk follows the opened show: its title, its rundown copied from the first show, no sales.
    await expect.poll(() => page.getByTestId('show-show-2').innerText()).toContain('open now');
    const { body: show } = await t.api('GET', '/api/v1/show');
    expect(show.title).toBe('Tuesday in Warsaw');
    expect(show.rundown.length).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('show-open-show-1').isVisible()).toBe(true);
    if (SHOTS) await page.getByTestId('shows-panel').screenshot({ path: join(SHOTS, 'shows-panel.png') });
  });
});
