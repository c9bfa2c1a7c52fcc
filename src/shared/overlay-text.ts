import i18next, { type i18n } from 'i18next';

/** One language's reviewed overlay labels (`resources/locales/<lang>.json`), i18next plural keys. */
export type Dictionary = Record<string, string>;

/**
 * Overlay labels in the audience's language. Plural forms come from i18next (on `Intl.PluralRules`),
 * so Polish gets "Zostały 3 sztuki" and "Zostało 5 sztuk" from the dictionary, not from our code.
 */
/** Enough for every label of a show's audiences. */
const REMEMBERED_LABELS = 2000;

export class OverlayText {
  private readonly i18n: i18n;
  private readonly labels = new Map<string, string>();

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

  /**
   * A label, each worked out once: an i18next lookup with plural rules costs tens of microseconds,
   * and every OBS and every overlay asks for the same few ("Zostało 5 sztuk", "Za chwilę") on every
   * pin. The dictionaries never change after loading, so the same locale, key and values always
   * give the same label.
   */
  t(locale: string, key: string, vars: Record<string, unknown> = {}): string {
    const id = `${locale}\u0000${key}\u0000${JSON.stringify(vars)}`;
    let label = this.labels.get(id);
    if (label === undefined) {
      label = this.i18n.t(key, { ...vars, lng: locale });
      // Past this many (made-up values), the memory starts again rather than growing over a long show.
      if (this.labels.size >= REMEMBERED_LABELS) this.labels.clear();
      this.labels.set(id, label);
    }
    return label;
  }

  /** "Zostały 3 sztuki", or "Wyprzedane" at 0; empty when the shop does not track stock. */
  stockLine(locale: string, stock: number | null): string {
    if (stock === null) return '';
    return stock === 0 ? this.t(locale, 'soldOut') : this.t(locale, 'stockLeft', { count: stock });
  }
}
