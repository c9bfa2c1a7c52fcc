import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { useStudioInBrowser } from '../helpers/browser';
import type { TestStudio } from '../helpers/test-studio';
import { startStudio } from '../../src/main/studio';

let browser: Browser;
let t: TestStudio;
let context: BrowserContext;
useStudioInBrowser({ contexts: { desktop: { viewport: { width: 1440, height: 900 } } } }, (env) => ({ browser, t, contexts: { desktop: context } } = env));

async function openControlRoom(ctx = context): Promise<Page> {
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(t.studio.controlUrl);
  await page.locator('[data-testid="connection-status"][data-status="live"]').waitFor();
  await page.locator('[data-testid="rundown-item"]').first().waitFor();
  return page;
}

const rundownProducts = (page: Page) => page.locator('[data-testid="rundown-item"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-product-id')));

/** A pointer drag as a hand does it: press, travel in steps, release. */
async function drag(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 3, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 3 + 12, a.y + a.height / 2, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 20 });
  await page.waitForTimeout(100);
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2 + 2, { steps: 2 });
  await page.mouse.up();
}

describe('the control room', () => {
  it('takes a newcomer from the Control URL to a product on air: search, add by click and by drag, pin with the keyboard', async () => {
    const page = await openControlRoom();
    expect(page.url()).not.toContain('token=');
    const before = await rundownProducts(page);
    expect(before).toHaveLength(12);

    // Find a product by a Polish word typed without its accents: "pędzli" (brushes).
    await page.getByTestId('catalogue-search').fill('pedzli');
    const brushes = page.locator('[data-testid="catalogue-row"][data-product-id="brs-26"]');
    await brushes.waitFor();
    expect(await page.getByTestId('catalogue-row').count()).toBe(1);
    await brushes.getByTestId('add-to-rundown').click();
    await expect.poll(() => rundownProducts(page)).toEqual([...before, 'brs-26']);

    // Drag another product between the first and second items.
    await page.getByTestId('catalogue-search').fill('dumbbells');
    const dumbbells = page.locator('[data-testid="catalogue-row"][data-product-id="dum-44"]');
    await dumbbells.waitFor();
    await drag(page, dumbbells, page.getByTestId('rundown-item').nth(1));
    await expect.poll(() => rundownProducts(page)).toEqual([before[0], 'dum-44', ...before.slice(1), 'brs-26']);

    // Keyboard: N puts the first item on air, 2 pins the second, ↓ moves on.
    await page.locator('body').click({ position: { x: 5, y: 880 } });
    await page.keyboard.press('n');
    await expect.poll(() => page.getByTestId('on-air-title').textContent()).toBe('Lavender trousers');
    await page.keyboard.press('2');
    await expect.poll(() => page.getByTestId('on-air-title').textContent()).toBe('Adjustable dumbbells');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByTestId('on-air-title').textContent()).toBe('Chunky knit jumper');
    expect(await page.locator('[data-testid="rundown-item"][data-on-air="true"]').getAttribute('data-product-id')).toBe('kni-02');

    // Select an item with a click, pin it with Enter; the time on air runs.
    await page.locator('[data-testid="rundown-item"][data-product-id="bag-07"] .row-title').click();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('on-air-title').textContent()).toBe('Vegan leather tote');
    const t0 = await page.getByTestId('on-air-timer').textContent();
    await page.waitForTimeout(1300);
    expect(await page.getByTestId('on-air-timer').textContent()).not.toBe(t0);

    // Escape takes it off air.
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="on-air-card"][data-empty="true"]').waitFor();
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
  });

  it('shows titles and prices in the chosen audience\'s language and currency', async () => {
    const page = await openControlRoom();
    await page.getByTestId('locale-switch').selectOption('pl-PL');
    await page.getByTestId('catalogue-search').fill('lav-01');
    const row = page.locator('[data-testid="catalogue-row"][data-product-id="lav-01"]');
    await expect.poll(() => row.textContent()).toContain('Spodnie lawendowe');
    expect(await row.textContent()).toContain('84,99\u00a0zł');
  });

  it('keeps two operators in sync: a pin, an add, a removal and a reorder in one show up in the other', async () => {
    const a = await openControlRoom();
    const other = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      const b = await openControlRoom(other);
      await a.getByTestId('rundown-item').nth(2).getByTestId('pin').click();
      await expect.poll(() => b.getByTestId('on-air-title').textContent(), { timeout: 1000 }).toBe('High-rise mom jeans');

      await b.getByTestId('catalogue-search').fill('yoga');
      await b.locator('[data-testid="catalogue-row"][data-product-id="yog-43"]').getByTestId('add-to-rundown').click();
      await expect.poll(async () => (await rundownProducts(a)).at(-1), { timeout: 1000 }).toBe('yog-43');

      await b.getByTestId('rundown-item').first().getByTestId('remove').click();
      await expect.poll(async () => (await rundownProducts(a))[0], { timeout: 1000 }).toBe('kni-02');

      const order = await rundownProducts(a);
      await drag(a, a.getByTestId('rundown-item').nth(0), a.getByTestId('rundown-item').nth(2));
      await expect.poll(() => rundownProducts(b), { timeout: 1500 }).toEqual([order[1], order[2], order[0], ...order.slice(3)]);
    } finally {
      await other.close();
    }
  });

  it('shows a product title containing markup as text and runs none of it', async () => {
    await t.api('POST', '/api/v1/products/import', [{ id: 'xss-1', title: { en: '<script>window.__pwned=1</script><b>x</b>' }, price: { GBP: 1 } }]);
    const item = await t.api('POST', '/api/v1/rundown/items', { productId: 'xss-1' });
    await t.api('POST', '/api/v1/rundown/pin', { itemId: item.body.id });
    const page = await openControlRoom();
    await expect.poll(() => page.getByTestId('on-air-title').textContent()).toBe('<script>window.__pwned=1</script><b>x</b>');
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('[data-testid="on-air-title"] b').count()).toBe(0);
    await page.getByTestId('catalogue-search').fill('xss');
    await expect.poll(() => page.locator('[data-testid="catalogue-row"][data-product-id="xss-1"] .row-title').textContent()).toBe('<script>window.__pwned=1</script><b>x</b>');
  });

  it('imports a spreadsheet and lists the broken row by its number while the rest imports', async () => {
    const page = await openControlRoom();
    await page.getByTestId('import-open').click();
    const csv = ['id,title:en,title:pl,price:GBP,stock', 'new-1,Garden chair,Krzesło ogrodowe,49.99,4', 'new-2,Broken,Zepsuty,abc,1', 'new-3,Parasol,Parasol,29.99,9'].join('\n');
    await page.getByTestId('import-file').setInputFiles({ name: 'katalog.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const result = page.getByTestId('import-result');
    await expect.poll(() => result.textContent()).toContain('2 imported');
    expect(await page.getByTestId('rejected-row').count()).toBe(1);
    expect(await page.getByTestId('rejected-row').textContent()).toContain('3');
    expect(await page.getByTestId('rejected-row').textContent()).toContain('price:GBP');
    expect((await t.api('GET', '/api/v1/products/new-3')).body.title.pl).toBe('Parasol');
  });

  it('shows the link going down calmly then as an alarm when the studio stops, and comes back live with the current show after a restart', async () => {
    const page = await openControlRoom();
    const port = t.studio.port;
    await t.studio.close();
    await page.locator('[data-testid="connection-status"]:not([data-status="live"])').waitFor({ timeout: 5000 });
    // A blip is not an alarm: first a calm "Reconnecting…", the alarm only after a few seconds.
    expect(await page.getByTestId('reconnecting').textContent()).toBe('Reconnecting…');
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.locator('[data-testid="connection-status"][data-status="offline"]').waitFor({ timeout: 6000 });
    expect(await page.getByRole('alert').textContent()).toContain('not reachable');

    const again = await startStudio({ dataDir: t.dataDir, port });
    try {
      const { rundown } = (await (await fetch(`${again.baseUrl}/api/v1/show`, { headers: { authorization: `Bearer ${again.token}` } })).json()) as { rundown: { id: string }[] };
      await fetch(`${again.baseUrl}/api/v1/rundown/pin`, {
        method: 'POST',
        headers: { authorization: `Bearer ${again.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ itemId: rundown[4].id })
      });
      await page.locator('[data-testid="connection-status"][data-status="live"]').waitFor({ timeout: 10_000 });
      await expect.poll(() => page.getByTestId('on-air-title').textContent()).toBe('Cloud runner sneakers');
      expect(await page.locator('[data-testid="rundown-item"][data-on-air="true"]').getAttribute('data-sold-out')).toBe('true');
    } finally {
      await again.close();
    }
  });
});
