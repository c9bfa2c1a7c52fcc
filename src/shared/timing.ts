/**
 * The show's clock, as pure arithmetic on journaled times: planned slot lengths, time on air, what
 * is left, over/under and the expected end. The studio, the control room and the host's monitor all
 * compute with these, so every face agrees to the second.
 */

/** A slot's planned length in whole seconds, 10 s to 10 h (the schema is in commands.ts: pages here carry no zod). */
export const PLANNED_SECONDS = { min: 10, max: 36_000 } as const;

/** A show's planned total to spread, in whole seconds (up to a week: several days of shows planned at once). */
export const SPREAD_TOTAL_SECONDS = { min: PLANNED_SECONDS.min, max: 7 * 24 * 3600 } as const;

/** How many seconds before an automatic advance the operator and the host are warned. */
export const ADVANCE_WARNING_SECONDS = 10;

/** The show's plan: when it should start, and whether the studio moves on by itself. */
export interface ShowPlan {
  /** Epoch ms, or null when no start time is planned. */
  startsAt: number | null;
  /** When a slot is up, the studio pins the next item itself (items may override it). */
  autoAdvance: boolean;
}

export const NO_PLAN: ShowPlan = { startsAt: null, autoAdvance: false };

/** `ShowView.timing`: null where nothing is planned. */
export interface ShowTiming {
  onAirSeconds: number | null;
  itemRemainingSeconds: number | null;
  plannedTotalSeconds: number | null;
  /** > 0: behind plan by that many seconds; < 0: ahead. */
  overUnderSeconds: number | null;
  expectedEndAt: number | null;
}

/** What the clock needs of a rundown item. */
export interface TimedItem {
  id: string;
  plannedSeconds?: number | null;
  /** Overrides the show's auto-advance for this item; null or absent: the show's setting. */
  autoAdvance?: boolean | null;
  /** Time on air in slots that ended, ms. */
  airedMs?: number;
}

export interface TimedShow {
  rundown: readonly TimedItem[];
  onAir: { itemId: string; since: number } | null;
  lastOnAirItemId: string | null;
  plan: ShowPlan;
}

/**
 * Reads what an operator types for a slot length: `3m`, `90s`, `1:30`, `1h 5m`, `2m30s`, `1:02:03`
 * or a bare number of seconds. Null when it is not a length.
 */
export function parseDuration(input: string): number | null {
  const text = input.trim().toLowerCase().replace(/,/g, '.');
  if (text === '') return null;
  const clock = /^(\d+):([0-5]?\d)(?::([0-5]?\d))?$/.exec(text);
  if (clock) {
    const [a, b, c] = [Number(clock[1]), Number(clock[2]), clock[3] === undefined ? null : Number(clock[3])];
    return c === null ? a * 60 + b : a * 3600 + b * 60 + c;
  }
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text));
  const parts = /^(?:(\d+(?:\.\d+)?)\s*h)?\s*(?:(\d+(?:\.\d+)?)\s*m(?:in)?)?\s*(?:(\d+(?:\.\d+)?)\s*s(?:ec)?)?$/.exec(text);
  if (!parts || (parts[1] === undefined && parts[2] === undefined && parts[3] === undefined)) return null;
  const seconds = Number(parts[1] ?? 0) * 3600 + Number(parts[2] ?? 0) * 60 + Number(parts[3] ?? 0);
  return Math.round(seconds);
}

