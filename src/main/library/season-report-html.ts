import { escapeHtml } from '../marketplace/escape-html';
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
export async function seasonReportHtml(shows: readonly ShowRecord[], read: (id: string) => Promise<{ state: ShowState; sales: SalesBook }>, now: number): Promise<string> {
  const products = new Map<string, ProductSeason>();
  const lines: ShowLine[] = [];
  for (const record of shows) {
    const { state, sales } = await read(record.id);
    const report = salesReport(state, sales, now);
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
  const money = (revenue: Record<string, number>) => Object.entries(revenue).sort(([a], [b]) => a.localeCompare(b)).map(([c, v]) => `${v.toFixed(2)} ${escapeHtml(c)}`).join('<br>') || '—';
  const slot = (s: ShowLine['best']) => (s ? `${escapeHtml(s.title)} <span class="id">${s.perMinute.toFixed(2)} units/min</span>` : '<span class="none">—</span>');
  const showRows = lines
    .map((l) => `<tr><td class="text"><span class="title">${escapeHtml(l.record.title)}</span><span class="id">${escapeHtml(new Date(l.record.createdAt).toISOString().slice(0, 10))}</span></td><td>${l.total.orders}</td><td>${l.total.units}</td><td>${money(l.total.revenue)}</td><td class="text">${slot(l.best)}</td><td class="text">${slot(l.worst)}</td></tr>`)
    .join('\n');
  const productRows = [...products]
    .sort(([, a], [, b]) => b.unitsWhileOnAir + sumUnits(b) - (a.unitsWhileOnAir + sumUnits(a)))
    .map(([id, p]) => {
      const locales = [...p.locales].sort(([a], [b]) => a.localeCompare(b));
      const total = sumCounters(locales.map(([, c]) => c[0]));
      const rows = locales.map(([locale, [c]]) => `<tr><td class="text market">${escapeHtml(locale)}</td><td>${c.orders}</td><td>${c.units}</td><td>${money(c.revenue)}</td><td></td><td></td></tr>`);
      return `<tbody><tr class="total"><td class="text"><span class="title">${escapeHtml(p.title || id)}</span><span class="id">${escapeHtml(id)} · ${p.shows} show(s)</span></td><td>${total.orders}</td><td>${total.units}</td><td>${money(total.revenue)}</td><td>${(p.onAirMs / 60_000).toFixed(1)}</td><td>${perMinute(p.unitsWhileOnAir, p.onAirMs).toFixed(2)}</td></tr>${rows.join('')}</tbody>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<title>Season report</title>
<style>${STYLE}</style>
</head>
<body>
<section>
<header><h1>Season report</h1><p>${lines.length} show(s) · ${escapeHtml(new Date(now).toISOString().slice(0, 10))}</p></header>
<h2>Per show</h2>
<table data-part="shows"><thead><tr><th class="text">Show</th><th>Orders</th><th>Units</th><th>Revenue</th><th class="text">Best slot</th><th class="text">Worst slot</th></tr></thead>
<tbody>${showRows}</tbody></table>
</section>
<section>
<h2>Per product and market</h2>
<table data-part="products"><thead><tr><th class="text">Product / market</th><th>Orders</th><th>Units</th><th>Revenue</th><th>Minutes on air</th><th>Units per minute on air</th></tr></thead>
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
.title { display: block; font-weight: 600; word-break: break-word; }
.id { display: block; color: #778; font-size: 8pt; font-weight: 400; }
.none { color: #778; }
@media print { body { padding: 0; max-width: none; } section + section { break-before: page; } }
`;
