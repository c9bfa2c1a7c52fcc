import i18next, { type i18n } from 'i18next';

/** One language's reviewed overlay labels (`resources/locales/<lang>.json`), i18next plural keys. */
export type Dictionary = Record<string, string>;

/**
 * Overlay labels in the audience's language. Plural forms come from i18next (on `Intl.PluralRules`),
 * so Polish gets "Zostały 3 sztuki" and "Zostało 5 sztuk" from the dictionary, not from our code.
 */
export class OverlayText {
  private readonly i18n: i18n;

  constructor(dictionaries: Record<string, Dictionary>) {
    this.i18n = i18next.createInstance();
    void this.i18n.init({
      resources: Object.fromEntries(Object.entries(dictionaries).map(([lang, dict]) => [lang, { translation: dict }])),
      lng: 'en',
      fallbackLng: 'en',
      initAsync: false,
      // The text goes into OBS text sources and React text nodes, never into HTML.
      interpolation: { escapeValue: false },
      returnNull: false
    });
  }

  t(locale: string, key: string, vars: Record<string, unknown> = {}): string {
    return this.i18n.t(key, { ...vars, lng: locale });
  }

  /** "Zostały 3 sztuki", or "Wyprzedane" at 0; empty when the shop does not track stock. */
  stockLine(locale: string, stock: number | null): string {
    if (stock === null) return '';
    return stock === 0 ? this.t(locale, 'soldOut') : this.t(locale, 'stockLeft', { count: stock });
  }
}