/** `3:05`, `1:02:03`, `-0:12`: a length or a remaining time as a clock shows it. */
export function formatDuration(seconds: number): string {
  const sign = seconds < 0 ? '-' : '';
  const total = Math.abs(Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${sign}${h}:${pad(m)}:${pad(s)}` : `${sign}${m}:${pad(s)}`;
}

/** Splits a total evenly over `count` slots, in whole seconds, the remainder going to the first ones. */
export function spreadEvenly(totalSeconds: number, count: number): number[] {
  if (count <= 0) return [];
  const base = Math.floor(totalSeconds / count);
  const rest = totalSeconds - base * count;
  return Array.from({ length: count }, (_, i) => base + (i < rest ? 1 : 0));
}

/** Whether the studio advances from this item by itself when its slot is up. */
export function advancesAutomatically(item: TimedItem, plan: ShowPlan): boolean {
  return (item.autoAdvance ?? plan.autoAdvance) && typeof item.plannedSeconds === 'number';
}

/** The item's total time on air so far, in seconds (ended slots plus the running one). */
export function airedSeconds(item: TimedItem, onAir: TimedShow['onAir'], now: number): number {
  const running = onAir?.itemId === item.id ? Math.max(0, now - onAir.since) : 0;
  return Math.floor(((item.airedMs ?? 0) + running) / 1000);
}

/** Where the show is in its rundown: the item on air, else the one last on air, else before the start (-1). */
function position(show: TimedShow): number {
  const id = show.onAir?.itemId ?? show.lastOnAirItemId;
  return id === null ? -1 : show.rundown.findIndex((i) => i.id === id);
}

export function showTiming(show: TimedShow, now: number): ShowTiming {
  const planned = show.rundown.filter((i) => typeof i.plannedSeconds === 'number');
  const plannedTotalSeconds = planned.length ? planned.reduce((sum, i) => sum + (i.plannedSeconds as number), 0) : null;
  const current = show.onAir ? show.rundown.find((i) => i.id === show.onAir!.itemId) : undefined;
  const onAirSeconds = show.onAir ? Math.max(0, Math.floor((now - show.onAir.since) / 1000)) : null;
  const currentPlan = current?.plannedSeconds ?? null;
  const itemRemainingSeconds = currentPlan !== null && onAirSeconds !== null ? currentPlan - Math.floor((now - show.onAir!.since) / 1000) : null;
  if (plannedTotalSeconds === null) return { onAirSeconds, itemRemainingSeconds, plannedTotalSeconds, overUnderSeconds: null, expectedEndAt: null };

  const at = position(show);
  const after = show.rundown.slice(at + 1).reduce((sum, i) => sum + (i.plannedSeconds ?? 0), 0);
  const started = at >= 0;
  const startFrom = started || show.plan.startsAt === null ? now : Math.max(now, show.plan.startsAt);
  const left = show.onAir ? Math.max(0, (currentPlan ?? 0) * 1000 - (now - show.onAir.since)) : 0;
  const expectedEndAt = startFrom + left + after * 1000;

  let overUnderSeconds: number;
  if (show.plan.startsAt !== null) {
    overUnderSeconds = Math.round((expectedEndAt - (show.plan.startsAt + plannedTotalSeconds * 1000)) / 1000);
  } else {
    // Without a planned start, over/under is what the slots so far took against their plan.
    let ms = 0;
    for (const item of show.rundown.slice(0, Math.max(0, at))) if (typeof item.plannedSeconds === 'number') ms += (item.airedMs ?? 0) - item.plannedSeconds * 1000;
    if (current && show.onAir) ms += Math.max(0, now - show.onAir.since - (currentPlan ?? Infinity) * 1000);
    else if (at >= 0 && typeof show.rundown[at].plannedSeconds === 'number') ms += (show.rundown[at].airedMs ?? 0) - (show.rundown[at].plannedSeconds as number) * 1000;
    overUnderSeconds = Math.round(ms / 1000);
  }
  return { onAirSeconds, itemRemainingSeconds, plannedTotalSeconds, overUnderSeconds, expectedEndAt };
}

/** The automatic advance the show is heading for: which slot ends when (epoch ms, journaled wall time). */
export interface DueAdvance {
  itemId: string;
  since: number;
  dueAt: number;
}

/** The next advance the studio will make by itself, or null (nothing on air, held, unplanned, or the last item). */
export function dueAdvance(show: TimedShow): DueAdvance | null {
  if (!show.onAir) return null;
  const index = show.rundown.findIndex((i) => i.id === show.onAir!.itemId);
  if (index < 0 || index === show.rundown.length - 1) return null;
  const item = show.rundown[index];
  if (!advancesAutomatically(item, show.plan)) return null;
  // A re-pinned item gets its whole slot again: what the operator sees counting down is what happens.
  const dueAt = show.onAir.since + (item.plannedSeconds as number) * 1000;
  return { itemId: item.id, since: show.onAir.since, dueAt };
}

/** `ok` until the warning, `warn` in the last ten seconds, `over` once the slot is up. */
export function slotState(remainingSeconds: number | null): 'ok' | 'warn' | 'over' | 'none' {
  if (remainingSeconds === null) return 'none';
  if (remainingSeconds <= 0) return 'over';
  return remainingSeconds <= ADVANCE_WARNING_SECONDS ? 'warn' : 'ok';
}

/** What spreading a total over the rundown sets: each slot still to come and its new length. */
export type Spread =
  | { ok: true; lengths: { itemId: string; plannedSeconds: number }[]; keptSeconds: number }
  | { ok: false; reason: 'nothing_to_spread' | 'too_short' | 'too_long'; slots: number };

/**
 * Spreads the show's planned total over the slots still to come, so that the planned total is then
 * what the producer typed. A slot on air or already aired keeps its plan: its time is history, and
 * the count-down the host is watching must not jump. With `keepPlanned`, slots that already have a
 * length keep it too (the ten-minute hero product). What the kept slots plan comes off the total first.
 */
export function spreadTotal(show: Pick<TimedShow, 'rundown' | 'onAir'>, totalSeconds: number, keepPlanned: boolean): Spread {
  const done = (i: TimedItem) => i.id === show.onAir?.itemId || (i.airedMs ?? 0) > 0;
  const kept = show.rundown.filter((i) => done(i) || (keepPlanned && typeof i.plannedSeconds === 'number'));
  const open = show.rundown.filter((i) => !kept.includes(i));
  const keptSeconds = kept.reduce((sum, i) => sum + (i.plannedSeconds ?? 0), 0);
  if (open.length === 0) return { ok: false, reason: 'nothing_to_spread', slots: 0 };
  const each = spreadEvenly(totalSeconds - keptSeconds, open.length);
  if (each[each.length - 1] < PLANNED_SECONDS.min) return { ok: false, reason: 'too_short', slots: open.length };
  if (each[0] > PLANNED_SECONDS.max) return { ok: false, reason: 'too_long', slots: open.length };
  return { ok: true, lengths: open.map((i, n) => ({ itemId: i.id, plannedSeconds: each[n] })), keptSeconds };
}
