import type { SalesView } from '../../shared/sales';
import type { SalesBook } from '../show/sales-book';
import type { ShowState } from '../show/state';
import { escapeHtml } from './escape-html';
import { localeTotals, salesReport, type ReportProduct, type SalesReport } from './report-rows';
import { unitsPerMinuteSvg, unitsPerProductSvg } from './report-charts';
import { chaptersSectionHtml, type ObsChapters } from './report-chapters';
import { reportFormat, type ReportFormat } from './report-format';
import { reportCells, type ReportCells } from './report-cells';
import { reportWords, type ReportLanguage, type ReportWords } from './report-text';
import { slotRows, slotTableHtml } from './report-timing';

/**
 * The report page allows nothing but its own inline styles and images: no script of any kind, so a
 * product title that smuggles markup past the escaping could still run nothing.
 */
const POLICY = ["default-src 'none'", "script-src 'none'", "style-src 'unsafe-inline'", "img-src data:", "base-uri 'none'", "form-action 'none'"];
/** The header; the page repeats it in a meta tag (without frame-ancestors, which only a header may set) for a saved copy. */
export const REPORT_SECURITY_POLICY = [...POLICY, "frame-ancestors 'none'"].join('; ');

export interface ReportOptions {
  /** The operator's language and locale (the desk's choice, else the browser's). */
  language: ReportLanguage;
  /** The catalogue language product titles are shown in; the show's first audience's without it. */
  titleLanguage?: string;
  /** Each OBS's YouTube chapters; left out (no section) where they cannot be known, e.g. a show not open. */
  chapters?: readonly ObsChapters[];
}

const ENGLISH: ReportOptions = { language: { lang: 'en', locale: 'en-GB' } };

/**
 * The printable post-show report for the agency's client: totals, charts, the tables per product
 * and market, and each OBS's YouTube chapters. Every word comes from the report dictionaries in
 * the operator's language; numbers, money, dates and times are written as their locale writes them.
 */
export function salesReportHtml(show: ShowState, book: SalesBook, now: number, options: ReportOptions = ENGLISH): string {
  const report = salesReport(show, book, now, options.titleLanguage);
  const sales = book.view();
  const words = reportWords(options.language);
  const fmt = reportFormat(options.language);
  const cells = reportCells(words, fmt);
  const title = escapeHtml(show.title);
  const chapters = options.chapters ? `<section class="chapters">\n<h2>${words.html('section.chapters')}</h2>\n${chaptersSectionHtml(options.chapters, words, fmt)}\n</section>\n` : '';
  return `<!doctype html>
<html lang="${escapeHtml(options.language.locale)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(POLICY.join('; '))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${words.html('report.title')} · ${title}</title>
<style>${STYLE}</style>
</head>
<body>
<section class="summary">
<header><h1>${title}</h1><p>${words.html('report.title')} · ${escapeHtml(fmt.date(now))}${salesSpan(report, words, fmt)}</p></header>
${totalsBlock(sales, report, words, fmt)}
<h2>${words.html('section.unitsPerMinute')}</h2>
${unitsPerMinuteSvg(report.minutes, words, fmt)}
<h2>${words.html('section.unitsPerProduct')}</h2>
${unitsPerProductSvg(report.products.map((p) => ({ title: p.title || p.productId, units: p.total.units })), words, fmt)}
</section>
<section class="products">
<h2>${words.html('section.perProduct')}</h2>
${productTable(report, words, fmt, cells)}
</section>
<section class="slots">
<h2>${words.html('section.slots')}</h2>
${slotTableHtml(slotRows(show, report, now, options.titleLanguage), words, fmt)}
</section>
<section class="locales">
<h2>${words.html('section.perMarket')}</h2>
${localeTable(show, report, words, fmt, cells)}
</section>
${chapters}</body>
</html>
`;
}

function salesSpan(report: SalesReport, words: ReportWords, fmt: ReportFormat): string {
  if (report.minutes.length === 0) return '';
  const first = report.minutes[0].minute;
  const last = report.minutes[report.minutes.length - 1].minute + 60_000;
  return ` · ${words.html('report.ordersSpan', { from: fmt.time(first), to: fmt.time(last) })}`;
}

function totalsBlock(sales: SalesView, report: SalesReport, words: ReportWords, fmt: ReportFormat): string {
  const onAirMs = report.products.reduce((sum, p) => sum + p.onAirMs, 0);
  const revenue = report.currencies.map((c) => `<dd data-currency="${c}">${escapeHtml(fmt.money(sales.revenue[c] ?? 0, c))}</dd>`).join('') || '<dd>—</dd>';
  return `<dl class="totals">
<div><dt>${words.html('totals.orders')}</dt><dd data-total="orders">${escapeHtml(fmt.number(sales.orders))}</dd></div>
<div><dt>${words.html('totals.units')}</dt><dd data-total="units">${escapeHtml(fmt.number(sales.units))}</dd></div>
<div><dt>${words.html('totals.revenue')}</dt>${revenue}</div>
<div><dt>${words.html('totals.refunds')}</dt><dd data-total="refunds">${escapeHtml(fmt.number(sales.refunds))}</dd></div>
<div><dt>${words.html('totals.minutesOnAir')}</dt><dd>${escapeHtml(fmt.minutes(onAirMs))}</dd></div>
</dl>`;
}

