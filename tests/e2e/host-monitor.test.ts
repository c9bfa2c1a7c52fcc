/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useStudioInBrowser } from '../helpers/browser';
import type { TestStudio } from '../helpers/test-studio';
import { pairDevice } from '../api/access-helpers';

let t: TestStudio;
let tv: BrowserContext;
let tablet: BrowserContext;
useStudioInBrowser(
  { contexts: { tv: { viewport: { width: 1920, height: 1080 } }, tablet: { viewport: { width: 820, height: 1180 }, hasTouch: true } } },
  (env) => ({ t, contexts: { tv, tablet } } = env)
);

/** SHOPCAST_SCREENSHOTS=docs keeps host-monitor-1920x1080.png and host-monitor-tablet.png. */
const shots = process.env.SHOPCAST_SCREENSHOTS;
const NOTES_PL = 'Pokaż kieszenie z bliska. Materiał: 100% len, można prać w 40°C.';

async function prepareShow(): Promise<void> {
  await t.api('POST', '/api/v1/products/import', 'id,hostNotes:pl,hostNotes:en\nlav-01,"' + NOTES_PL + '",Show the pockets up close.\n');
  const { body } = await t.api('GET', '/api/v1/show');
  const [first, second] = body.rundown;
  await t.api('PATCH', `/api/v1/rundown/items/${first.id}`, { plannedSeconds: 180 });
  await t.api('PATCH', `/api/v1/rundown/items/${second.id}`, { plannedSeconds: 120 });
  await t.api('PATCH', '/api/v1/show', { hostLocale: 'pl-PL', plan: { autoAdvance: true } });
  expect(first.productId).toBe('lav-01');
  expect((await t.api('POST', '/api/v1/rundown/pin', { itemId: first.id })).status).toBe(200);
}

async function openHost(ctx: BrowserContext, token: string): Promise<Page> {
  const page = await ctx.newPage();
  await page.goto(`${t.studio.baseUrl}/host?token=${token}`);
  await page.locator('body[data-link="live"]').waitFor();
  return page;
}

const fitsWithoutScrolling = (page: Page) =>
  page.evaluate(() => {
    // Off the screen, or clipped inside its own panel.
    const overflowing = Array.from(document.querySelectorAll('#host > section')).filter(
      (s) => !(s as HTMLElement).hidden && (s.getBoundingClientRect().bottom > innerHeight + 1 || s.scrollHeight > s.clientHeight + 1)
    );
    return { scroll: document.documentElement.scrollHeight <= innerHeight, overflowing: overflowing.map((s) => s.className) };
  });

describe('the host monitor', () => {
  it('shows the product, its host notes and a moderator message in Polish, and the host acknowledges it with a tap', async () => {
    await prepareShow();
    const { token } = await pairDevice(t, 'host', 'Monitor przy kamerze');
    const page = await openHost(tv, token);
    await expect.poll(() => page.getByTestId('host-title').textContent()).toBe('Spodnie lawendowe');
    expect(await page.getByTestId('host-notes-text').textContent()).toBe(NOTES_PL);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pl-PL');
    const prices = await page.getByTestId('host-prices').textContent();
    expect(prices).toContain('zł');
    expect(prices).toContain('€');
    expect(prices).toContain('£');
    expect(await page.getByTestId('host-next-title').textContent()).toBeTruthy();
    // 3:00 planned: the clock counts down from it.
    expect(await page.getByTestId('host-clock').textContent()).toMatch(/^(3:00|2:5\d)$/);

    await t.api('POST', '/api/v1/host/messages', { text: 'Powiedz kod POLSKA10' });
    await expect.poll(() => page.getByTestId('host-message').count()).toBe(1);
    expect(await page.getByTestId('host-message').textContent()).toContain('Powiedz kod POLSKA10');
    expect(await fitsWithoutScrolling(page)).toEqual({ scroll: true, overflowing: [] });
    if (shots) await page.screenshot({ path: `${shots}/host-monitor-1920x1080.png` });
    await page.setViewportSize({ width: 1280, height: 720 });
    expect(await fitsWithoutScrolling(page)).toEqual({ scroll: true, overflowing: [] });
    if (shots) await page.screenshot({ path: `${shots}/host-monitor-1280x720.png` });
    await page.setViewportSize({ width: 1920, height: 1080 });

    const upright = await openHost(tablet, token);
    await expect.poll(() => upright.getByTestId('host-message').count()).toBe(1);
    expect(await fitsWithoutScrolling(upright)).toEqual({ scroll: true, overflowing: [] });
    if (shots) await upright.screenshot({ path: `${shots}/host-monitor-tablet.png` });

    await upright.getByTestId('host-ack').tap();
    await expect.poll(async () => (await t.api('GET', '/api/v1/show')).body.hostMessages.length).toBe(0);
    await expect.poll(() => page.getByTestId('host-message').count()).toBe(0);
  });

  it('turns the slot bar amber in the last ten seconds and warns of the coming advance', async () => {
    await prepareShow();
    const { body } = await t.api('GET', '/api/v1/show');
    await t.api('PATCH', `/api/v1/rundown/items/${body.rundown[0].id}`, { plannedSeconds: 10 });
    const page = await openHost(tv, t.studio.token);
    await expect.poll(() => page.evaluate(() => document.body.dataset.slot), { timeout: 5000 }).toBe('warn');
    expect(await page.getByTestId('host-advance').textContent()).toMatch(/^Następny produkt za \d+ s$/);
    await t.api('POST', '/api/v1/rundown/hold');
    await expect.poll(() => page.getByTestId('host-advance').textContent()).toBe('Wstrzymane: zostaje na antenie');
  });

  it('never puts host notes or host messages on an overlay, neither on screen nor in its live feed', async () => {
    await prepareShow();
    await t.api('POST', '/api/v1/host/messages', { text: 'TAJNE: pytanie z czatu' });
    const { body } = await t.api('GET', '/api/v1/overlays');
    const page = await tv.newPage();
    const frames: string[] = [];
    page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))));
    await page.goto(`${t.studio.baseUrl}/overlay/layout?locale=pl-PL&token=${body.token}`);
    await page.locator('body[data-link="live"]').waitFor();
    await expect.poll(() => page.locator('body').textContent()).toContain('Spodnie lawendowe');
    await t.api('POST', '/api/v1/host/messages', { text: 'TAJNE: drugie' });
    await t.api('POST', '/api/v1/products/import', 'id,hostNotes:pl\nlav-01,TAJNA NOTATKA\n');
    await page.waitForTimeout(300);
    const seen = (await page.content()) + frames.join('\n');
    expect(frames.length).toBeGreaterThan(1);
    for (const secret of ['Pokaż kieszenie', 'TAJNE', 'TAJNA NOTATKA', 'hostNotes', 'hostMessages']) expect(seen).not.toContain(secret);
  });
});
