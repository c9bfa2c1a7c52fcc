import type { SalesCounters, SalesView } from '../../shared/sales';
import type { SalesBook } from '../show/sales-book';
import type { ShowState } from '../show/state';
import { escapeHtml } from './escape-html';
import { localeTotals, salesReport, type ReportProduct, type SalesReport } from './report-rows';
import { unitsPerMinuteSvg, unitsPerProductSvg } from './report-charts';
import { slotRows, slotTableHtml } from './report-timing';

/**
 * The report page allows nothing but its own inline styles and images: no script of any kind, so a
 * product title that smuggles markup past the escaping could still run nothing.
 */
const POLICY = ["default-src 'none'", "script-src 'none'", "style-src 'unsafe-inline'", "img-src data:", "base-uri 'none'", "form-action 'none'"];
/** The header; the page repeats it in a meta tag (without frame-ancestors, which only a header may set) for a saved copy. */
export const REPORT_SECURITY_POLICY = [...POLICY, "frame-ancestors 'none'"].join('; ');

/**
 * The printable post-show report for the agency's client: totals, charts, and the tables per
 * product and market. Numbers are formatted for the show's first locale.
 */
export function salesReportHtml(show: ShowState, book: SalesBook, now: number): string {
  const report = salesReport(show, book, now);
  const sales = book.view();
  const locale = show.locales[0]?.locale ?? 'en-GB';
  const fmt = formatters(locale);
  const title = escapeHtml(show.title);
  return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(POLICY.join('; '))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sales report · ${title}</title>
<style>${STYLE}</style>
</head>
<body>
<section class="summary">
<header><h1>${title}</h1><p>Sales report · ${escapeHtml(fmt.date(now))}${salesSpan(report, fmt)}</p></header>
${totalsBlock(sales, report, fmt)}
<h2>Units per minute</h2>
${unitsPerMinuteSvg(report.minutes, locale)}
<h2>Units per product</h2>
${unitsPerProductSvg(report.products.map((p) => ({ title: p.title || p.productId, units: p.total.units })))}
</section>
<section class="products">
<h2>Per product and market</h2>
${productTable(report, fmt)}
</section>
<section class="slots">
<h2>Planned against actual, per rundown item</h2>
${slotTableHtml(slotRows(show, report, now), fmt.number)}
</section>
<section class="locales">
<h2>Per market</h2>
${localeTable(report, fmt)}
</section>
</body>
</html>
`;
}

type Formatters = ReturnType<typeof formatters>;

function formatters(locale: string) {
  const number = new Intl.NumberFormat(locale);
  const minutes = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return {
    number: (n: number) => number.format(n),
    money: (amount: number, currency: string) => moneyFormat(locale, currency).format(amount),
    minutes: (ms: number) => minutes.format(ms / 60_000),
    date: (at: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(at),
    time: (at: number) => new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(at)
  };
}

/** Making a number format is costly next to using one: a report of thousands of rows reuses them. */
const moneyFormats = new Map<string, Intl.NumberFormat>();
function moneyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale} ${currency}`;
  let format = moneyFormats.get(key);
  if (!format) moneyFormats.set(key, (format = new Intl.NumberFormat(locale, { style: 'currency', currency })));
  return format;
}

function salesSpan(report: SalesReport, fmt: Formatters): string {
  if (report.minutes.length === 0) return '';
  const first = report.minutes[0].minute;
  const last = report.minutes[report.minutes.length - 1].minute + 60_000;
  return ` · orders from ${escapeHtml(fmt.time(first))} to ${escapeHtml(fmt.time(last))}`;
}

function totalsBlock(sales: SalesView, report: SalesReport, fmt: Formatters): string {
  const onAirMs = report.products.reduce((sum, p) => sum + p.onAirMs, 0);
  const revenue = report.currencies.map((c) => `<dd data-currency="${c}">${escapeHtml(fmt.money(sales.revenue[c] ?? 0, c))}</dd>`).join('') || '<dd>—</dd>';
  return `<dl class="totals">
<div><dt>Orders</dt><dd data-total="orders">${fmt.number(sales.orders)}</dd></div>
<div><dt>Units</dt><dd data-total="units">${fmt.number(sales.units)}</dd></div>
<div><dt>Revenue</dt>${revenue}</div>
<div><dt>Refunds</dt><dd data-total="refunds">${fmt.number(sales.refunds)}</dd></div>
<div><dt>Minutes on air</dt><dd>${fmt.minutes(onAirMs)}</dd></div>
</dl>`;
}

