// Locale formatting without the schemas, so pages that only display (control room, overlays)
// do not carry the validation library.

export interface LocalizedPick {
  text: string;
  /** The key the text came from; differs from the asked locale when it fell back. */
  from: string | null;
}

/**
 * Picks localized text: the exact locale (`pl-PL`), then its language (`pl`), then any other locale
 * of that language, then the fallbacks in order (the show's default language, then English).
 */
export function pickText(text: Record<string, string>, locale: string, fallbacks: readonly string[] = ['en']): LocalizedPick {
  // The locale may come from a query string: only the text's own keys count, never inherited names.
  const at = (key: string) => (Object.hasOwn(text, key) ? text[key] : undefined);
  for (const want of [locale, ...fallbacks]) {
    const exact = at(want);
    if (exact) return { text: exact, from: want };
    const lang = want.split('-')[0];
    const ofLang = at(lang);
    if (ofLang) return { text: ofLang, from: lang };
    const sibling = Object.keys(text).find((k) => k.split('-')[0] === lang && text[k]);
    if (sibling) return { text: text[sibling], from: sibling };
  }
  const any = Object.keys(text).find((k) => text[k]);
  return any ? { text: text[any], from: any } : { text: '', from: null };
}

/**
 * Text as one audience may read it: its locale (`fr-FR`), its language (`fr`, or another `fr-…`),
 * then only the show's base language. Never any other language: a French viewer is not shown the
 * Polish pitch because it happens to exist. Empty (`from: null`) when neither has it.
 */
export function pickAudienceText(text: Record<string, string>, locale: string, baseLanguage: string): LocalizedPick {
  // The locale may come from an overlay's address: `constructor` is no language of the text.
  const at = (key: string) => (Object.hasOwn(text, key) ? text[key] : '');
  for (const want of [locale, baseLanguage]) {
    if (at(want)) return { text: at(want), from: want };
    const lang = want.split('-')[0];
    if (at(lang)) return { text: at(lang), from: lang };
    const sibling = Object.keys(text).find((k) => k.split('-')[0] === lang && text[k]);
    if (sibling) return { text: text[sibling], from: sibling };
  }
  return { text: '', from: null };
}

/** `19,99 zł` in pl-PL, `19,99 €` in de-DE, `£19.99` in en-GB; whole amounts without decimals (`1 890 ₽`). */
export function formatPrice(amount: number, currency: string, locale: string, withMinorUnits = !Number.isInteger(amount)): string {
  return priceFormat(currency, locale, withMinorUnits).format(amount);
}

/**
 * Making an `Intl.NumberFormat` costs about 300 times what formatting with one does (≈0.1 ms), and
 * a pin formats a dozen prices per OBS and overlay: keep them. A show has a handful of audiences;
 * the bound only stops addresses with made-up locales from growing the cache.
 */
const priceFormats = new Map<string, Intl.NumberFormat>();
function priceFormat(currency: string, locale: string, withMinorUnits: boolean): Intl.NumberFormat {
  const key = `${locale}|${currency}|${withMinorUnits ? 1 : 0}`;
  let format = priceFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, ...(!withMinorUnits && { minimumFractionDigits: 0, maximumFractionDigits: 0 }) });
    if (priceFormats.size >= 256) priceFormats.clear();
    priceFormats.set(key, format);
  }
  return format;
}

/**
 * Prices shown together (a card's price, was-price and 30-day lowest) in one format: when any of
 * them has minor units, all show them (`109,00 zł` beside `119,99 zł`, never `109 zł`).
 */
export function formatPricesAlike(amounts: readonly (number | undefined)[], currency: string, locale: string): string[] {
  const withMinorUnits = amounts.some((a) => a !== undefined && !Number.isInteger(a));
  return amounts.map((a) => (a === undefined ? '' : formatPrice(a, currency, locale, withMinorUnits)));
}
