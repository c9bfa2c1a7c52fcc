/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { useStudioInBrowser } from '../helpers/browser';
import { type TestStudio, pinProduct } from '../helpers/test-studio';
import { startStudio } from '../../src/main/studio';
import type { Product } from '../../src/shared/product';

let browser: Browser;
let t: TestStudio;
let context: BrowserContext;
useStudioInBrowser({ contexts: { obs: { viewport: { width: 1920, height: 1080 } } } }, (env) => ({ browser, t, contexts: { obs: context } } = env));

const NBSP = '\u00a0';

/** An overlay page as OBS opens it: the read-only overlay token, one audience's locale. */
async function openOverlay(name: string, locale: string, extra = '', ctx = context): Promise<Page> {
  const { body } = await t.api('GET', '/api/v1/overlays');
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(`${t.studio.baseUrl}/overlay/${name}?locale=${locale}&token=${body.token}${extra}`);
  await page.locator('body[data-link="live"]').waitFor();
  return page;
}

const text = (page: Page, testId: string) => page.getByTestId(testId).textContent();

const pin = (productId: string) => pinProduct(t, productId);

async function setStock(productId: string, stock: number): Promise<void> {
  const product = (await t.api('GET', `/api/v1/products/${productId}`)).body as Product;
  const { status, body } = await t.api('POST', '/api/v1/products/import', [{ ...product, stock }]);
  expect(status, JSON.stringify(body)).toBe(200);
}

/** The audiences of the demo show the issue names, with what each must read on air. */
const AUDIENCES = [
  {
    locale: 'pl-PL',
    title: 'Spodnie lawendowe',
    price: `84,99${NBSP}zł`,
    was: `99,99${NBSP}zł`,
    lowest: `Najniższa cena z 30 dni przed obniżką: 96,99${NBSP}zł`,
    stock: { 1: 'Została 1 sztuka', 2: 'Zostały 2 sztuki', 5: 'Zostało 5 sztuk', 22: 'Zostały 22 sztuki' } as Record<number, string>,
    soldOut: 'Wyprzedane',
    next: 'Za chwilę',
    nextPrice: `150,99${NBSP}zł`,
    laterPrice: `193,99${NBSP}zł`,
    deal: { price: `59,99${NBSP}zł`, label: 'Błyskawiczna okazja', lowest: `Najniższa cena z 30 dni przed obniżką: 84,99${NBSP}zł` }
  },
  {
    locale: 'de-DE',
    title: 'Lavendelhose',
    price: `19,99${NBSP}€`,
    was: `24,99${NBSP}€`,
    lowest: `Niedrigster Preis der letzten 30 Tage: 24,24${NBSP}€`,
    stock: { 1: 'Nur noch 1 Stück', 2: 'Nur noch 2 Stück', 5: 'Nur noch 5 Stück', 22: 'Nur noch 22 Stück' } as Record<number, string>,
    soldOut: 'Ausverkauft',
    next: 'Gleich im Anschluss',
    nextPrice: `34,99${NBSP}€`,
    laterPrice: `44,99${NBSP}€`,
    deal: { price: `14,99${NBSP}€`, label: 'Blitzangebot', lowest: `Niedrigster Preis der letzten 30 Tage: 19,99${NBSP}€` }
  },
  {
    locale: 'fr-FR',
    title: 'Pantalon lavande',
    price: `19,99${NBSP}€`,
    was: `24,99${NBSP}€`,
    lowest: `Prix le plus bas des 30 derniers jours${NBSP}: 24,24${NBSP}€`,
    stock: { 1: 'Plus qu’un article', 2: 'Plus que 2 articles', 5: 'Plus que 5 articles', 22: 'Plus que 22 articles' } as Record<number, string>,
    soldOut: 'Épuisé',
    next: 'À suivre',
    nextPrice: `34,99${NBSP}€`,
    laterPrice: `44,99${NBSP}€`,
    deal: { price: `14,99${NBSP}€`, label: 'Vente flash', lowest: `Prix le plus bas des 30 derniers jours${NBSP}: 19,99${NBSP}€` }
  },
  {
    locale: 'ru-RU',
    title: 'Лавандовые брюки',
    price: `1${NBSP}890${NBSP}₽`,
    was: `2${NBSP}360${NBSP}₽`,
    lowest: `Самая низкая цена за 30 дней: 2${NBSP}280${NBSP}₽`,
    stock: { 1: 'Осталась 1 штука', 2: 'Осталось 2 штуки', 5: 'Осталось 5 штук', 22: 'Осталось 22 штуки' } as Record<number, string>,
    soldOut: 'Распродано',
    next: 'Далее',
    nextPrice: `3${NBSP}310${NBSP}₽`,
    laterPrice: `4${NBSP}260${NBSP}₽`,
    deal: { price: `1${NBSP}490${NBSP}₽`, label: 'Молниеносная скидка', lowest: `Самая низкая цена за 30 дней: 1${NBSP}890${NBSP}₽` }
  }
];

