import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { useStudioInBrowser } from '../helpers/browser';
import { startDisplay, startObs, type ObsInstance, type VirtualDisplay } from '../helpers/obs-process';
import type { TestStudio } from '../helpers/test-studio';
import { until } from '../helpers/until';
import type { ObsConnectionView } from '../../src/shared/obs';

/** `SHOPCAST_SCREENSHOTS=dir` saves the OBS card for a person to look at. */
const SHOTS = process.env.SHOPCAST_SCREENSHOTS;

let display: VirtualDisplay;
let obs: ObsInstance;
let t: TestStudio;
let context: BrowserContext;
useStudioInBrowser({ contexts: { desktop: { viewport: { width: 1440, height: 900 } } } }, (env) => ({ t, contexts: { desktop: context } } = env));

beforeAll(async () => {
  display = await startDisplay();
  obs = await startObs(display);
}, 60_000);

afterAll(async () => {
  await obs?.stop();
  await display?.stop();
});

async function connectObs(): Promise<{ page: Page; connection: ObsConnectionView }> {
  const connection = (await t.api('POST', '/api/v1/obs/connections', { name: 'Polish channel', url: obs.url, password: obs.password, locale: 'pl-PL' })).body as ObsConnectionView;
  await until('identified', async () => (await t.api('GET', `/api/v1/obs/connections/${connection.id}`)).body as ObsConnectionView, (c) => c.status === 'identified');
  const page = await context.newPage();
  await page.goto(t.studio.controlUrl);
  await page.locator('[data-testid="obs-connection"][data-status="identified"]').waitFor();
  return { page, connection };
}

describe('the OBS card in the control room', () => {
  it('shows OBS\'s reason within two seconds when Go live cannot start, and the button stays Go live', async () => {
    const { page } = await connectObs();
    const button = page.getByTestId('obs-stream');
    expect(await button.textContent()).toBe('Go live');
    const clicked = performance.now();
    await button.click();
    const reason = page.getByTestId('obs-stream-error');
    await reason.waitFor({ timeout: 2000 });
    const ms = performance.now() - clicked;
    console.log(`[figure] Go live click → OBS's reason on the card: ${Math.round(ms)} ms`);
    expect(await reason.textContent()).toMatch(/no stream address/);
    await expect.poll(() => button.getAttribute('data-state')).toBe('off');
    expect(await button.textContent()).toBe('Go live');
    if (SHOTS) {
      await mkdir(SHOTS, { recursive: true });
      await page.locator('[data-testid="obs-connection"]').screenshot({ path: `${SHOTS}/obs-card-go-live-refused.png` });
    }
  });

  it('says on the card what it put back after OBS was killed and came back', async () => {
    const { page, connection } = await connectObs();
    expect((await t.api('POST', `/api/v1/obs/connections/${connection.id}/setup`)).status).toBe(200);
    const { rundown } = (await t.api('GET', '/api/v1/show')).body;
    await t.api('POST', '/api/v1/rundown/pin', { itemId: rundown[0].id });
    await until('shown', async () => (await t.api('GET', `/api/v1/obs/connections/${connection.id}`)).body as ObsConnectionView, (c) => c.showing?.productId === rundown[0].productId);
    await obs.kill();
    await page.locator('[data-testid="obs-connection"]:not([data-status="identified"])').waitFor();
    await obs.restart();
    const note = page.getByTestId('obs-resync');
    await note.waitFor({ timeout: 5000 });
    expect(await note.textContent()).toMatch(/put back \d+ things? OBS had lost/);
    expect(await note.getAttribute('title')).toContain('Shopcast · ');
    if (SHOTS) await page.locator('[data-testid="obs-connection"]').screenshot({ path: `${SHOTS}/obs-card-after-restart.png` });
  }, 60_000);
});
