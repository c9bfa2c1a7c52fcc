import { escapeHtml } from '../marketplace/escape-html';
import { reportFormat } from '../marketplace/report-format';
import { reportWords, type ReportLanguage } from '../marketplace/report-text';
import { salesReport, sumCounters } from '../marketplace/report-rows';
import type { SalesCounters } from '../../shared/sales';
import type { SalesBook } from '../show/sales-book';
import type { ShowState } from '../show/state';
import type { ShowRecord } from './show-library';

interface ProductSeason {
  title: string;
  locales: Map<string, SalesCounters[]>;
  onAirMs: number;
  unitsWhileOnAir: number;
  shows: number;
}

interface ShowLine {
  record: ShowRecord;
  total: SalesCounters;
  best: { title: string; perMinute: number } | null;
  worst: { title: string; perMinute: number } | null;
}

const perMinute = (units: number, ms: number) => (ms > 0 ? units / (ms / 60_000) : 0);

/**
 * The season on A4 for the agency: per product across shows and markets (orders, units, revenue
 * per currency, minutes on air, units per minute on air) and per show its totals with its best
 * and worst slot (units per minute while the product was on air). Shows are read one at a time;
 * only the running totals per product and market are kept.
 */
export async function seasonReportHtml(
  shows: readonly ShowRecord[],
  read: (id: string) => Promise<{ state: ShowState; sales: SalesBook }>,
  now: number,
  options: { language: ReportLanguage; titleLanguage?: string } = { language: { lang: 'en', locale: 'en-GB' } }
): Promise<string> {
  const words = reportWords(options.language);
  const fmt = reportFormat(options.language);
  const products = new Map<string, ProductSeason>();
  const lines: ShowLine[] = [];
  for (const record of shows) {
    const { state, sales } = await read(record.id);
    const report = salesReport(state, sales, now, options.titleLanguage);
    const slots: { title: string; perMinute: number }[] = [];
    for (const p of report.products) {
      let season = products.get(p.productId);
      if (!season) products.set(p.productId, (season = { title: p.title, locales: new Map(), onAirMs: 0, unitsWhileOnAir: 0, shows: 0 }));
      season.shows++;
      season.onAirMs += p.onAirMs;
      season.unitsWhileOnAir += p.unitsWhileOnAir;
      for (const l of p.locales) {
        const key = l.locale ?? 'unknown';
        season.locales.set(key, [sumCounters([...(season.locales.get(key) ?? []), l.sales])]);
      }
      if (p.onAirMs > 0) slots.push({ title: p.title || p.productId, perMinute: perMinute(p.unitsWhileOnAir, p.onAirMs) });
    }
    slots.sort((a, b) => b.perMinute - a.perMinute);
    lines.push({ record, total: sumCounters(report.products.map((p) => p.total)), best: slots[0] ?? null, worst: slots.length > 1 ? slots[slots.length - 1] : null });
  }
  const money = (revenue: Record<string, number>) => Object.entries(revenue).sort(([a], [b]) => a.localeCompare(b)).map(([c, v]) => escapeHtml(fmt.money(v, c))).join('<br>') || '—';
  const n = (v: number) => escapeHtml(fmt.number(v));
  const slot = (s: ShowLine['best']) => (s ? `${escapeHtml(s.title)} <span class="id">${words.html('season.perMinute', { value: fmt.decimal(s.perMinute) })}</span>` : '<span class="none">—</span>');
  const showRows = lines
    .map((l) => `<tr><td class="text"><span class="title">${escapeHtml(l.record.title)}</span><span class="id">${escapeHtml(fmt.shortDate(l.record.createdAt))}</span></td><td>${n(l.total.orders)}</td><td>${n(l.total.units)}</td><td>${money(l.total.revenue)}</td><td class="text">${slot(l.best)}</td><td class="text">${slot(l.worst)}</td></tr>`)
    .join('\n');
  const productRows = [...products]
    .sort(([, a], [, b]) => b.unitsWhileOnAir + sumUnits(b) - (a.unitsWhileOnAir + sumUnits(a)))
    .map(([id, p]) => {
      const locales = [...p.locales].sort(([a], [b]) => a.localeCompare(b));
      const total = sumCounters(locales.map(([, c]) => c[0]));
      const market = (locale: string) => (locale === 'unknown' ? words.html('market.unknown') : `${escapeHtml(fmt.market(locale))} <span class="id">${escapeHtml(locale)}</span>`);
      const rows = locales.map(([locale, [c]]) => `<tr><td class="text market">${market(locale)}</td><td>${n(c.orders)}</td><td>${n(c.units)}</td><td>${money(c.revenue)}</td><td></td><td></td></tr>`);
      return `<tbody><tr class="total"><td class="text"><span class="title">${escapeHtml(p.title || id)}</span><span class="id">${escapeHtml(id)} · ${words.html('season.inShows', { count: p.shows })}</span></td><td>${n(total.orders)}</td><td>${n(total.units)}</td><td>${money(total.revenue)}</td><td>${escapeHtml(fmt.minutes(p.onAirMs))}</td><td>${escapeHtml(fmt.decimal(perMinute(p.unitsWhileOnAir, p.onAirMs)))}</td></tr>${rows.join('')}</tbody>`;
    })
    .join('\n');
  const th = (key: string, cls = '') => `<th${cls ? ` class="${cls}"` : ''}>${words.html(key)}</th>`;
  return `<!doctype html>
<html lang="${escapeHtml(options.language.locale)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<title>${words.html('season.title')}</title>
<style>${STYLE}</style>
</head>
<body>
<section>
<header><h1>${words.html('season.title')}</h1><p>${words.html('season.shows', { count: lines.length })} · ${escapeHtml(fmt.date(now))}</p></header>
<h2>${words.html('season.perShow')}</h2>
<table data-part="shows"><thead><tr>${th('col.show', 'text')}${th('col.orders')}${th('col.units')}${th('col.revenue')}${th('col.bestSlot', 'text')}${th('col.worstSlot', 'text')}</tr></thead>
<tbody>${showRows}</tbody></table>
</section>
<section>
<h2>${words.html('season.perProduct')}</h2>
<table data-part="products"><thead><tr>${th('col.productMarket', 'text')}${th('col.orders')}${th('col.units')}${th('col.revenue')}${th('col.minutesOnAir')}${th('col.unitsPerMinuteOnAir')}</tr></thead>
${productRows}</table>
</section>
</body>
</html>
`;
}

