import { performance } from 'node:perf_hooks';
import { SalesBook } from '../../src/main/show/sales-book';
import { initialShowState } from '../../src/main/show/state';
import { emptyProduct } from '../../src/shared/product';
import type { SaleChange } from '../../src/shared/events';
import { salesReportHtml } from '../../src/main/marketplace/sales-report-html';
import { salesReportCsv } from '../../src/main/marketplace/sales-report';
import { report, summarize } from './stats';

const PRODUCTS = 2000;
const ORDERS = 100_000;

/** The post-show reports of a big show: 2,000 products sold in 7 markets, 100,000 orders over 8 hours. */
export async function benchSalesReport(): Promise<void> {
  const markets = [['pl-PL', 'PLN'], ['de-DE', 'EUR'], ['fr-FR', 'EUR'], ['es-ES', 'EUR'], ['it-IT', 'EUR'], ['ru-RU', 'RUB'], ['en-GB', 'GBP']];
  const show = { ...initialShowState(), locales: markets.map(([locale, currency]) => ({ locale, currency })) };
  for (let i = 0; i < PRODUCTS; i++) show.products[`p-${i}`] = { ...emptyProduct(`p-${i}`), title: { en: `Product <${i}> & co` } };
  const start = Date.UTC(2026, 10, 28, 12);
  const changes: SaleChange[] = Array.from({ length: ORDERS }, (_, i) => {
    const [locale, currency] = markets[i % markets.length];
    return { orderId: String(i), productId: `p-${(i * 7) % PRODUCTS}`, units: 1 + (i % 3), amount: 19.99, currency, locale, at: start + i * 288, status: 'paid', effect: 'counted', onAir: null };
  });
  const book = new SalesBook();
  book.apply({ rev: 1, at: start, actor: { id: 'bench', client: 'bench' }, command: 'sales.record', events: [{ type: 'sales.recorded', source: 'demo', changes }] });
  const end = start + 8 * 3600_000;
  for (const [name, make] of [
    ['report.html', () => salesReportHtml(show, book, end)],
    ['report.csv', () => salesReportCsv(show, book, end)]
  ] as const) {
    make();
    const samples: number[] = [];
    let size = 0;
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      size = make().length;
      samples.push(performance.now() - t0);
    }
    report(`${name}, ${PRODUCTS.toLocaleString('en')} products × 7 markets, ${ORDERS.toLocaleString('en')} orders (${(size / 1e6).toFixed(1)} MB)`, summarize(samples), 'p99 < 2 s: the report is asked for once, after the show');
  }
}
