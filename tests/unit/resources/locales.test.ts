import { describe, expect, it } from 'vitest';
import { loadDictionaries } from '../../../src/main/locales';
import { OverlayText } from '../../../src/shared/overlay-text';

const dictionaries = loadDictionaries('resources/locales');
const REQUIRED = ['en', 'de', 'fr', 'es', 'it', 'pl', 'ru', 'uk', 'nl', 'pt', 'cs', 'sv'];
const baseKeys = (dict: Record<string, string>) => new Set(Object.keys(dict).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')));
const PLURAL_KEYS = ['stockLeft', 'orders', 'sold'];

describe('the overlay dictionaries', () => {
  it('cover the twelve languages the overlays promise', () => {
    for (const lang of REQUIRED) expect(Object.keys(dictionaries), lang).toContain(lang);
  });

  it('give every language every label English has', () => {
    const keys = baseKeys(dictionaries.en);
    for (const [lang, dict] of Object.entries(dictionaries)) expect([...baseKeys(dict)].sort(), lang).toEqual([...keys].sort());
  });

  it('give every counted label each plural form the language has', () => {
    for (const [lang, dict] of Object.entries(dictionaries)) {
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const key of PLURAL_KEYS) for (const category of categories) expect(dict[`${key}_${category}`], `${lang} ${key}_${category}`).toBeTruthy();
    }
  });

  it.each([
    ['pl-PL', ['Została 1 sztuka', 'Zostały 2 sztuki', 'Zostało 5 sztuk', 'Zostały 22 sztuki']],
    ['ru-RU', ['Осталась 1 штука', 'Осталось 2 штуки', 'Осталось 5 штук', 'Осталось 22 штуки']],
    ['uk-UA', ['Залишилася 1 штука', 'Залишилося 2 штуки', 'Залишилося 5 штук', 'Залишилося 22 штуки']],
    ['cs-CZ', ['Zbývá 1 kus', 'Zbývají 2 kusy', 'Zbývá 5 kusů', 'Zbývá 22 kusů']],
    ['de-DE', ['Nur noch 1 Stück', 'Nur noch 2 Stück', 'Nur noch 5 Stück', 'Nur noch 22 Stück']],
    ['fr-FR', ['Plus qu’un article', 'Plus que 2 articles', 'Plus que 5 articles', 'Plus que 22 articles']]
  ])('writes the stock line in %s with the right plural form for 1, 2, 5 and 22', (locale, expected) => {
    const text = new OverlayText(dictionaries);
    expect([1, 2, 5, 22].map((n) => text.stockLine(locale, n))).toEqual(expected);
  });
});