const sumUnits = (p: ProductSeason) => [...p.locales.values()].reduce((n, [c]) => n + c.units, 0);

const STYLE = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: 'Noto Sans', 'DejaVu Sans', system-ui, sans-serif; color: #1b1f27; font-size: 10pt; margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
h1 { font-size: 20pt; margin: 0 0 2mm; }
h2 { font-size: 12pt; margin: 7mm 0 3mm; border-bottom: 1px solid #ccd; padding-bottom: 1mm; }
header p { color: #556; margin: 0; }
table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { text-align: right; padding: 1.2mm 2mm; border-bottom: 1px solid #e3e5ea; vertical-align: top; }
th.text, td.text { text-align: left; }
thead { display: table-header-group; }
th { font-size: 8.5pt; color: #556; border-bottom: 1.5px solid #99a; }
tbody { break-inside: avoid; }
tr.total td { font-weight: 700; border-bottom: 1.5px solid #bbc; }
td.market { padding-left: 6mm; }
td.market .id { display: inline; margin-left: 1.5mm; }
.title { display: block; font-weight: 600; overflow-wrap: break-word; }
.id { display: block; color: #778; font-size: 8pt; font-weight: 400; }
.none { color: #778; }
@media print { body { padding: 0; max-width: none; } section + section { break-before: page; } }
`;
