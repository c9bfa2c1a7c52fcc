import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { writeRecordedShow } from '../helpers/report-show';
import { startTestStudio, type TestStudio } from '../helpers/test-studio';
import { tempDir } from '../helpers/temp-dir';

let browser: Browser;
let t: TestStudio;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const made = await tempDir('shopcast-report-print-');
  cleanup = made.cleanup;
  await writeRecordedShow(made.dir, Date.UTC(2026, 10, 28, 17, 0));
  t = await startTestStudio({ dataDir: made.dir });
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await t?.studio.close();
  await cleanup?.();
});

/** A4 less the report's 12 mm side margins, in CSS pixels: the width the printed page lays out in. */
const A4_CONTENT_WIDTH = Math.round(((210 - 24) / 25.4) * 96);

/**
 * Every word of the page's visible text that the layout split over two lines (a word broken
 * mid-word), as "word (element)"; also words cut by the page's right edge.
 */
function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const width = document.documentElement.clientWidth;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index!);
        range.setEnd(node, match.index! + match[0].length);
        const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
        const lines = new Set(rects.map((r) => Math.round(r.top)));
        const right = Math.max(...rects.map((r) => r.right));
        if (lines.size > 1 || right > width + 1) found.push(`${match[0]} (${node.parentElement?.tagName.toLowerCase()}.${node.parentElement?.className})`);
      }
    }
    return found;
  });
}

describe('the printed report', () => {
  it('opens from a Polish desk in Polish, with the markets that sold nothing folded into one line', async () => {
    const context = await browser.newContext({ locale: 'pl-PL', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(t.studio.controlUrl);
    await page.locator('[data-testid="connection-status"][data-status="live"]').waitFor();
    const [report] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('report-print').click()]);
    await report.waitForLoadState();
    expect(await report.locator('html').getAttribute('lang')).toBe('pl-PL');
    expect(await report.locator('h2').allTextContents()).toEqual(['Sztuki na minutę', 'Sztuki według produktu', 'Według produktu i rynku', 'Plan a rzeczywistość, według pozycji planu programu', 'Według rynku', 'Rozdziały YouTube']);
    expect(await report.locator('tr[data-locale="it-IT"]').count()).toBe(0);
    expect(await report.locator('[data-no-sales]').textContent()).toBe('Brak sprzedaży na tym rynku: Włochy (it-IT)');
    expect(await report.locator('pre.chapters').first().textContent()).toMatch(/^0:00 Wełniany płaszcz oversize w kolorze karmelowym\n5:40 Wodoodporna kurtka/);
    await context.close();
  });

  it('opens the season report from the Shows panel of a Polish desk in Polish', async () => {
    const context = await browser.newContext({ locale: 'pl-PL', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(t.studio.controlUrl);
    await page.getByTestId('shows-panel').waitFor();
    const button = page.getByTestId('shows-panel').getByRole('button', { name: 'Raport sezonu (druk)' });
    await button.scrollIntoViewIfNeeded();
    // `SHOPCAST_SCREENSHOTS=dir` keeps a picture of the panel with its report buttons, to be looked at.
    if (process.env.SHOPCAST_SCREENSHOTS) await page.screenshot({ path: `${process.env.SHOPCAST_SCREENSHOTS}/desk-shows-pl-1440x900.png` });
    const [season] = await Promise.all([page.waitForEvent('popup'), button.click()]);
    await season.waitForLoadState();
    expect(await season.locator('h1').textContent()).toBe('Raport sezonu');
    expect(await season.locator('header p').textContent()).toMatch(/^1 program · /);
    await context.close();
  });

  for (const lang of ['pl', 'en', 'de']) {
    it(`laid out on A4 in ${lang}, breaks no word over two lines and prints to PDF`, async () => {
      const res = await t.api('GET', `/api/v1/sales/report.html?lang=${lang}&catalogue=${lang === 'en' ? 'pl' : lang}`);
      const page = await browser.newPage({ viewport: { width: A4_CONTENT_WIDTH, height: 1100 } });
      await page.emulateMedia({ media: 'print' });
      await page.setContent(res.body as string);
      expect(await page.locator('tbody[data-product-id]').count()).toBe(8);
      expect(await brokenWords(page)).toEqual([]);
      // Chromium's own PDF output, as the browser's "Save as PDF" makes it.
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages.length).toBeGreaterThanOrEqual(3);
      expect(pages.length).toBeLessThanOrEqual(6);
      await page.close();
    });
  }

  it('the season report laid out on A4 in Polish breaks no word over two lines', async () => {
    const res = await t.api('GET', '/api/v1/reports/shows.html?lang=pl&catalogue=de');
    const page = await browser.newPage({ viewport: { width: A4_CONTENT_WIDTH, height: 1100 } });
    await page.emulateMedia({ media: 'print' });
    await page.setContent(res.body as string);
    expect(await page.locator('h1').textContent()).toBe('Raport sezonu');
    expect(await brokenWords(page)).toEqual([]);
    await page.close();
  });
});