describe('the product overlay', () => {
  it('shows the on-air product to each audience in its language and currency, with the plural form of the stock line for 1, 2, 5 and 22 items', async () => {
    const pages = await Promise.all(AUDIENCES.map((a) => openOverlay('product', a.locale)));
    await pin('lav-01');
    for (const [i, a] of AUDIENCES.entries()) {
      const page = pages[i];
      await expect.poll(() => text(page, 'overlay-title')).toBe(a.title);
      expect(await text(page, 'overlay-price')).toBe(a.price);
      expect(await text(page, 'overlay-was')).toBe(a.was);
      // A discount is on screen, so the EU rule's lowest price of the last 30 days is too.
      expect(await text(page, 'overlay-lowest')).toBe(a.lowest);
      expect(await page.getByTestId('overlay-image').getAttribute('src')).toBe('/media/demo/lav-01.png');
    }
    for (const count of [1, 2, 5, 22, 0]) {
      await setStock('lav-01', count);
      for (const [i, a] of AUDIENCES.entries()) {
        await expect.poll(() => text(pages[i], 'overlay-stock')).toBe(count === 0 ? a.soldOut : a.stock[count]);
      }
    }
    for (const page of pages) expect((page as Page & { errors: string[] }).errors).toEqual([]);
  });

  it('hides the card when the product is unpinned and shows the next one without a reload', async () => {
    const page = await openOverlay('product', 'pl-PL');
    await pin('lav-01');
    await page.locator('[data-testid="product-card"].shown').waitFor();
    await t.api('POST', '/api/v1/rundown/unpin', {});
    await page.locator('[data-testid="product-card"]:not(.shown)').waitFor();
    await t.api('POST', '/api/v1/rundown/next', {});
    await expect.poll(() => text(page, 'overlay-title')).toBe('Sweter z grubym splotem');
    await page.locator('[data-testid="product-card"].shown').waitFor();
  });

  it('shows a product title containing markup as text and runs none of it', async () => {
    const product = (await t.api('GET', '/api/v1/products/lav-01')).body as Product;
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>Hose';
    await t.api('POST', '/api/v1/products/import', [{ ...product, title: { ...product.title, de: evil } }]);
    const page = await openOverlay('product', 'de-DE');
    await pin('lav-01');
    await expect.poll(() => text(page, 'overlay-title')).toBe(evil);
    expect(await page.locator('[data-testid="overlay-title"] img, [data-testid="overlay-title"] script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('recovers when the studio restarts under it and shows what is on air now, not what was', async () => {
    const page = await openOverlay('product', 'pl-PL');
    await pin('lav-01');
    await expect.poll(() => text(page, 'overlay-title')).toBe('Spodnie lawendowe');
    const port = t.studio.port;
    await t.studio.close();
    await page.locator('body:not([data-link="live"])').waitFor({ timeout: 5000 });

    const again = await startStudio({ dataDir: t.dataDir, port });
    try {
      const auth = { authorization: `Bearer ${again.token}`, 'content-type': 'application/json' };
      const show = (await (await fetch(`${again.baseUrl}/api/v1/show`, { headers: auth })).json()) as { rundown: { id: string; productId: string }[] };
      const denim = show.rundown.find((i) => i.productId === 'den-04')!;
      await fetch(`${again.baseUrl}/api/v1/rundown/pin`, { method: 'POST', headers: auth, body: JSON.stringify({ itemId: denim.id }) });
      await page.locator('body[data-link="live"]').waitFor({ timeout: 10_000 });
      await expect.poll(() => text(page, 'overlay-title')).toBe('Jeansy mom z wysokim stanem');
    } finally {
      await again.close();
    }
  });
});

describe('coming up, the ticker and the flash deal', () => {
  it('shows what comes next and a crawl of the rest of the rundown in each audience\'s language and currency', async () => {
    await pin('lav-01');
    for (const a of AUDIENCES) {
      const next = await openOverlay('next', a.locale);
      await expect.poll(() => text(next, 'next-title')).not.toBe('');
      expect(await next.locator('.label').textContent()).toBe(a.next);
      expect(await text(next, 'next-price')).toBe(a.nextPrice);
      const ticker = await openOverlay('ticker', a.locale);
      // The crawl names the rest of the rundown: what the coming-up card names is not repeated.
      await expect.poll(() => text(ticker, 'ticker-crawl')).toContain(a.laterPrice);
      expect(await text(ticker, 'ticker-crawl')).not.toContain(a.nextPrice);
      // The crawl moves on the compositor: a transform animation, nothing that re-lays out the page.
      expect(await ticker.getByTestId('ticker-crawl').evaluate((e) => getComputedStyle(e).animationName)).toBe('crawl');
    }
  });

  it('counts a flash deal down in step on every overlay by the studio clock and ends it by itself', async () => {
    await pin('lav-01');
    const pages = await Promise.all(AUDIENCES.map((a) => openOverlay('layout', a.locale)));
    const { status } = await t.api('POST', '/api/v1/deal', { productId: 'lav-01', price: { PLN: 59.99, EUR: 14.99, RUB: 1490, GBP: 12.99 }, durationSeconds: 10 });
    expect(status).toBe(200);
    for (const [i, a] of AUDIENCES.entries()) {
      const page = pages[i];
      await page.locator('[data-testid="countdown-card"].shown').waitFor();
      expect(await page.locator('[data-testid="countdown-card"] .label').textContent()).toBe(a.deal.label);
      // The product card shows the deal price with the regular one struck through; the countdown
      // only counts down, so each fact is on screen once.
      expect(await text(page, 'overlay-price')).toBe(a.deal.price);
      expect(await text(page, 'overlay-was')).toBe(a.price);
      // The EU reference: it has been selling at the regular price, so that is the 30-day lowest now.
      expect(await text(page, 'overlay-lowest')).toBe(a.deal.lowest);
      expect(await page.getByTestId('countdown-card').textContent()).not.toContain(a.deal.price);
    }
    // Every overlay shows the same second: read them all at once, a few times across ticks.
    for (let sample = 0; sample < 3; sample++) {
      await pages[0].waitForTimeout(700);
      await expect.poll(async () => new Set(await Promise.all(pages.map((p) => text(p, 'countdown-clock')))).size, { timeout: 1500, interval: 50 }).toBe(1);
    }
    expect(await text(pages[0], 'countdown-clock')).toMatch(/^0:0\d$/);

    // Ten seconds after it started the deal is over everywhere, without anyone pressing a button.
    for (const [i, a] of AUDIENCES.entries()) {
      await pages[i].locator('[data-testid="countdown-card"]:not(.shown)').waitFor({ timeout: 12_000 });
      await expect.poll(() => text(pages[i], 'overlay-price')).toBe(a.price);
    }
    expect((await t.api('GET', '/api/v1/show')).body.deal).toBeNull();
    // The journal says the studio's own timer ended it.
    const entries = (await t.api('GET', '/api/v1/journal?limit=5')).body.entries as { actor: { client: string }; events: { type: string }[] }[];
    const ending = entries.find((e) => e.events.some((ev) => ev.type === 'deal.ended'));
    expect(ending?.actor.client).toBe('deal-timer');
  }, 30_000);
});

type Box = { id: string; x: number; y: number; width: number; height: number };

async function visibleBoxes(page: Page): Promise<Box[]> {
  return page.locator('#overlay > .shown').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { id: e.getAttribute('data-testid') ?? e.className, x: r.x, y: r.y, width: r.width, height: r.height };
    })
  );
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the layout page', () => {
  for (const format of [
    { name: 'landscape', width: 1920, height: 1080, query: '' },
    { name: 'vertical', width: 1080, height: 1920, query: '&format=vertical' }
  ]) {
    it(`keeps every widget of the ${format.name} layout inside the safe margins and apart from the others`, async () => {
      const ctx = await browser.newContext({ viewport: { width: format.width, height: format.height } });
      try {
        await pin('lav-01');
        await t.api('POST', '/api/v1/deal', { productId: 'lav-01', price: { PLN: 59.99, EUR: 14.99, RUB: 1490, GBP: 12.99 }, durationSeconds: 300 });
        const page = await openOverlay('layout', 'pl-PL', format.query, ctx);
        await expect.poll(async () => (await visibleBoxes(page)).map((b) => b.id).sort()).toEqual(['countdown-card', 'next-card', 'product-card', 'ticker']);
        await page.waitForTimeout(400); // let the entrance transitions finish before measuring
        const margin = (5 / 100) * Math.min(format.width, format.height);
        const boxes = await visibleBoxes(page);
        for (const box of boxes) {
          expect(box.x, box.id).toBeGreaterThanOrEqual(margin - 1);
          expect(box.y, box.id).toBeGreaterThanOrEqual(margin - 1);
          expect(box.x + box.width, box.id).toBeLessThanOrEqual(format.width - margin + 1);
          expect(box.y + box.height, box.id).toBeLessThanOrEqual(format.height - margin + 1);
        }
        for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlaps(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
        // The page itself is transparent: OBS composites it over the camera.
        expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
        if (process.env.SHOPCAST_SCREENSHOTS) await page.screenshot({ path: `${process.env.SHOPCAST_SCREENSHOTS}/layout-${format.name}.png` });
      } finally {
        await ctx.close();
      }
    });
  }

  it('shrinks a long German compound title to fit the narrow vertical card instead of breaking the word', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    try {
      await pin('kni-02');
      const page = await openOverlay('layout', 'de-DE', '&format=vertical', ctx);
      await expect.poll(() => text(page, 'overlay-title')).toBe('Grobstrickpullover');
      // The title is fitted in the frame that first paints it: what a viewer sees is one line.
      const fit = () =>
        page.getByTestId('overlay-title').evaluate(async (e) => {
          await new Promise(requestAnimationFrame);
          const style = getComputedStyle(e);
          return { lines: Math.round(e.getBoundingClientRect().height / parseFloat(style.lineHeight)), overflows: e.scrollWidth > e.clientWidth + 1 };
        });
      expect(await fit()).toEqual({ lines: 1, overflows: false });
    } finally {
      await ctx.close();
    }
  });

  it('takes the show\'s brand colours as soon as the producer changes them', async () => {
    const page = await openOverlay('layout', 'de-DE');
    await pin('lav-01');
    await page.locator('[data-testid="product-card"].shown').waitFor();
    const { status } = await t.api('PATCH', '/api/v1/show', { theme: { accent: '#00c2a8' } });
    expect(status).toBe(200);
    await expect.poll(() => page.getByTestId('overlay-price').evaluate((e) => getComputedStyle(e).color)).toBe('rgb(0, 194, 168)');
  });
});
