import Papa from 'papaparse';
import type { SalesCounters } from '../../shared/sales';
import type { SalesBook } from '../show/sales-book';
import type { ShowState } from '../show/state';
import { salesReport } from './report-rows';
import { productTiming, slotRows } from './report-timing';

/**
 * The post-show report as a spreadsheet: one row per product and locale (units, orders, revenue
 * per currency), and one "all" row per product with its minutes on air. Refunds are already out.
 */
export function salesReportCsv(show: ShowState, book: SalesBook, now: number): string {
  const report = salesReport(show, book, now);
  const { currencies, products } = report;
  const timing = productTiming(slotRows(show, report, now));
  // Revenue figures repeat across 16,000 rows; each is written once (`toFixed` is the costly part of a row).
  const amounts = new Map<number, string>();
  const amount = (n: number) => {
    let text = amounts.get(n);
    if (text === undefined) amounts.set(n, (text = n.toFixed(2)));
    return text;
  };
  const line = (productId: string, title: string, locale: string, sales: SalesCounters, minutes: string, planned = '', perMinute = '') => {
    const row: (string | number)[] = [productId, title, locale, sales.orders, sales.units];
    for (const c of currencies) row.push(amount(sales.revenue[c] ?? 0));
    row.push(minutes, planned, perMinute);
    return row;
  };
  const header = ['product_id', 'title', 'locale', 'orders', 'units', ...currencies.map((c) => `revenue_${c}`), 'minutes_on_air', 'planned_minutes', 'units_per_minute_on_air'];
  // The header goes in as the first row, not as `fields`: given fields, Papa lists every row's keys
  // (`Object.keys` of each array, 16,000 times) only to see whether it is empty. Same output.
  const data: (string | number)[][] = [header];
  for (const p of products) {
    for (const l of p.locales) data.push(line(p.productId, p.title, l.locale ?? 'unknown', l.sales, ''));
    const t = timing.get(p.productId);
    data.push(line(p.productId, p.title, 'all', p.total, (p.onAirMs / 60_000).toFixed(1), t?.plannedMinutes, t?.unitsPerMinute));
  }
  // A show that sold nothing kept its header's line break (Papa wrote an empty row): so it still does.
  if (data.length === 1) data.push([]);
  // escapeFormulae: a title starting with "=" must not become a formula in the agency's spreadsheet.
  return Papa.unparse(data, { escapeFormulae: true });
}
