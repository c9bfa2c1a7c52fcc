import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useStudioInBrowser } from '../helpers/browser';
import type { TestStudio } from '../helpers/test-studio';

let t: TestStudio;
let desktop: BrowserContext;
useStudioInBrowser({ contexts: { desktop: { viewport: { width: 1440, height: 900 }, locale: 'en-GB' } } }, (env) => ({ t, contexts: { desktop } } = env));

async function openControlRoom(): Promise<Page> {
  const page = await desktop.newPage();
  await page.goto(t.studio.controlUrl);
  await page.locator('[data-testid="connection-status"][data-status="live"]').waitFor();
  await page.locator('[data-testid="rundown-item"]').first().waitFor();
  return page;
}

const graphics = async () => (await t.api('GET', '/api/v1/show')).body.graphics as { id: string; kind: string; text: Record<string, string>; code: Record<string, string>; visible: boolean; hidesAt: number | null }[];

describe('the graphics list in the control room', () => {
  it('prepares a coupon with a code per market, shows it for a set time, and lists markets without a code before going live', async () => {
    const page = await openControlRoom();
    const panel = page.getByTestId('graphics-panel');
    await panel.locator('summary').click();
    await page.getByTestId('graphic-kind').selectOption('coupon');
    await page.getByTestId('graphic-text-pl').fill('Rabat na dziś');
    await page.getByTestId('graphic-text-de').fill('Rabatt heute');
    await page.getByTestId('graphic-code-pl-PL').fill('POLSKA10');
    await page.getByTestId('graphic-code-de-DE').fill('HERBST 10');
    await page.getByTestId('graphic-add').click();
    await expect.poll(async () => (await graphics()).map((g) => [g.kind, g.text.pl, g.code])).toEqual([['coupon', 'Rabat na dziś', { 'pl-PL': 'POLSKA10', 'de-DE': 'HERBST10' }]]);
    // Each market's code on the row, and the markets without one flagged.
    const codes = page.getByTestId('graphic-codes');
    await expect.poll(() => codes.textContent()).toContain('pl-PL POLSKA10');
    expect(await codes.textContent()).toContain('fr-FR —');
    await expect.poll(() => page.getByTestId('readiness').textContent()).toContain('no code for');

    await page.getByTestId('graphics-seconds').fill('30');
    await page.getByTestId('graphic-row').getByRole('button', { name: 'Show' }).click();
    await expect.poll(async () => (await graphics())[0].visible).toBe(true);
    const [shown] = await graphics();
    expect(shown.hidesAt).not.toBeNull();
    await expect.poll(() => page.getByTestId('graphic-row').textContent()).toMatch(/hides in 0:(29|30)/);
    await page.getByTestId('graphic-row').getByRole('button', { name: 'Hide' }).click();
    await expect.poll(async () => (await graphics())[0].visible).toBe(false);
  });
});
