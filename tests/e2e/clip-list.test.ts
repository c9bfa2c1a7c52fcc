import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { useStudioInBrowser } from '../helpers/browser';
import type { TestStudio } from '../helpers/test-studio';
import { startTestStudio } from '../helpers/test-studio';
import { ShowCore } from '../../src/main/show/show-core';
import type { Actor } from '../../src/shared/events';
import { makeRecording } from '../helpers/recording';
import { until } from '../helpers/until';

const PRODUCER: Actor = { id: 'owner', client: 'control-room', role: 'producer' };
const OBS: Actor = { id: 'obs', client: 'obs' };
// Known before the studio of each test starts: the demo show with a Polish OBS that recorded it.
const dataDir = mkdtempSync(join(tmpdir(), 'shopcast-cliplist-'));

let t: TestStudio;
let context: BrowserContext;
useStudioInBrowser({ studio: { dataDir }, contexts: { desktop: { viewport: { width: 1440, height: 900 } } } }, (env) => ({ t, contexts: { desktop: context } } = env));

beforeAll(async () => {
  const recording = join(dataDir, 'Polski 2026-12-02 10-00-00.mkv');
  // 75 s from start to stop, 5 of them paused in OBS: the file holds 70 s.
  await makeRecording(recording, 70, { size: '640x360' });
  const first = await startTestStudio({ dataDir, demo: true });
  const connectionId = (await first.api('POST', '/api/v1/obs/connections', { name: 'Polski', url: 'ws://127.0.0.1:9', locale: 'pl-PL' })).body.id as string;
  await first.studio.close();
  const t0 = Date.now() - 10 * 60_000;
  let now = t0;
  const { core } = await ShowCore.open(join(dataDir, 'show'), { now: () => now });
  const at = async (s: number, command: Record<string, unknown>, actor = PRODUCER) => {
    now = t0 + s * 1000;
    await core.executeUntrusted(command, actor);
  };
  await at(0, { type: 'recording.started', connectionId, at: t0 }, OBS);
  await at(3, { type: 'rundown.pin', itemId: 'item-1' });
  await at(21, { type: 'rundown.pin', itemId: 'item-2' });
  await at(38, { type: 'rundown.pin', itemId: 'item-3' });
  await at(45, { type: 'recording.paused', connectionId, at: t0 + 45_000 }, OBS);
  await at(50, { type: 'recording.resumed', connectionId, at: t0 + 50_000 }, OBS);
  await at(57, { type: 'rundown.pin', itemId: 'item-4' });
  await at(73, { type: 'rundown.unpin' });
  await at(75, { type: 'recording.stopped', connectionId, at: t0 + 75_000, path: recording }, OBS);
  await core.close();
}, 90_000);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the clip list in the control room', () => {
  it('cuts a clip per product from the Polish OBS\'s recording, says which was shortened by a pause, plays one, and shows the YouTube chapters in the file', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(t.studio.controlUrl);
    const panel = page.getByTestId('clips-panel');
    await panel.getByTestId('clips-recording').filter({ hasText: 'Polski: last recording 1:10 (paused 0:05)' }).waitFor();
    await panel.getByRole('button', { name: 'Cut clips' }).click();
    await until('four clips ready', () => panel.locator('[data-testid="clip-row"][data-status="done"]').count(), (n) => n === 4, 30_000);
    expect(await panel.getByTestId('clip-row').first().textContent()).toMatch(/· Autumn Style Live.*pl-PL/);
    // The third product was on air 19 s, 5 of them while OBS was paused: its clip lasts 14 s.
    const paused = panel.getByTestId('clip-row').filter({ hasText: 'paused, not in the clip' });
    expect(await paused.count()).toBe(1);
    expect(await paused.textContent()).toMatch(/0:14 · 0:05 paused, not in the clip/);
    await panel.getByRole('button', { name: 'YouTube chapters' }).click();
    await expect(panel.getByTestId('clips-chapters').textContent()).resolves.toMatch(/^0:00 .+\n0:21 .+\n0:38 .+\n0:52 .+/);
    await panel.getByRole('button', { name: 'Play' }).first().click();
    const video = panel.getByTestId('clip-preview');
    await until('the clip plays', () => video.evaluate((v: HTMLVideoElement) => v.readyState), (s) => s >= 2, 10_000);
    await panel.scrollIntoViewIfNeeded();
    if (process.env.SHOPCAST_SCREENSHOTS) await panel.screenshot({ path: join(process.env.SHOPCAST_SCREENSHOTS, 'clip-list.png') });
    expect(errors).toEqual([]);
  }, 60_000);
});
