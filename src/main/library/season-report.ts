import Papa from 'papaparse';
import { salesReport } from '../marketplace/report-rows';
import type { ShowState } from '../show/state';
import type { SalesBook } from '../show/sales-book';
import type { ShowRecord } from './show-library';

/** Columns of `GET /api/v1/reports/shows.csv` (API.md "The show library"). */
export const SEASON_CSV_FIELDS = ['show_id', 'show_title', 'show_date', 'product_id', 'product_title', 'locale', 'orders', 'units', 'revenue', 'currency', 'minutes_on_air'];

/**
 * The season spreadsheet, one show at a time: one row per show × product × locale (× currency
 * when a locale sold in more than one), each show read, turned into rows and let go before the
 * next, so memory stays that of one show whatever the season's length.
 */
export async function* seasonCsv(shows: readonly ShowRecord[], read: (id: string) => Promise<{ state: ShowState; sales: SalesBook }>, now: number): AsyncGenerator<string> {
  yield Papa.unparse([SEASON_CSV_FIELDS]) + '\r\n';
  for (const show of shows) {
    const { state, sales } = await read(show.id);
    const { products } = salesReport(state, sales, now);
    const rows: (string | number)[][] = [];
    const date = new Date(show.createdAt).toISOString().slice(0, 10);
    for (const p of products) {
      const minutes = (p.onAirMs / 60_000).toFixed(1);
      const locales = p.locales.length ? p.locales : [{ locale: null, sales: { orders: 0, units: 0, revenue: {} } }];
      for (const l of locales) {
        const currencies = Object.keys(l.sales.revenue).sort();
        for (const currency of currencies.length ? currencies : ['']) {
          rows.push([show.id, show.title, date, p.productId, p.title, l.locale ?? 'unknown', l.sales.orders, l.sales.units, currency ? (l.sales.revenue[currency] ?? 0).toFixed(2) : '0.00', currency, minutes]);
        }
      }
    }
    // escapeFormulae: a title starting with "=" must not become a formula in the agency's spreadsheet.
    if (rows.length) yield Papa.unparse(rows, { escapeFormulae: true }) + '\r\n';
  }
}
