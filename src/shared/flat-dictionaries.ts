import i18next, { type i18n } from 'i18next';

/** One language's words: flat keys ("tray.next", "col.product") to i18next templates with plural keys. */
export type FlatDictionary = Record<string, string>;

/**
 * An i18next instance over flat dictionaries, the same for the desk, the printed reports and the
 * desktop shell: English is the fallback, a dot is part of a key's name (not a path), and nothing is
 * escaped here because each reader escapes for where its words go (React text, HTML, native menus).
 */
export function flatDictionaries(dictionaries: Record<string, FlatDictionary>): i18n {
  const words = i18next.createInstance();
  void words.init({
    resources: Object.fromEntries(Object.entries(dictionaries).map(([lang, dict]) => [lang, { translation: dict }])),
    lng: 'en',
    fallbackLng: 'en',
    initAsync: false,
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false
  });
  return words;
}
