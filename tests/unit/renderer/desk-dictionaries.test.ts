import { afterEach, describe, expect, it } from 'vitest';
import { chooseDeskLanguage, DESK_DICTIONARIES, DESK_LANGUAGES, operatorLocaleFor, setDeskLanguage, t } from '../../../src/renderer/src/i18n/desk-text';

const en = DESK_DICTIONARIES.en;
const PLURAL = /_(zero|one|two|few|many|other)$/;
const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
/** Every key a language must have: the plain ones as in English, the plural ones in each of its CLDR forms. */
function expectedKeys(lang: string): string[] {
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  const out = new Set<string>();
  for (const key of Object.keys(en)) {
    if (PLURAL.test(key)) for (const c of categories) out.add(`${key.replace(PLURAL, '')}_${c}`);
    else out.add(key);
  }
  return [...out].sort();
}

afterEach(() => setDeskLanguage('en', 'en-GB'));

describe('the desk dictionaries', () => {
  it('speaks English, Polish, German, French, Spanish, Italian, Russian and Ukrainian, each with the picker naming it in itself', () => {
    expect(Object.keys(DESK_DICTIONARIES).sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'pl', 'ru', 'uk']);
    expect(DESK_LANGUAGES.map((l) => l.name)).toEqual(['English', 'Polski', 'Deutsch', 'Français', 'Español', 'Italiano', 'Русский', 'Українська']);
  });

  it.each(Object.keys(DESK_DICTIONARIES))('%s has every key, every plural form its language needs, nothing more', (lang) => {
    expect(Object.keys(DESK_DICTIONARIES[lang]).sort()).toEqual(expectedKeys(lang));
  });

  it.each(Object.keys(DESK_DICTIONARIES))('%s fills in the same values as English (no {{count}} lost, none invented) and leaves nothing empty', (lang) => {
    const dict = DESK_DICTIONARIES[lang];
    const wrong = Object.entries(dict)
      .filter(([key, text]) => {
        const english = en[key] ?? en[`${key.replace(PLURAL, '')}_other`];
        // A plural form may leave the number out ("Została jedna"), never add a value English lacks.
        const mine = vars(text).filter((v) => v !== 'count');
        const theirs = vars(english).filter((v) => v !== 'count');
        return text.trim() === '' || JSON.stringify(mine) !== JSON.stringify(theirs);
      })
      .map(([key]) => key);
    expect(wrong).toEqual([]);
  });

  it('counts in Polish with all its forms: 1 pozycja, 3 pozycje, 5 pozycji, 22 pozycje', () => {
    setDeskLanguage('pl', 'pl-PL');
    expect([1, 3, 5, 22].map((count) => t('rundown.count', { count }))).toEqual(['1 pozycja', '3 pozycje', '5 pozycji', '22 pozycje']);
    setDeskLanguage('ru', 'ru-RU');
    expect([1, 3, 5, 21].map((count) => t('catalogue.count', { count, formatted: String(count) }))).toEqual(['1 товар', '3 товара', '5 товаров', '21 товар']);
  });

  it('follows the browser unless the operator picked a language on this device, and falls back to English', () => {
    expect(chooseDeskLanguage(['de-AT', 'en'], null)).toBe('de');
    expect(chooseDeskLanguage(['cs-CZ', 'uk-UA'], null)).toBe('uk');
    expect(chooseDeskLanguage(['ja-JP'], null)).toBe('en');
    expect(chooseDeskLanguage(['de-AT'], 'pl')).toBe('pl');
    expect(chooseDeskLanguage(['de-AT'], 'xx')).toBe('de');
  });

  it('writes numbers and times in the browser’s own variant of the language, else its home region (24-hour English)', () => {
    expect(operatorLocaleFor('de', ['de-AT', 'en-US'])).toBe('de-AT');
    expect(operatorLocaleFor('en', ['pl-PL'])).toBe('en-GB');
    expect(new Intl.DateTimeFormat(operatorLocaleFor('en', ['pl-PL']), { hour: '2-digit', minute: '2-digit' }).format(new Date(2026, 0, 1, 21, 5))).toBe('21:05');
  });
});

describe('times on the desk', () => {
  it('read on the 24-hour clock in every locale, American English too, with the locale’s own separators', async () => {
    const { formatClock } = await import('../../../src/renderer/src/lib/format');
    const at = new Date(2026, 0, 1, 21, 5, 9).getTime();
    expect(formatClock(at, 'en-US')).toBe('21:05:09');
    expect(formatClock(at, 'pl-PL')).toBe('21:05:09');
    expect(formatClock(at, 'fi-FI')).toBe('21.05.09');
  });
});
