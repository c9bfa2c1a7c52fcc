import { pickText } from '../../shared/locale-text';
import type { MinuteSales, SalesCounters } from '../../shared/sales';
import type { SalesBook } from '../show/sales-book';
import type { ShowState } from '../show/state';
import { own } from '../../shared/own';

/** One product in the post-show report: per locale (null: the marketplace did not say) and in all. */
export interface ReportProduct {
  productId: string;
  /** In the catalogue language asked for, else the show's first; plain text, never markup. */
  title: string;
  locales: { locale: string | null; sales: SalesCounters }[];
  total: SalesCounters;
  onAirMs: number;
  /** Units sold while the product was on air. */
  unitsWhileOnAir: number;
}

export interface SalesReport {
  currencies: string[];
  products: ReportProduct[];
  /** Every minute of the show that had orders, oldest first. */
  minutes: MinuteSales[];
}

/**
 * The rows every form of the post-show report shares (spreadsheet, printable page): computed once
 * from the sales book, refunds already taken out, so the two forms cannot disagree.
 */
export function salesReport(show: ShowState, book: SalesBook, now: number, titleLanguage?: string): SalesReport {
  const byProduct = new Map<string, ReportProduct['locales']>();
  const currencySet = new Set<string>();
  for (const row of book.productLocaleTotals()) {
    let locales = byProduct.get(row.productId);
    if (!locales) byProduct.set(row.productId, (locales = []));
    locales.push({ locale: row.locale, sales: row.sales });
    for (const c of Object.keys(row.sales.revenue)) currencySet.add(c);
  }
  const onAir = book.onAirMs(now);
  const lift = book.view().byProduct;
  const productIds = [...new Set([...byProduct.keys(), ...onAir.keys()])].sort();
  const title = (id: string) => productTitle(show, id, titleLanguage);
  const products = productIds.map((productId): ReportProduct => {
    const locales = (byProduct.get(productId) ?? []).sort((a, b) => (a.locale ?? '').localeCompare(b.locale ?? ''));
    return {
      productId,
      title: title(productId),
      locales,
      total: sumCounters(locales.map((l) => l.sales)),
      onAirMs: onAir.get(productId) ?? 0,
      unitsWhileOnAir: own(lift, productId)?.unitsWhileOnAir ?? 0
    };
  });
  const currencies = [...currencySet].sort();
  return { currencies, products, minutes: book.allMinutes() };
}

/**
 * A product's title for the report: in the catalogue language the desk chose (`titleLanguage`),
 * else the show's first audience's, falling back through the show's languages to English.
 */
export function productTitle(show: ShowState, productId: string, titleLanguage?: string): string {
  const product = own(show.products, productId);
  if (!product) return '';
  const languages = show.locales.map((l) => l.locale);
  return pickText(product.title, titleLanguage ?? languages[0] ?? 'en', [...languages, 'en']).text;
}

/** Totals per locale over every product (a missing locale counts as "unknown"). */
export function localeTotals(report: SalesReport): { locale: string; sales: SalesCounters }[] {
  const byLocale = new Map<string, SalesCounters[]>();
  for (const p of report.products) {
    for (const l of p.locales) {
      const key = l.locale ?? 'unknown';
      if (!byLocale.has(key)) byLocale.set(key, []);
      byLocale.get(key)!.push(l.sales);
    }
  }
  return [...byLocale].map(([locale, list]) => ({ locale, sales: sumCounters(list) })).sort((a, b) => a.locale.localeCompare(b.locale));
}

export function sumCounters(list: SalesCounters[]): SalesCounters {
  const total: SalesCounters = { orders: 0, units: 0, revenue: {} };
  for (const c of list) {
    total.orders += c.orders;
    total.units += c.units;
    // Rounded per step: sums of cents drift in floating point. Keys, not entries: no pair array per currency.
    for (const cur of Object.keys(c.revenue)) total.revenue[cur] = Math.round(((total.revenue[cur] ?? 0) + c.revenue[cur]) * 100) / 100;
  }
  return total;
}
