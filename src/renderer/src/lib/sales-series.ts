import type { MinuteSales } from '@shared/sales';

const MINUTE = 60_000;
/** The chart shows at least this much of the show, and at most the two hours the studio keeps. */
const MIN_WINDOW_MINUTES = 30;
const MAX_WINDOW_MINUTES = 120;

/**
 * uPlot's columns for units per minute: x in seconds (uPlot's time unit), every minute of the window
 * present, quiet ones as 0, so bars sit at their true place in time.
 */
export function unitsPerMinuteSeries(perMinute: MinuteSales[], now: number): [number[], number[]] {
  // A marketplace clock a little ahead of ours still shows its latest minute.
  const last = Math.max(Math.floor(now / MINUTE) * MINUTE, perMinute.at(-1)?.minute ?? 0);
  const earliest = perMinute.length ? perMinute[0].minute : last;
  const first = Math.max(last - (MAX_WINDOW_MINUTES - 1) * MINUTE, Math.min(earliest, last - (MIN_WINDOW_MINUTES - 1) * MINUTE));
  const units = new Map(perMinute.map((m) => [m.minute, m.units]));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let minute = first; minute <= last; minute += MINUTE) {
    xs.push(minute / 1000);
    ys.push(units.get(minute) ?? 0);
  }
  return [xs, ys];
}
