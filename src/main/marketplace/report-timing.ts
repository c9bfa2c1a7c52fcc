import { airedSeconds, formatDuration } from '../../shared/timing';
import type { ShowState } from '../show/state';
import { productTitle, type SalesReport } from './report-rows';
import { escapeHtml } from './escape-html';
import type { ReportFormat } from './report-format';
import type { ReportWords } from './report-text';

/** One rundown item in the report: its plan against what it got, and what its product sold per minute on air. */
export interface SlotReportRow {
  itemId: string;
  productId: string;
  title: string;
  plannedSeconds: number | null;
  airedSeconds: number;
  /** Units sold while the product was on air, per minute on air (over all its slots); null if never on air. */
  unitsPerMinuteOnAir: number | null;
}

/** Planned against actual per rundown item, in rundown order (which products earn their time). */
export function slotRows(show: ShowState, report: SalesReport, now: number, titleLanguage?: string): SlotReportRow[] {
  const byProduct = new Map(report.products.map((p) => [p.productId, p]));
  return show.rundown.map((item) => {
    const product = byProduct.get(item.productId);
    const onAirMinutes = (product?.onAirMs ?? 0) / 60_000;
    return {
      itemId: item.id,
      productId: item.productId,
      title: productTitle(show, item.productId, titleLanguage),
      plannedSeconds: item.plannedSeconds ?? null,
      airedSeconds: airedSeconds(item, show.onAir, now),
      unitsPerMinuteOnAir: onAirMinutes > 0 ? Math.round(((product?.unitsWhileOnAir ?? 0) / onAirMinutes) * 100) / 100 : null
    };
  });
}

/** Per product for the spreadsheet's "all" rows: its planned minutes over every item, and units per minute on air. */
export function productTiming(rows: SlotReportRow[]): Map<string, { plannedMinutes: string; unitsPerMinute: string }> {
  const planned = new Map<string, number>();
  for (const row of rows) planned.set(row.productId, (planned.get(row.productId) ?? 0) + (row.plannedSeconds ?? 0));
  const out = new Map<string, { plannedMinutes: string; unitsPerMinute: string }>();
  for (const row of rows) {
    const seconds = planned.get(row.productId) ?? 0;
    out.set(row.productId, { plannedMinutes: seconds ? (seconds / 60).toFixed(1) : '', unitsPerMinute: row.unitsPerMinuteOnAir === null ? '' : row.unitsPerMinuteOnAir.toFixed(2) });
  }
  return out;
}

/** The report page's table of planned against actual time per item. */
export function slotTableHtml(rows: SlotReportRow[], words: ReportWords, fmt: ReportFormat): string {
  if (!rows.some((r) => r.plannedSeconds !== null || r.airedSeconds > 0)) return `<p class="none">${words.html('none.slots')}</p>`;
  const th = (key: string, cls = '') => `<th${cls ? ` class="${cls}"` : ''}>${words.html(key)}</th>`;
  const head = `<thead><tr>${th('col.product', 'text')}${th('col.planned')}${th('col.onAir')}${th('col.overUnder')}${th('col.unitsPerMinuteOnAir')}</tr></thead>`;
  const body = rows
    .map((r) => {
      const diff = r.plannedSeconds === null ? '—' : `${r.airedSeconds >= r.plannedSeconds ? '+' : ''}${formatDuration(r.airedSeconds - r.plannedSeconds)}`;
      return `<tr data-item-id="${escapeHtml(r.itemId)}"><td class="product"><span class="title">${escapeHtml(r.title || r.productId)}</span></td><td>${r.plannedSeconds === null ? '—' : formatDuration(r.plannedSeconds)}</td><td>${formatDuration(r.airedSeconds)}</td><td>${diff}</td><td>${r.unitsPerMinuteOnAir === null ? '—' : escapeHtml(fmt.decimal(r.unitsPerMinuteOnAir))}</td></tr>`;
    })
    .join('');
  return `<table class="slots">${head}<tbody>${body}</tbody></table>`;
}
