import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { useStudioInBrowser } from '../helpers/browser';
import type { TestStudio } from '../helpers/test-studio';
import { englishLeft } from '../helpers/desk-words';
import { startDisplay, startObs } from '../helpers/obs-process';
import { until } from '../helpers/until';

const LAN_ADDRESS = '127.0.0.2';
const TABLET = { viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

let browser: Browser;
let t: TestStudio;
useStudioInBrowser({ studio: { lanAddresses: [LAN_ADDRESS] }, contexts: {} }, (env) => ({ browser, t } = env));

type Watched = Page & { errors: string[] };

async function open(options: BrowserContextOptions, url = t.studio.controlUrl): Promise<{ page: Watched; context: BrowserContext }> {
  const context = await browser.newContext(options);
  const page = (await context.newPage()) as Watched;
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('dialog', (d) => void d.accept());
  await page.goto(url);
  if (url === t.studio.controlUrl) {
    await page.locator('[data-testid="connection-status"][data-status="live"]').waitFor();
    await page.getByTestId('rundown-item').first().waitFor();
  }
  return { page, context };
}

/** `SHOPCAST_SCREENSHOTS=docs npx vitest run tests/e2e/desk-language.test.ts` refreshes the README's pictures. */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.SHOPCAST_SCREENSHOTS;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(dir, name) });
}

/** A show in progress: two items along, one OBS the studio cannot reach, a few orders. */
async function showInProgress(): Promise<void> {
  await t.api('POST', '/api/v1/rundown/next');
  await t.api('POST', '/api/v1/rundown/next');
  await t.api('POST', '/api/v1/obs/connections', { name: 'Kanał PL', url: 'ws://127.0.0.1:1', locale: 'pl-PL' });
}

