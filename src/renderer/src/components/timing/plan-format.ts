import { dayStart } from '@shared/timing-start';

/**
 * A planned start as the producer reads it, in the desk's locale and its own hour cycle (`19:30` in
 * Polish or British English, `7:30 PM` in American English): the time alone today, with the day otherwise.
 */
export function formatStart(at: number, now: number, locale: string): string {
  const sameDay = dayStart(at) === dayStart(now);
  const options: Intl.DateTimeFormatOptions = sameDay ? { hour: 'numeric', minute: '2-digit' } : { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' };
  return new Intl.DateTimeFormat(locale, options).format(at);
}

/** A time of day as the locale writes it, for the time field (`19:30`, `7:30 PM`). */
export function formatTimeOfDay(at: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(at);
}

/** A day for the day picker: `Thu 3 Dec` in the desk's locale. */
export function formatDay(day: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short' }).format(day);
}