function productTable(report: SalesReport, words: ReportWords, fmt: ReportFormat, cells: ReportCells): string {
  if (report.products.length === 0) return `<p class="none">${words.html('none.products')}</p>`;
  const th = (key: string, cls = '') => `<th${cls ? ` class="${cls}"` : ''}>${words.html(key)}</th>`;
  const head = `<thead><tr>${th('col.product', 'text')}${th('col.market', 'text')}${th('col.orders')}${th('col.units')}${report.currencies.map((c) => `<th>${c}</th>`).join('')}${th('col.minutesOnAir')}${th('col.unitsWhileOnAir')}</tr></thead>`;
  const body = report.products.map((p) => productRows(p, report.currencies, words, fmt, cells)).join('');
  return `<table>${head}${body}</table>`;
}

/** One tbody per product, so a page break never separates a product from its total. */
function productRows(p: ReportProduct, currencies: string[], words: ReportWords, fmt: ReportFormat, cells: ReportCells): string {
  const name = `<span class="title">${escapeHtml(p.title || p.productId)}</span><span class="id">${escapeHtml(p.productId)}</span>`;
  const rows = p.locales.map((l, i) => `<tr>${i === 0 ? `<td class="product" rowspan="${p.locales.length + 1}">${name}</td>` : ''}${cells.market(l.locale)}${cells.counters(l.sales, currencies)}<td></td><td></td></tr>`);
  const total = `<tr class="total">${p.locales.length === 0 ? `<td class="product">${name}</td>` : ''}<td class="market">${words.html('market.all')}</td>${cells.counters(p.total, currencies)}<td>${escapeHtml(fmt.minutes(p.onAirMs))}</td>${cells.count(p.unitsWhileOnAir)}</tr>`;
  return `<tbody data-product-id="${escapeHtml(p.productId)}">${rows.join('')}${total}</tbody>`;
}

/** Totals per market that sold; the show's markets that sold nothing are folded into one line under it. */
function localeTable(show: ShowState, report: SalesReport, words: ReportWords, fmt: ReportFormat, cells: ReportCells): string {
  const totals = localeTotals(report);
  const sold = new Set(totals.map((t) => t.locale));
  const quiet = show.locales.map((l) => l.locale).filter((l) => !sold.has(l));
  const folded = quiet.length ? `<p class="none" data-no-sales>${words.html('markets.noSales', { count: quiet.length, markets: quiet.map((l) => `${fmt.market(l)} (${l})`).join(', ') })}</p>` : '';
  if (totals.length === 0) return `<p class="none">${words.html('none.sales')}</p>`;
  const head = `<thead><tr><th class="text">${words.html('col.market')}</th><th>${words.html('col.orders')}</th><th>${words.html('col.units')}</th>${report.currencies.map((c) => `<th>${c}</th>`).join('')}</tr></thead>`;
  const rows = totals.map((t) => `<tr data-locale="${escapeHtml(t.locale)}">${cells.market(t.locale === 'unknown' ? null : t.locale)}${cells.counters(t.sales, report.currencies)}</tr>`).join('');
  return `<table>${head}<tbody>${rows}</tbody></table>${folded}`;
}

const STYLE = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: 'Noto Sans', 'DejaVu Sans', system-ui, sans-serif; color: #1b1f27; font-size: 10pt; margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
h1 { font-size: 20pt; margin: 0 0 2mm; overflow-wrap: break-word; }
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
/* Figures stay whole on their line; titles, markets and headings wrap between words, never inside one. */
td { white-space: nowrap; }
td.product, td.market { white-space: normal; }
td.product { width: 28%; }
thead { display: table-header-group; }
th { font-size: 8.5pt; color: #556; border-bottom: 1.5px solid #99a; }
tbody { break-inside: avoid; }
tr.total td { font-weight: 700; border-bottom: 1.5px solid #bbc; }
.title { display: block; font-weight: 600; overflow-wrap: break-word; }
.id { display: block; color: #778; font-size: 8pt; }
.none { color: #778; }
td.market .name { display: block; }
/* Nine columns on 186 mm: tighter cells, so a German compound title still leaves room for the figures. */
section.products table { font-size: 9pt; }
section.products th, section.products td { padding: 1.2mm 1.3mm; }
h3 { font-size: 10.5pt; margin: 5mm 0 1mm; }
h3 .id { display: inline; margin-left: 2mm; }
.hint, .span { color: #556; margin: 0 0 2mm; }
pre.chapters { font-family: 'DejaVu Sans Mono', 'Noto Sans Mono', monospace; font-size: 9pt; background: #f4f5f8; border: 1px solid #e3e5ea; border-radius: 1.5mm; padding: 2mm 3mm; margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.obs { break-inside: avoid; }
@media print {
  body { padding: 0; max-width: none; }
  /* The summary fills the first page, the product table starts the next; the short tables after it share pages. */
  section.products { break-before: page; }
  section + section:not(.products) { margin-top: 8mm; }
  h2, h3 { break-after: avoid; }
  svg { break-inside: avoid; }
}
`;