/** Every screen of the desk in turn, checked with `check` on each. */
async function everyDeskScreen(page: Watched, check: (what: string) => Promise<void>): Promise<void> {
  await check('control room');
  await page.getByTestId('obs-add-open').click();
  await check('add OBS');
  await page.getByTestId('obs-add-open').click();
  await page.locator('body').press('?');
  await page.getByRole('dialog').waitFor();
  await check('keyboard help');
  await page.getByRole('dialog').locator('button').click();
  await page.getByTestId('import-open').click();
  const csv = ['id,title:en,price:GBP,stock', 'new-1,Chair,49.99,4', 'new-2,Broken,abc,-1'].join('\n');
  await page.getByTestId('import-file').setInputFiles({ name: 'k.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByTestId('rejected-row').waitFor();
  await check('import result');
  await page.getByRole('dialog').getByRole('button').last().click();
  await page.getByTestId('settings-open').click();
  await page.getByTestId('show-settings').waitFor();
  await check('show settings');
  await page.getByTestId('settings-close').click();
}

async function everyTabletTab(page: Watched, check: (what: string) => Promise<void>): Promise<void> {
  for (const tab of ['rundown', 'catalogue', 'sales', 'activity', 'studio']) {
    await page.getByTestId(`tab-${tab}`).tap();
    await page.waitForTimeout(250);
    await check(`tablet ${tab}`);
  }
}

describe('the desk in the operator’s language', () => {
  for (const [lang, locale] of [
    ['pl', 'pl-PL'],
    ['de', 'de-DE']
  ] as const) {
    it(`speaks ${lang} on a ${locale} browser: no English word of the desk's dictionary left on any screen, desk, tablet or pairing`, async () => {
      await showInProgress();
      const misses: string[] = [];
      const check = (page: Page) => async (what: string) => void misses.push(...(await englishLeft(page, lang)).map((m) => `${what}: ${m}`));

      const { page: desk } = await open({ viewport: { width: 1440, height: 900 }, locale });
      expect(await desk.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await desk.title()).not.toContain('Control room');
      await everyDeskScreen(desk, check(desk));
      await shot(desk, `desk-1440-${lang}.png`);

      const { page: tablet } = await open({ ...TABLET, locale });
      await everyTabletTab(tablet, check(tablet));

      await t.api('PUT', '/api/v1/lan', { enabled: true });
      const { page: pair } = await open({ ...TABLET, locale }, `http://${LAN_ADDRESS}:${t.studio.port}/pair`);
      await pair.getByTestId('pair-screen').waitFor();
      await check(pair)('pairing screen');

      expect(misses).toEqual([]);
      expect([...desk.errors, ...tablet.errors, ...pair.errors]).toEqual([]);
    });
  }

  it('catches English on a Polish desk: the same check run on the English desk finds many words', async () => {
    const { page } = await open({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const found = await englishLeft(page, 'pl');
    expect(found.length).toBeGreaterThan(20);
    expect(found.join('\n')).toContain('rundown');
  });

  it('words what the studio reports in Polish: every problem of each broken CSV row, and why an unreachable OBS is not connected', async () => {
    await t.api('POST', '/api/v1/obs/connections', { name: 'Kanał PL', url: 'ws://127.0.0.1:1', locale: 'pl-PL' });
    const { page } = await open({ viewport: { width: 1440, height: 900 }, locale: 'pl-PL' });
    // The OBS card says why, in Polish, from the studio's code (not the studio's English words).
    const why = page.getByTestId('obs-why');
    await expect.poll(() => why.textContent(), { timeout: 15_000 }).toContain('OBS jest nieosiągalny: czy działa z włączonym serwerem WebSocket?');
    expect(await why.locator('[data-verbatim]').count()).toBe(0);
    expect(await englishLeft(page, 'pl')).toEqual([]);
    await shot(page, 'reasons-obs-1440-pl.png');

    await page.getByTestId('import-open').click();
    const csv = ['id,title:pl,price:PLN,stock', 'ok-1,Krzesło,199,4', ',Bez id,abc,-1', 'zła nazwa,Spacja,10,1', 'ok-2,Stół,20,1,nadmiar'].join('\n');
    await page.getByTestId('import-file').setInputFiles({ name: 'katalog.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('rejected-row').first().waitFor();
    const rows = await page.getByTestId('rejected-row').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('[data-testid="row-problem"]'), (li) => li.textContent)));
    expect(rows).toEqual([
      ['id jest puste', 'price:PLN: „abc” nie jest ceną', 'stock: „-1” nie jest liczbą całkowitą sztuk'],
      ['id: używaj liter, cyfr oraz „.”, „_”, „:” i „-”'],
      ['Komórek w wierszu: 5, kolumn w nagłówku: 4']
    ]);
    // Only what the file itself says (its column names and cells) is quoted as it came; every word around it is Polish.
    expect(await page.getByTestId('import-result').locator('[data-verbatim]').allTextContents()).toEqual(['price:PLN', 'abc', 'stock', '-1']);
    expect(await englishLeft(page, 'pl')).toEqual([]);
    await shot(page, 'reasons-import-1440-pl.png');
    // A file refused whole (no id column, a column the studio does not know) is said in Polish too.
    await page.getByTestId('import-file').setInputFiles({ name: 'zly.csv', mimeType: 'text/csv', buffer: Buffer.from('id,nazwa\nx,1') });
    const refusal = page.getByTestId('import-error');
    await expect.poll(() => refusal.textContent()).toContain('Nieznana kolumna "nazwa". Kolumny to: id, stock');
    expect(await refusal.locator('[data-verbatim]').allTextContents()).toEqual(['"nazwa"']);
    await page.getByTestId('import-file').setInputFiles({ name: 'bez-id.csv', mimeType: 'text/csv', buffer: Buffer.from('title:pl\nKrzesło') });
    await expect.poll(() => refusal.textContent()).toBe('W nagłówku brakuje kolumny id.');
    expect(await englishLeft(page, 'pl')).toEqual([]);
    expect(page.errors).toEqual([]);
  });

  it('keeps the language the operator picks on this device, over the browser’s, across a reload', async () => {
    const { page } = await open({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    expect(await page.getByTestId('connection-status').textContent()).toContain('Connected to the studio');
    await page.getByTestId('desk-language').selectOption('de');
    await expect.poll(() => page.getByTestId('connection-status').textContent()).toContain('Mit dem Studio verbunden');
    expect(await page.locator('.rundown h2').textContent()).toBe('Ablauf');
    await page.getByTestId('locale-switch').selectOption('fr-FR');
    await page.reload();
    await page.locator('[data-testid="connection-status"][data-status="live"]').waitFor();
    expect(await page.getByTestId('connection-status').textContent()).toContain('Mit dem Studio verbunden');
    expect(await page.getByTestId('desk-language').inputValue()).toBe('de');
    // The catalogue's audience is remembered apart from the desk's language.
    await expect.poll(() => page.getByTestId('locale-switch').inputValue()).toBe('fr-FR');
  });

  it('writes times and counts the operator’s way: 24-hour times in Polish, "12 pozycji", titles in the Polish audience', async () => {
    await t.api('POST', '/api/v1/rundown/next');
    const { page } = await open({ viewport: { width: 1440, height: 900 }, locale: 'pl-PL' });
    // Until the operator picks another, the catalogue reads in the audience of the desk's language.
    expect(await page.getByTestId('locale-switch').inputValue()).toBe('pl-PL');
    await expect.poll(() => page.getByTestId('on-air-title').textContent()).toBe('Spodnie lawendowe');
    expect(await page.locator('.rundown .panel-head .muted').textContent()).toBe('12 pozycji');
    const line = await page.getByTestId('activity-line').first().textContent();
    expect(line).toMatch(/^\d{2}:\d{2}:\d{2} · /);
    expect(line).not.toMatch(/AM|PM/);
  });

  it('photographs the desk and the tablet in English and Polish at 1440×900, 1920×1080 and 820×1180, a real OBS recording on its card', async () => {
    const display = await startDisplay();
    const obs = await startObs(display);
    try {
      const added = await t.api('POST', '/api/v1/obs/connections', { name: 'Kanał PL', url: obs.url, password: obs.password, locale: 'pl-PL' });
      const base = `/api/v1/obs/connections/${added.body.id}`;
      await until('OBS connected', async () => (await t.api('GET', base)).body.status, (s) => s === 'identified', 20_000);
      await t.api('POST', `${base}/setup`);
      await t.api('POST', `${base}/record`, { action: 'start' });
      await t.api('POST', '/api/v1/rundown/next');
      await t.api('POST', '/api/v1/rundown/next');
      for (const [lang, locale] of [
        ['en', 'en-GB'],
        ['pl', 'pl-PL']
      ]) {
        for (const viewport of [
          { width: 1440, height: 900 },
          { width: 1920, height: 1080 }
        ]) {
          const { page, context } = await open({ viewport, locale });
          // The card says what this OBS really does: recording, with its time, and not streaming.
          const state = page.getByTestId('obs-state');
          await expect.poll(() => state.getAttribute('data-recording'), { timeout: 10_000 }).toBe('true');
          expect(await state.getAttribute('data-streaming')).toBe('false');
          expect(await page.getByTestId('broadcast-status').getAttribute('data-state')).toBe('recording');
          await shot(page, `desk-${viewport.width}-${lang}.png`);
          if (lang === 'en' && viewport.width === 1440) await shot(page, 'control-room.png');
          expect(await page.evaluate(() => document.scrollingElement!.scrollHeight <= window.innerHeight)).toBe(true);
          await context.close();
        }
        const { page, context } = await open({ ...TABLET, locale });
        await page.getByTestId('on-air-title').waitFor();
        await shot(page, `tablet-820-${lang}.png`);
        await context.close();
      }
    } finally {
      await obs.stop();
      await display.stop();
    }
  }, 120_000);
});
