import { dayStart } from '@shared/timing-start';

const formats = new Map<string, Intl.DateTimeFormat>();
/** One formatter per locale and shape: the clock bar formats four times a second. */
function format(locale: string, shape: 'time' | 'day' | 'dayTime'): Intl.DateTimeFormat {
  const key = `${locale}|${shape}`;
  let found = formats.get(key);
  if (!found) {
    const day: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
    const time: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
    formats.set(key, (found = new Intl.DateTimeFormat(locale, shape === 'time' ? time : shape === 'day' ? day : { ...day, ...time })));
  }
  return found;
}

/**
 * A planned start or an expected end as the producer reads it, in the desk's locale and its own
 * hour cycle (`19:30` in Polish or British English, `7:30 PM` in American English, never AM/PM among
 * 24-hour times): the time alone today, with the day otherwise.
 */
export function formatPlanTime(at: number, now: number, locale: string): string {
  return format(locale, dayStart(at) === dayStart(now) ? 'time' : 'dayTime').format(at);
}

/** A time of day as the locale writes it, for the time field (`19:30`, `7:30 PM`). */
export function formatTimeOfDay(at: number, locale: string): string {
  return format(locale, 'time').format(at);
}

/** A day for the day picker: `Thu 3 Dec` in the desk's locale. */
export function formatDay(day: number, locale: string): string {
  return format(locale, 'day').format(day);
}