function productTable(report: SalesReport, fmt: Formatters): string {
  if (report.products.length === 0) return '<p class="none">No products sold or on air.</p>';
  const head = `<thead><tr><th class="text">Product</th><th class="text">Market</th><th>Orders</th><th>Units</th>${report.currencies.map((c) => `<th>${c}</th>`).join('')}<th>Minutes on air</th><th>Units while on air</th></tr></thead>`;
  const body = report.products.map((p) => productRows(p, report.currencies, fmt)).join('');
  return `<table>${head}${body}</table>`;
}

/** One tbody per product, so a page break never separates a product from its total. */
function productRows(p: ReportProduct, currencies: string[], fmt: Formatters): string {
  const name = `<span class="title">${escapeHtml(p.title || p.productId)}</span><span class="id">${escapeHtml(p.productId)}</span>`;
  const rows = p.locales.map((l, i) => `<tr>${i === 0 ? `<td class="product" rowspan="${p.locales.length + 1}">${name}</td>` : ''}<td class="market">${escapeHtml(l.locale ?? 'unknown')}</td>${counterCells(l.sales, currencies, fmt)}<td></td><td></td></tr>`);
  const total = `<tr class="total">${p.locales.length === 0 ? `<td class="product">${name}</td>` : ''}<td class="market">all</td>${counterCells(p.total, currencies, fmt)}<td>${fmt.minutes(p.onAirMs)}</td><td>${fmt.number(p.unitsWhileOnAir)}</td></tr>`;
  return `<tbody data-product-id="${escapeHtml(p.productId)}">${rows.join('')}${total}</tbody>`;
}

function localeTable(report: SalesReport, fmt: Formatters): string {
  const totals = localeTotals(report);
  if (totals.length === 0) return '<p class="none">No sales yet.</p>';
  const head = `<thead><tr><th class="text">Market</th><th>Orders</th><th>Units</th>${report.currencies.map((c) => `<th>${c}</th>`).join('')}</tr></thead>`;
  const rows = totals.map((t) => `<tr data-locale="${escapeHtml(t.locale)}"><td class="market">${escapeHtml(t.locale)}</td>${counterCells(t.sales, report.currencies, fmt)}</tr>`).join('');
  return `<table>${head}<tbody>${rows}</tbody></table>`;
}

function counterCells(sales: SalesCounters, currencies: string[], fmt: Formatters): string {
  const money = currencies.map((c) => `<td>${sales.revenue[c] ? escapeHtml(fmt.money(sales.revenue[c], c)) : '—'}</td>`).join('');
  return `<td>${fmt.number(sales.orders)}</td><td>${fmt.number(sales.units)}</td>${money}`;
}

const STYLE = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: 'Noto Sans', 'DejaVu Sans', system-ui, sans-serif; color: #1b1f27; font-size: 10pt; margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
h1 { font-size: 20pt; margin: 0 0 2mm; word-break: break-word; }
h2 { font-size: 12pt; margin: 7mm 0 3mm; border-bottom: 1px solid #ccd; padding-bottom: 1mm; }
header p { color: #556; margin: 0; }
.totals { display: grid; grid-template-columns: repeat(5, 1fr); gap: 3mm; margin: 6mm 0 0; }
.totals div { border: 1px solid #ccd; border-radius: 2mm; padding: 2mm 3mm; }
.totals dt { color: #556; font-size: 8.5pt; }
.totals dd { margin: 0; font-size: 13pt; font-weight: 700; font-variant-numeric: tabular-nums; }
svg { display: block; max-width: 100%; height: auto; font-size: 11px; fill: #334; }
svg .bars rect { fill: #4f6cff; }
svg .grid { stroke: #dde; stroke-width: 1; }
table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { text-align: right; padding: 1.2mm 2mm; border-bottom: 1px solid #e3e5ea; vertical-align: top; }
th.text, td.product, td.market { text-align: left; }
thead { display: table-header-group; }
th { font-size: 8.5pt; color: #556; border-bottom: 1.5px solid #99a; }
tbody { break-inside: avoid; }
tr.total td { font-weight: 700; border-bottom: 1.5px solid #bbc; }
.title { display: block; font-weight: 600; word-break: break-word; }
.id { display: block; color: #778; font-size: 8pt; }
.none { color: #778; }
@media print {
  body { padding: 0; max-width: none; }
  section + section { break-before: page; }
  svg { break-inside: avoid; }
}
`;
