/**
 * The show's planned start as a producer types it: a day and a clock time in their own locale
 * (`19:30`, `19.30`, `7:30 pm`), turned into the epoch ms the plan journals, and back.
 */

/** A clock time of day, 24-hour. */
export interface ClockTime {
  hour: number;
  minute: number;
}

/**
 * How far from now a planned start may be. A start in the past is real: the show began late and
 * the producer plans it afterwards, so the over/under counts from the real start; but a show runs
 * eight hours at most, so a start more than a day ago is the wrong day, not a late plan. A year
 * ahead covers any show announced in advance.
 */
export const PLANNED_START_WINDOW = { pastMs: 24 * 3600_000, futureMs: 366 * 24 * 3600_000 } as const;

/**
 * Reads a time of day: `19:30`, `19.30`, `19h30`, `1930`, `19`, and 12-hour `7:30 pm`, `7pm`,
 * `7:30 p.m.`. Null when it is not a time of day (`25:00`, `13 pm`, `soon`).
 */
export function parseClockTime(input: string): ClockTime | null {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  const match = /^(\d{1,2})(?:\s*[:.h]\s*(\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?)?$/.exec(text) ?? /^(\d{2})(\d{2})()$/.exec(text);
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = match[2] ? Number(match[2]) : 0;
  const period = match[3] ? match[3][0] : null;
  if (minute > 59) return null;
  if (period) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (period === 'p' ? 12 : 0);
  }
  return hour <= 23 ? { hour, minute } : null;
}

/** Midnight (local time) of the day `at` falls on, plus `days` days. */
export function dayStart(at: number, days = 0): number {
  const d = new Date(at);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days).getTime();
}

/** The epoch ms of `time` on the (local) day that starts at `day`; a daylight-saving day stays right. */
export function atClockTime(day: number, time: ClockTime): number {
  const d = new Date(day);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate(), time.hour, time.minute).getTime();
}

/** Why a planned start cannot be taken, or null when it can. */
export function plannedStartProblem(startsAt: number, now: number): 'too_early' | 'too_late' | null {
  if (startsAt < now - PLANNED_START_WINDOW.pastMs) return 'too_early';
  if (startsAt > now + PLANNED_START_WINDOW.futureMs) return 'too_late';
  return null;
}
