import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useStudioInBrowser } from '../helpers/browser';
import type { TestStudio } from '../helpers/test-studio';

let t: TestStudio;
let context: BrowserContext;
useStudioInBrowser({ contexts: { desktop: { viewport: { width: 1440, height: 900 } } } }, (env) => ({ t, contexts: { desktop: context } } = env));

/** SHOPCAST_SCREENSHOTS=docs keeps control-room-show-clock.png. */
const shots = process.env.SHOPCAST_SCREENSHOTS;

async function openControlRoom(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(t.studio.controlUrl);
  await page.locator('[data-testid="connection-status"][data-status="live"]').waitFor();
  await page.locator('[data-testid="rundown-item"]').first().waitFor();
  return page;
}

const show = async () => (await t.api('GET', '/api/v1/show')).body;

describe('the show clock in the control room', () => {
  it('takes a typed slot length (3m, 1:30), totals the plan and refuses what is not a length', async () => {
    const page = await openControlRoom();
    const lengths = page.getByTestId('slot-length');
    await lengths.nth(0).fill('3m');
    await lengths.nth(0).press('Enter');
    await lengths.nth(1).fill('1:30');
    await lengths.nth(1).press('Enter');
    await expect.poll(async () => (await show()).rundown.slice(0, 2).map((i: { plannedSeconds: number }) => i.plannedSeconds)).toEqual([180, 90]);
    await expect.poll(() => page.getByTestId('planned-total').textContent()).toContain('Planned 4:30');
    await lengths.nth(2).fill('soon');
    await lengths.nth(2).press('Enter');
    expect(await lengths.nth(2).getAttribute('aria-invalid')).toBe('true');
    expect((await show()).rundown[2].plannedSeconds).toBeNull();
  });

  it('warns ten seconds ahead, holds the item with one click, and gives it another minute', async () => {
    const { rundown } = await show();
    await t.api('PATCH', `/api/v1/rundown/items/${rundown[0].id}`, { plannedSeconds: 10 });
    await t.api('PATCH', '/api/v1/show', { plan: { autoAdvance: true } });
    await t.api('POST', '/api/v1/rundown/pin', { itemId: rundown[0].id });
    const page = await openControlRoom();
    await page.getByTestId('advance-warning').waitFor();
    expect(await page.getByTestId('advance-warning').textContent()).toMatch(/^Next product in \d+ s$/);
    expect(await page.getByTestId('auto-advance').isChecked()).toBe(true);
    await page.getByTestId('hold').click();
    await page.getByTestId('held').waitFor();
    expect(await page.getByTestId('advance-warning').count()).toBe(0);
    await page.getByTestId('extend').click();
    await expect.poll(async () => (await show()).rundown[0].plannedSeconds).toBe(70);
    // Held past the slot: the item stays on air.
    await page.waitForTimeout(1500);
    expect((await show()).onAir.itemId).toBe(rundown[0].id);
    if (shots) await page.screenshot({ path: `${shots}/control-room-show-clock.png` });
    // The H key lets it advance again, and holds it once more.
    await page.locator('body').press('h');
    await expect.poll(async () => (await show()).rundown[0].autoAdvance).toBeNull();
    await page.locator('body').press('H');
    await expect.poll(async () => (await show()).rundown[0].autoAdvance).toBe(false);
  });

  it('makes one product the exception to the show’s auto-advance with a click on its row, and follows the show again with another', async () => {
    const { rundown } = await show();
    await t.api('PATCH', `/api/v1/rundown/items/${rundown[1].id}`, { plannedSeconds: 120 });
    const page = await openControlRoom();
    const row = page.getByTestId('rundown-item').nth(1);
    // Only a planned slot can advance by itself: the unplanned rows offer no choice.
    expect(await page.getByTestId('rundown-item').nth(0).getByTestId('item-advance').count()).toBe(0);
    await expect.poll(() => row.getByTestId('item-advance').textContent()).toBe('stays');
    await row.getByTestId('item-advance').click();
    await expect.poll(async () => (await show()).rundown[1].autoAdvance).toBe(true);
    await expect.poll(() => row.getByTestId('item-advance').getAttribute('aria-pressed')).toBe('true');
    expect(await row.getByTestId('item-advance').textContent()).toBe('moves on');
    // The show now advances by itself: the exception is still this product's own choice, then follows again.
    // The box shows the studio's answer, not the click: click, then wait for the answer.
    await page.getByTestId('auto-advance').click();
    await expect.poll(async () => (await show()).plan?.autoAdvance).toBe(true);
    await row.getByTestId('item-advance').click();
    await expect.poll(async () => (await show()).rundown[1].autoAdvance).toBeNull();
    await expect.poll(() => row.getByTestId('item-advance').textContent()).toBe('moves on');
    await row.getByTestId('item-advance').click();
    await expect.poll(async () => (await show()).rundown[1].autoAdvance).toBe(false);
  });

  it('sends a message to the host from the desk and clears it', async () => {
    const page = await openControlRoom();
    await page.getByTestId('host-message-input').fill('Question from chat: does it come in XL?');
    await page.getByTestId('host-message-send').click();
    await expect.poll(async () => (await show()).hostMessages.map((m: { text: string }) => m.text)).toEqual(['Question from chat: does it come in XL?']);
    await page.getByTestId('host-message-waiting').click();
    await expect.poll(async () => (await show()).hostMessages.length).toBe(0);
  });
});
