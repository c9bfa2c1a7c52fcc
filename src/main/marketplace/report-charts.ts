import type { MinuteSales } from '../../shared/sales';
import { escapeHtml } from './escape-html';
import type { ReportFormat } from './report-format';
import type { ReportWords } from './report-text';

/**
 * The report's charts as inline SVG, drawn on the server: the printed report runs no script, and a
 * chart in SVG stays sharp on paper.
 */

const WIDTH = 720;
const PAD = { left: 44, right: 12, top: 12, bottom: 30 };
/** Above this many minutes the chart sums minutes into wider bars, so bars stay visible on A4. */
const MAX_BARS = 180;

export interface MinuteBar {
  start: number;
  units: number;
}

/** Every minute from the first sale to the last (quiet minutes as 0), summed into at most MAX_BARS bars. */
export function minuteBars(minutes: MinuteSales[]): { bars: MinuteBar[]; minutesPerBar: number } {
  if (minutes.length === 0) return { bars: [], minutesPerBar: 1 };
  const first = minutes[0].minute;
  const span = (minutes[minutes.length - 1].minute - first) / 60_000 + 1;
  const minutesPerBar = Math.max(1, Math.ceil(span / MAX_BARS));
  const bars: MinuteBar[] = Array.from({ length: Math.ceil(span / minutesPerBar) }, (_, i) => ({ start: first + i * minutesPerBar * 60_000, units: 0 }));
  for (const m of minutes) bars[Math.floor((m.minute - first) / 60_000 / minutesPerBar)].units += m.units;
  return { bars, minutesPerBar };
}

/** Units sold per minute over the show, as bars on a time axis. */
export function unitsPerMinuteSvg(minutes: MinuteSales[], words: ReportWords, fmt: ReportFormat): string {
  const { bars, minutesPerBar } = minuteBars(minutes);
  if (bars.length === 0) return `<p class="none">${words.html('none.sales')}</p>`;
  const height = 220;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const max = niceMax(Math.max(...bars.map((b) => b.units)));
  const step = plotW / bars.length;
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const time = new Intl.DateTimeFormat(fmt.locale, { hour: '2-digit', minute: '2-digit' });
  const rects = bars
    .filter((b) => b.units > 0)
    .map((b) => {
      const i = (b.start - bars[0].start) / 60_000 / minutesPerBar;
      return `<rect x="${f(PAD.left + i * step + step * 0.1)}" y="${f(y(b.units))}" width="${f(Math.max(step * 0.8, 0.8))}" height="${f(PAD.top + plotH - y(b.units))}"/>`;
    })
    .join('');
  const yTicks = [0, max / 2, max]
    .map((v) => `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${f(y(v))}" y2="${f(y(v))}" class="grid"/><text x="${PAD.left - 6}" y="${f(y(v) + 4)}" text-anchor="end">${escapeHtml(fmt.number(v))}</text>`)
    .join('');
  const labelEvery = Math.max(1, Math.ceil(bars.length / 8));
  const xTicks = bars
    .map((b, i) => (i % labelEvery === 0 ? `<text x="${f(PAD.left + i * step + step / 2)}" y="${height - 10}" text-anchor="middle">${escapeHtml(time.format(b.start))}</text>` : ''))
    .join('');
  // "Per minute" and "per 3 minutes" are different phrases in most languages, not a number swapped in.
  const title = minutesPerBar === 1 ? words.text('chart.unitsSold') : words.text('chart.unitsSoldEvery', { count: minutesPerBar });
  const axis = minutesPerBar === 1 ? words.html('chart.axis') : words.html('chart.axisEvery', { count: minutesPerBar });
  return svg(height, title, `${yTicks}<g class="bars">${rects}</g>${xTicks}<text x="12" y="${PAD.top + plotH / 2}" transform="rotate(-90 12 ${PAD.top + plotH / 2})" text-anchor="middle">${axis}</text>`);
}

/** Units per product, best sellers first, as horizontal bars labelled with the title. */
export function unitsPerProductSvg(products: { title: string; units: number }[], words: ReportWords, fmt: ReportFormat, limit = 15): string {
  const shown = products.filter((p) => p.units > 0).sort((a, b) => b.units - a.units).slice(0, limit);
  if (shown.length === 0) return `<p class="none">${words.html('none.sales')}</p>`;
  const row = 22;
  const labelW = 260;
  const height = PAD.top + shown.length * row + 8;
  const max = Math.max(...shown.map((p) => p.units));
  const barW = (units: number) => ((WIDTH - labelW - PAD.right - 50) * units) / max;
  const rows = shown
    .map((p, i) => {
      const top = PAD.top + i * row;
      return (
        `<text x="${labelW - 8}" y="${top + 15}" text-anchor="end">${escapeHtml(shorten(p.title, 42))}</text>` +
        `<rect x="${labelW}" y="${top + 3}" width="${f(barW(p.units))}" height="${row - 8}"/>` +
        `<text x="${f(labelW + barW(p.units) + 6)}" y="${top + 15}">${escapeHtml(fmt.number(p.units))}</text>`
      );
    })
    .join('');
  return svg(height, words.text('chart.unitsPerProduct'), `<g class="bars">${rows}</g>`);
}

function svg(height: number, title: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>${body}</svg>`;
}

/** A round axis top: 1, 2, 5 × 10ⁿ, and never below 1. */
function niceMax(v: number): number {
  if (v <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 5, 10].map((m) => m * magnitude).find((m) => m >= v)!;
}

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

const f = (n: number) => String(Math.round(n * 10) / 10);
