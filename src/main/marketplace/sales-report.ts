import Papa from 'papaparse';
import { pickText } from '../../shared/locale-text';
import type { SalesBook } from '../show/sales-book';
import type { ShowState } from '../show/state';

/**
 * The post-show report as a spreadsheet: one row per product and locale (units, orders, revenue
 * per currency), and one "all" row per product with its minutes on air. Refunds are already out.
 */
export function salesReportCsv(show: ShowState, book: SalesBook, now: number): string {
  const rows = [...book.productLocaleTotals()];
  const onAir = book.onAirMs(now);
  const currencies = [...new Set(rows.flatMap((r) => Object.keys(r.sales.revenue)))].sort();
  const productIds = [...new Set([...rows.map((r) => r.productId), ...onAir.keys()])].sort();
  const fallback = show.locales.map((l) => l.locale);
  const title = (id: string) => {
    const product = show.products[id];
    return product ? pickText(product.title, fallback[0] ?? 'en', [...fallback, 'en']).text : '';
  };
  const line = (productId: string, locale: string, sales: { orders: number; units: number; revenue: Record<string, number> }, minutes: string) => [
    productId,
    title(productId),
    locale,
    sales.orders,
    sales.units,
    ...currencies.map((c) => (sales.revenue[c] ?? 0).toFixed(2)),
    minutes
  ];
  const data: (string | number)[][] = [];
  for (const productId of productIds) {
    const mine = rows.filter((r) => r.productId === productId).sort((a, b) => (a.locale ?? '').localeCompare(b.locale ?? ''));
    const total = { orders: 0, units: 0, revenue: {} as Record<string, number> };
    for (const r of mine) {
      total.orders += r.sales.orders;
      total.units += r.sales.units;
      for (const [c, v] of Object.entries(r.sales.revenue)) total.revenue[c] = Math.round(((total.revenue[c] ?? 0) + v) * 100) / 100;
      data.push(line(productId, r.locale ?? 'unknown', r.sales, ''));
    }
    data.push(line(productId, 'all', total, ((onAir.get(productId) ?? 0) / 60_000).toFixed(1)));
  }
  // escapeFormulae: a title starting with "=" must not become a formula in the agency's spreadsheet.
  return Papa.unparse({ fields: ['product_id', 'title', 'locale', 'orders', 'units', ...currencies.map((c) => `revenue_${c}`), 'minutes_on_air'], data }, { escapeFormulae: true });
}
