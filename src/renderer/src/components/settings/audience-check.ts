import type { ShowLocale } from '@shared/locale';

const LOCALE = /^[a-z]{2,3}-[A-Z]{2}$/;
const CURRENCY = /^[A-Z]{3}$/;

/** A locale Intl knows and a currency it can write: "pl-PL" and "PLN", not "pl_pl" or "zł". */
export function audienceProblem(locale: string, currency: string, existing: ShowLocale[]): 'locale' | 'currency' | 'duplicate' | null {
  if (!LOCALE.test(locale) || Intl.DateTimeFormat.supportedLocalesOf([locale]).length === 0) return 'locale';
  if (!CURRENCY.test(currency)) return 'currency';
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency });
  } catch {
    return 'currency';
  }
  return existing.some((l) => l.locale === locale) ? 'duplicate' : null;
}
