import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestStudio, type TestStudio } from '../helpers/test-studio';
import { startStudio } from '../../src/main/studio';
import type { IncomingOrder } from '../../src/shared/sales';

let t: TestStudio;

beforeEach(async () => {
  t = await startTestStudio();
});
afterEach(() => t.stop());

const SCRIPT_TITLE = '<script>alert(1)</script><b>Bold</b> & "quoted"';

/** A Polish and a German audience, three products (one titled with markup), the first on air. */
async function showWithProducts(): Promise<void> {
  await t.api('PATCH', '/api/v1/show', { title: 'Spring <Sale> 2026', locales: [{ locale: 'pl-PL', currency: 'PLN' }, { locale: 'de-DE', currency: 'EUR' }] });
  await t.api('POST', '/api/v1/products/import', [
    { id: 'lav-01', title: { pl: 'Spodnie lawendowe', de: 'Lavendelhose' }, price: { PLN: 84.99, EUR: 19.99 }, stock: 50 },
    { id: 'mug-09', title: { pl: 'Kubek', de: 'Becher' }, price: { PLN: 32, EUR: 7.49 }, stock: 50 },
    { id: 'xss-1', title: { pl: SCRIPT_TITLE }, price: { PLN: 10, EUR: 2.5 }, stock: 50 }
  ]);
  for (const productId of ['lav-01', 'mug-09', 'xss-1']) await t.api('POST', '/api/v1/rundown/items', { productId });
  const { body: show } = await t.api('GET', '/api/v1/show');
  await t.api('POST', '/api/v1/rundown/pin', { itemId: show.rundown[0].id });
}

const order = (orderId: string, productId: string, units: number, amount: number, currency: string, locale: string, status: IncomingOrder['status'] = 'paid'): IncomingOrder => ({
  orderId,
  productId,
  units,
  amount,
  currency,
  locale,
  at: Date.now() - 30_000,
  status
});

const record = (orders: IncomingOrder[]) => t.studio.core.execute({ type: 'sales.record', source: 'manual', orders }, { id: 'owner', client: 'test' });

async function reportHtml(query = ''): Promise<{ res: Response; html: string }> {
  const res = await fetch(`${t.studio.baseUrl}/api/v1/sales/report.html${query}`, { headers: { authorization: `Bearer ${t.studio.token}` } });
  return { res, html: await res.text() };
}

/** The text of the element carrying `attr`, tags stripped and entities kept as they are. */
const cellText = (html: string, attr: string) => html.match(new RegExp(`<dd ${attr}>([^<]*)</dd>`))?.[1];

describe('the printable sales report', () => {
  it('states the exact totals of the recorded orders, refunds taken out, per product and per market', async () => {
    await showWithProducts();
    const orders = [
      order('a1', 'lav-01', 2, 169.98, 'PLN', 'pl-PL'),
      order('a2', 'lav-01', 1, 19.99, 'EUR', 'de-DE'),
      order('a3', 'mug-09', 3, 96, 'PLN', 'pl-PL'),
      order('a4', 'mug-09', 1, 7.49, 'EUR', 'de-DE'),
      order('a5', 'lav-01', 5, 99.95, 'EUR', 'de-DE')
    ];
    await record(orders);
    await record([{ ...orders[4], status: 'refunded' }, orders[0]]); // a refund and a repeat

    // The desk asks in its own language: Polish words, Polish numbers.
    const { res, html } = await reportHtml('?lang=pl-PL');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const pl = new Intl.NumberFormat('pl-PL', { style: 'currency', currency: 'PLN' });
    const eur = new Intl.NumberFormat('pl-PL', { style: 'currency', currency: 'EUR' });
    expect(cellText(html, 'data-total="orders"')).toBe('4');
    expect(cellText(html, 'data-total="units"')).toBe('7');
    expect(cellText(html, 'data-total="refunds"')).toBe('1');
    expect(cellText(html, 'data-currency="PLN"')).toBe(pl.format(265.98));
    expect(cellText(html, 'data-currency="EUR"')).toBe(eur.format(27.48));

    // lav-01: 2 units in Poland, 1 in Germany (the refunded 5 are gone), all of them while on air.
    const lav = html.match(/<tbody data-product-id="lav-01">(.*?)<\/tbody>/s)![1];
    expect(lav).toContain('Spodnie lawendowe');
    const total = lav.match(/<tr class="total">(.*?)<\/tr>/s)![1].replace(/<[^>]+>/g, '|');
    expect(total).toContain(`|Wszystkie rynki||2||3||${eur.format(19.99)}||${pl.format(169.98)}|`);
    expect(total).toMatch(/\|3\|$/); // units while on air
    expect(html.match(/<tr data-locale="de-DE">(.*?)<\/tr>/s)![1].replace(/<[^>]+>/g, '|')).toBe(`||Niemcy||de-DE|||2||2||${eur.format(27.48)}||—|`);

    // The same rows as the spreadsheet: both forms of the report share them.
    const csv = await (await fetch(`${t.studio.baseUrl}/api/v1/sales/report.csv`, { headers: { authorization: `Bearer ${t.studio.token}` } })).text();
    expect(csv.split(/\r?\n/).find((l) => l.startsWith('lav-01,') && l.includes(',all,'))).toMatch(/^lav-01,Spodnie lawendowe,all,2,3,19\.99,169\.98,\d+\.\d,[\d.]*,[\d.]*$/);
  });

  it('draws both charts as inline SVG and carries no script at all, under a CSP that allows none', async () => {
    await showWithProducts();
    await record([order('b1', 'lav-01', 4, 339.96, 'PLN', 'pl-PL'), order('b2', 'mug-09', 1, 32, 'PLN', 'pl-PL')]);
    const { res, html } = await reportHtml();
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs).toHaveLength(2);
    expect(svgs[0]).toContain('Units sold per minute');
    expect(svgs[0]).toMatch(/<rect [^>]*height="\d/);
    expect(svgs[1]).toContain('Spodnie lawendowe');
    // The best seller's bar is the longest.
    const widths = [...svgs[1].matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths[0]).toBeGreaterThan(widths[1]);

    const csp = res.headers.get('content-security-policy')!;
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'none'"]);
    expect([...directives.keys()].filter((k) => k.startsWith('script-src'))).toEqual(['script-src']);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).toMatch(/@page \{ size: A4/);
    expect(html).toContain('break-before: page');
  });

  it('shows a product title containing markup as text, in the tables and in the chart', async () => {
    await showWithProducts();
    await record([order('c1', 'xss-1', 1, 10, 'PLN', 'pl-PL')]);
    const { html } = await reportHtml();
    const escaped = '&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;quoted&quot;';
    expect(html).toContain(`<span class="title">${escaped}</span>`);
    expect(html).toContain(escaped.slice(0, 30)); // the chart's label (shortened)
    expect(html).toContain('<h1>Spring &lt;Sale&gt; 2026</h1>');
    expect(html).not.toContain('<b>Bold');
    expect(html).not.toMatch(/<script/i);
  });

  it('is refused without the token', async () => {
    const res = await fetch(`${t.studio.baseUrl}/api/v1/sales/report.html`);
    expect(res.status).toBe(401);
  });
});

