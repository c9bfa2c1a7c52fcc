import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useStudioInBrowser } from '../helpers/browser';
import type { TestStudio } from '../helpers/test-studio';
import { pairDevice } from '../api/access-helpers';
import type { ShowView } from '../../src/shared/view';

let t: TestStudio;
let deskPl: BrowserContext;
let deskEn: BrowserContext;
let tablet: BrowserContext;
let tv: BrowserContext;
useStudioInBrowser(
  {
    contexts: {
      deskPl: { viewport: { width: 1440, height: 900 }, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' },
      deskEn: { viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'America/New_York' },
      tablet: { viewport: { width: 820, height: 1180 }, hasTouch: true, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' },
      tv: { viewport: { width: 1920, height: 1080 } }
    }
  },
  (env) => ({ t, contexts: { deskPl, deskEn, tablet, tv } } = env)
);

/** SHOPCAST_SCREENSHOTS=DIR keeps show-plan-1440-pl.png, show-plan-1440-en.png and show-plan-tablet-pl.png there. */
const shots = process.env.SHOPCAST_SCREENSHOTS;
const NOTES = { pl: 'Pokaż kieszenie z bliska.', de: 'Zeig die Taschen ganz nah.', en: 'Show the pockets up close.' };

const show = async (): Promise<ShowView> => (await t.api('GET', '/api/v1/show')).body;

async function openControlRoom(context: BrowserContext): Promise<Page> {
  await t.api('POST', '/api/v1/products/import', `id,hostNotes:pl,hostNotes:de,hostNotes:en\nlav-01,${NOTES.pl},${NOTES.de},${NOTES.en}\n`);
  const page = await context.newPage();
  await page.goto(t.studio.controlUrl);
  await page.locator('[data-testid="connection-status"][data-status="live"]').waitFor();
  await page.locator('[data-testid="rundown-item"]').first().waitFor();
  await page.getByTestId('show-plan-toggle').click();
  return page;
}

/** `2026-12-03 19:30` in that time zone, whatever the zone of the machine running the test. */
function wallClock(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
const tomorrowAt = (time: string, timeZone: string) => `${wallClock(Date.now() + 24 * 3600_000, timeZone).slice(0, 10)} ${time}`;

/** The host's monitor, paired as a host device, once the product with notes is on air. */
async function hostNotes(): Promise<{ lang: string; notes: string | null }> {
  const { rundown } = await show();
  expect(rundown[0].productId).toBe('lav-01');
  expect((await t.api('POST', '/api/v1/rundown/pin', { itemId: rundown[0].id })).status).toBe(200);
  const { token } = await pairDevice(t, 'host', 'Monitor');
  const page = await tv.newPage();
  await page.goto(`${t.studio.baseUrl}/host?token=${token}`);
  await page.locator('body[data-link="live"]').waitFor();
  await expect.poll(() => page.getByTestId('host-notes-text').textContent()).not.toBe('');
  return { lang: await page.evaluate(() => document.documentElement.lang), notes: await page.getByTestId('host-notes-text').textContent() };
}

describe('planning the show at the desk', () => {
  it('in Polish: start tomorrow at 19:30, the host in German, 90 minutes spread over the rundown; the host monitor shows the German notes', async () => {
    const page = await openControlRoom(deskPl);
    await page.getByTestId('plan-start-day').selectOption({ label: 'Jutro' });
    await page.getByTestId('plan-start-time').fill('19:30');
    await page.getByTestId('plan-start-set').click();
    await expect.poll(async () => (await show()).plan?.startsAt ?? null).not.toBeNull();
    const startsAt = (await show()).plan!.startsAt!;
    expect(wallClock(startsAt, 'Europe/Warsaw')).toBe(tomorrowAt('19:30', 'Europe/Warsaw'));
    // The clock bar counts down to it, in 24-hour Polish time.
    await expect.poll(() => page.getByTestId('planned-start').textContent()).toMatch(/^Start .*19:30, za \d+:\d\d:\d\d$/);
    expect(await page.getByTestId('show-clock').textContent()).not.toMatch(/AM|PM/);

    await page.getByTestId('plan-host-language').selectOption('de-DE');
    await expect.poll(async () => (await show()).hostLocale).toBe('de-DE');

    await page.getByTestId('plan-spread-total').fill('90m');
    expect(await page.getByTestId('plan-spread-preview').textContent()).toBe('12 produktów dostaje po 7:30');
    await page.getByTestId('plan-spread-go').click();
    await expect.poll(async () => (await show()).rundown.map((i) => i.plannedSeconds)).toEqual(Array(12).fill(450));
    const journal = (await t.api('GET', '/api/v1/journal?limit=1')).body.entries[0];
    expect(journal.command).toBe('rundown.spread');
    expect(journal.events).toHaveLength(12);

    // Nothing on air yet: the planned total and the expected end, against the planned start.
    await expect.poll(() => page.getByTestId('planned-total').textContent()).toMatch(/^Plan: 1:30:00 · Koniec ok\. .*21:00$/);
    expect(await page.getByTestId('over-under').textContent()).toBe('Zgodnie z planem');
    expect(await page.getByTestId('rundown-item').first().getByTestId('slot-length').inputValue()).toBe('7:30');
    expect(await page.getByTestId('show-plan-toggle').textContent()).toContain('prowadzący: niemiecki (Niemcy)');
    if (shots) await page.screenshot({ path: `${shots}/show-plan-1440-pl.png` });

    const onTablet = await tablet.newPage();
    await onTablet.goto(t.studio.controlUrl);
    await onTablet.getByTestId('show-plan-toggle').click();
    expect(await onTablet.getByTestId('plan-start-time').inputValue()).toBe('19:30');
    if (shots) await onTablet.screenshot({ path: `${shots}/show-plan-tablet-pl.png` });

    expect(await hostNotes()).toEqual({ lang: 'de-DE', notes: NOTES.de });
  });

  it('in American English: a 12-hour start, a length kept while the rest of 1:30:00 is spread, the host in Polish', async () => {
    const page = await openControlRoom(deskEn);
    await page.getByTestId('rundown-item').first().getByTestId('slot-length').fill('10m');
    await page.getByTestId('rundown-item').first().getByTestId('slot-length').press('Enter');
    await expect.poll(async () => (await show()).rundown[0].plannedSeconds).toBe(600);

    await page.getByTestId('plan-start-day').selectOption({ label: 'Tomorrow' });
    await page.getByTestId('plan-start-time').fill('25:00');
    await page.getByTestId('plan-start-set').click();
    expect(await page.getByTestId('plan-start-problem').textContent()).toBe('Type a time such as 7:30 PM');
    expect((await show()).plan?.startsAt ?? null).toBeNull();
    await page.getByTestId('plan-start-time').fill('7:30 pm');
    await page.getByTestId('plan-start-set').click();
    await expect.poll(async () => (await show()).plan?.startsAt ?? null).not.toBeNull();
    expect(wallClock((await show()).plan!.startsAt!, 'America/New_York')).toBe(tomorrowAt('19:30', 'America/New_York'));
    await expect.poll(() => page.getByTestId('plan-start-time').inputValue()).toBe('7:30 PM');

    await page.getByTestId('plan-host-language').selectOption({ label: 'Polish (Poland)' });
    await expect.poll(async () => (await show()).hostLocale).toBe('pl-PL');

    // One slot already has a length: by default it keeps it, and the other eleven share the rest.
    expect(await page.getByTestId('plan-spread-keep').isChecked()).toBe(true);
    await page.getByTestId('plan-spread-total').fill('1:30:00');
    expect(await page.getByTestId('plan-spread-preview').textContent()).toBe('11 products get 7:17 each');
    await page.getByTestId('plan-spread-go').click();
    await expect.poll(async () => (await show()).rundown.map((i) => i.plannedSeconds)).toEqual([600, 437, 437, 437, 437, 436, 436, 436, 436, 436, 436, 436]);
    await expect.poll(() => page.getByTestId('planned-total').textContent()).toMatch(/^Planned 1:30:00 · Ends about .*9:00 PM$/);
    // A total too short for the slots left is said before anything is sent.
    await page.getByTestId('plan-spread-keep').uncheck();
    await page.getByTestId('plan-spread-total').fill('1m');
    expect(await page.getByTestId('plan-spread-preview').textContent()).toBe('Too short: under 10 s each for 12 products');
    expect(await page.getByTestId('plan-spread-go').isDisabled()).toBe(true);
    await page.getByTestId('plan-spread-total').fill('');
    if (shots) await page.screenshot({ path: `${shots}/show-plan-1440-en.png` });

    // Cleared, the start leaves the clock bar.
    await page.getByTestId('plan-start-clear').click();
    await expect.poll(async () => (await show()).plan?.startsAt ?? null).toBeNull();
    expect(await page.getByTestId('planned-start').count()).toBe(0);

    expect(await hostNotes()).toEqual({ lang: 'pl-PL', notes: NOTES.pl });
  });
});
