import { formatPrice, pickText } from '@shared/locale-text';
import type { Product } from '@shared/product';
import type { ShowLocale } from '@shared/locale';
import { t } from '../i18n/desk-text';

/** `4:07`, `1:02:09`. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return `${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** How the operator reads a product: in the chosen show locale, falling back to the show's first. */
export function productLabel(product: Product | null, locale: ShowLocale | undefined, locales: ShowLocale[]) {
  if (!product) return { title: t('product.missing'), price: '', pitch: '', missingTitle: true };
  const lang = locale?.locale ?? 'en';
  const fallbacks = [locales[0]?.locale, 'en'].filter((l): l is string => !!l);
  const title = pickText(product.title, lang, fallbacks);
  const amount = locale ? product.price[locale.currency] : undefined;
  return {
    title: title.text || product.id,
    price: amount !== undefined && locale ? safePrice(amount, locale) : '',
    pitch: pickText(product.pitch, lang, fallbacks).text,
    /** The title is not in this locale's language: the overlay would fall back. */
    missingTitle: !title.from || title.from.split('-')[0] !== lang.split('-')[0]
  };
}

function safePrice(amount: number, locale: ShowLocale): string {
  try {
    return formatPrice(amount, locale.currency, locale.locale);
  } catch {
    return `${amount} ${locale.currency}`;
  }
}

/**
 * Intl formatters are costly to build and the sales column formats on every live change during a
 * show: one per locale and options, kept.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

/** An amount in the operator's locale (`1 234,50 €`); an unknown currency code still reads. */
export function formatMoney(amount: number, currency: string, locale: string): string {
  try {
    return numberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/**
 * Revenue in every currency it came in, never added up (there is no exchange rate here), in the
 * order of the show's audiences, then any other currency alphabetically.
 */
export function formatRevenue(revenue: Record<string, number>, locale: string, showCurrencies: string[] = []): string[] {
  const rank = (c: string) => (showCurrencies.includes(c) ? showCurrencies.indexOf(c) : showCurrencies.length);
  return Object.entries(revenue)
    .filter(([, amount]) => amount !== 0)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([currency, amount]) => formatMoney(amount, currency, locale));
}

export function formatCount(n: number, locale: string): string {
  return numberFormat(locale).format(n);
}

/** `15 %` in German and French, `15%` in English: the locale decides. */
export function formatPercent(fraction: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** "Ana, Piotr and Ola" in the operator's language. */
export function formatList(items: string[], locale: string): string {
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/**
 * `14:03:27` in the operator's locale (its digits and separators), always on the 24-hour clock: a
 * studio runs on broadcast time, and an "08:43 PM" among 24-hour times is the mix-up to avoid.
 */
export function formatClock(at: number, locale: string): string {
  let clock = clocks.get(locale);
  if (!clock) clocks.set(locale, (clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })));
  return clock.format(at);
}