describe('the show\'s sales goal', () => {
  it('is set, changed and cleared through PATCH /api/v1/show, journaled, and survives a studio restart', async () => {
    await t.api('PATCH', '/api/v1/show', { locales: [{ locale: 'pl-PL', currency: 'PLN' }, { locale: 'de-DE', currency: 'EUR' }] });
    const set = await t.api('PATCH', '/api/v1/show', { goal: { units: 250 } });
    expect(set.status).toBe(200);
    expect(set.body.show.goal).toEqual({ units: 250 });
    const changed = await t.api('PATCH', '/api/v1/show', { goal: { revenue: 5000, currency: 'EUR' } });
    expect(changed.body.show.goal).toEqual({ revenue: 5000, currency: 'EUR' });
    const { body: journal } = await t.api('GET', '/api/v1/journal?limit=1');
    expect(journal.entries[0]).toMatchObject({ command: 'show.update', events: [{ type: 'show.updated', goal: { revenue: 5000, currency: 'EUR' } }] });
    // A title change leaves the goal alone.
    expect((await t.api('PATCH', '/api/v1/show', { title: 'Renamed' })).body.show.goal).toEqual({ revenue: 5000, currency: 'EUR' });

    await t.studio.close();
    const again = await startStudio({ dataDir: t.dataDir, port: 0, marketplace: { kind: 'none' } });
    try {
      const show = await (await fetch(`${again.baseUrl}/api/v1/show`, { headers: { authorization: `Bearer ${again.token}` } })).json();
      expect(show.goal).toEqual({ revenue: 5000, currency: 'EUR' });
      const cleared = await fetch(`${again.baseUrl}/api/v1/show`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${again.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ goal: null })
      });
      expect((await cleared.json()).show.goal).toBeNull();
    } finally {
      await again.close();
    }
  });

  it('refuses a goal that is not one with 400, naming what is wrong, and keeps the old goal', async () => {
    await t.api('PATCH', '/api/v1/show', { goal: { units: 100 } });
    const nonsense = [
      { goal: { units: -5 } },
      { goal: { units: 2.5 } },
      { goal: 'lots' },
      { goal: { units: 10, revenue: 100 } },
      { goal: { revenue: 100 } },
      { goal: { revenue: 100, currency: 'euro' } }
    ];
    for (const body of nonsense) {
      const res = await t.api('PATCH', '/api/v1/show', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('invalid_command');
      expect(res.body.error.message).toContain('goal');
    }
    // The show sells in GBP only: a goal in USD could never be reached.
    const usd = await t.api('PATCH', '/api/v1/show', { goal: { revenue: 100, currency: 'USD' } });
    expect(usd.status).toBe(400);
    expect(usd.body.error.message).toBe('goal.currency: the show sells in GBP, not USD');
    expect((await t.api('GET', '/api/v1/show')).body.goal).toEqual({ units: 100 });
  });
});
