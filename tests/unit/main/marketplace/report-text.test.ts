import { describe, expect, it } from 'vitest';
import { REPORT_DICTIONARIES, canonicalTag, chooseReportLanguage, reportWords } from '../../../../src/main/marketplace/report-text';

const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseKey = (key: string) => key.replace(PLURAL, '');
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).filter((p) => p !== 'count').sort();

describe('the report dictionaries', () => {
  const english = REPORT_DICTIONARIES.en;
  const englishBases = new Set(Object.keys(english).map(baseKey));
  const pluralBases = new Set(Object.keys(english).filter((k) => PLURAL.test(k)).map(baseKey));

  it('speak the eight desk languages', () => {
    expect(Object.keys(REPORT_DICTIONARIES).sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'pl', 'ru', 'uk']);
  });

  for (const [lang, dict] of Object.entries(REPORT_DICTIONARIES)) {
    it(`${lang} has every English word, each plural in every CLDR form its language uses, and nothing else`, () => {
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      const expected = [...englishBases].flatMap((b) => (pluralBases.has(b) ? categories.map((c) => `${b}_${c}`) : [b])).sort();
      expect(Object.keys(dict).sort()).toEqual(expected);
      for (const [key, text] of Object.entries(dict)) {
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
        // The same values filled in, so no translation drops the price or the market list.
        const englishText = english[key] ?? english[`${baseKey(key)}_other`];
        expect(placeholders(text), `${lang} ${key}`).toEqual(placeholders(englishText));
      }
    });
  }

  it('have every word translated: no non-English dictionary repeats an English sentence', () => {
    for (const [lang, dict] of Object.entries(REPORT_DICTIONARIES)) {
      if (lang === 'en') continue;
      // "Show" is the German and Italian word too (the desk says so as well); nothing else may be left in English.
      const same = Object.entries(dict).filter(([key, text]) => english[key] === text && !/^(col\.show|season\.(shows|inShows)_\w+)$/.test(key));
      expect(same, lang).toEqual([]);
    }
  });

  it('picks the Polish plural form by CLDR: 1 program, 3 programy, 5 programów', () => {
    const pl = reportWords({ lang: 'pl', locale: 'pl-PL' });
    expect([1, 3, 5, 22, 25].map((count) => pl.text('season.shows', { count }))).toEqual(['1 program', '3 programy', '5 programów', '22 programy', '25 programów']);
    const uk = reportWords({ lang: 'uk', locale: 'uk-UA' });
    expect([1, 2, 5, 21].map((count) => uk.text('season.shows', { count }))).toEqual(['1 ефір', '2 ефіри', '5 ефірів', '21 ефір']);
  });

  it('escapes a show\'s own words put into a sentence for HTML', () => {
    const en = reportWords({ lang: 'en', locale: 'en-GB' });
    expect(en.html('markets.noSales', { count: 1, markets: '<b>x</b>' })).toBe('No sales in this market: &lt;b&gt;x&lt;/b&gt;');
  });
});

describe('the report\'s language', () => {
  it('is the one the desk asks for, with its region for numbers and times, or the language\'s home region', () => {
    expect(chooseReportLanguage('pl', 'de-DE')).toEqual({ lang: 'pl', locale: 'pl-PL' });
    expect(chooseReportLanguage('de-AT', undefined)).toEqual({ lang: 'de', locale: 'de-AT' });
    expect(chooseReportLanguage('EN', undefined)).toEqual({ lang: 'en', locale: 'en-GB' });
  });

  it('follows the browser\'s Accept-Language by weight when the desk asks for none or for one the reports do not speak', () => {
    expect(chooseReportLanguage(undefined, 'ja, fr-CH;q=0.9, de;q=0.95')).toEqual({ lang: 'de', locale: 'de-DE' });
    expect(chooseReportLanguage('ja', 'ja, fr-CH;q=0.9')).toEqual({ lang: 'fr', locale: 'fr-CH' });
    expect(chooseReportLanguage(undefined, 'uk;q=0, ru')).toEqual({ lang: 'ru', locale: 'ru-RU' });
  });

  it('is English when nothing asked for is spoken, and a broken header changes nothing', () => {
    expect(chooseReportLanguage(undefined, undefined)).toEqual({ lang: 'en', locale: 'en-GB' });
    expect(chooseReportLanguage(undefined, '*')).toEqual({ lang: 'en', locale: 'en-GB' });
    expect(chooseReportLanguage(undefined, ';;,q=,__proto__;q=2,<script>')).toEqual({ lang: 'en', locale: 'en-GB' });
    expect(chooseReportLanguage('toString', 'hasOwnProperty')).toEqual({ lang: 'en', locale: 'en-GB' });
  });

  it('takes only real language tags', () => {
    expect(canonicalTag('de-at')).toBe('de-AT');
    expect(canonicalTag('<script>')).toBeNull();
    expect(canonicalTag('')).toBeNull();
    expect(canonicalTag('x'.repeat(100))).toBeNull();
  });
});
