import type { SalesCounters } from '../../shared/sales';
import { escapeHtml } from './escape-html';
import type { ReportFormat } from './report-format';
import type { ReportWords } from './report-text';

/** The report's table cells for figures and markets, each written once per report. */
export type ReportCells = ReturnType<typeof reportCells>;

/**
 * Cells made once per value and reused: a report of 2,000 products in 7 markets writes 16,000 rows
 * of the same few markets and figures, and formatting one (Intl, then escaping) costs about a
 * microsecond where looking it up costs a few hundredths. Made per report, so it holds no more than
 * that report's values.
 */
export function reportCells(words: ReportWords, fmt: ReportFormat) {
  const markets = new Map<string | null, string>();
  const counts = new Map<number, string>();
  const moneyByCurrency = new Map<string, Map<number, string>>();
  const count = (n: number) => remembered(counts, n, () => `<td>${escapeHtml(fmt.number(n))}</td>`);
  const money = (amount: number | undefined, currency: string) => {
    // No revenue in a currency is a dash, not "0,00 zł" (Map keys also take -0 for 0: both are a dash).
    if (!amount) return '<td>—</td>';
    let cells = moneyByCurrency.get(currency);
    if (!cells) moneyByCurrency.set(currency, (cells = new Map()));
    return remembered(cells, amount, () => `<td>${escapeHtml(fmt.money(amount, currency))}</td>`);
  };
  return {
    /** A market cell: its name in the operator's language, with the code the agency's sheets use. */
    market: (locale: string | null) =>
      remembered(markets, locale, () =>
        locale === null
          ? `<td class="market">${words.html('market.unknown')}</td>`
          : `<td class="market"><span class="name">${escapeHtml(fmt.market(locale))}</span><span class="id">${escapeHtml(locale)}</span></td>`
      ),
    count,
    /** Orders, units and revenue per currency, in the table's currency order. */
    counters: (sales: SalesCounters, currencies: readonly string[]) => {
      let html = count(sales.orders) + count(sales.units);
      for (const currency of currencies) html += money(sales.revenue[currency], currency);
      return html;
    }
  };
}

function remembered<K>(made: Map<K, string>, key: K, make: () => string): string {
  let html = made.get(key);
  if (html === undefined) made.set(key, (html = make()));
  return html;
}
