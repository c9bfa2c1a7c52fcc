import { describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { OverlayText } from '../../../src/shared/overlay-text';
import { loadDictionaries } from '../../../src/main/locales';

const dictionaries = loadDictionaries(join(__dirname, '../../../resources/locales'));

/** i18next as the labels' source, to count how often it is asked. */
const i18nOf = (text: OverlayText) => (text as unknown as { i18n: { t: (...args: unknown[]) => string } }).i18n;

describe('overlay labels', () => {
  it('say what the dictionaries say in every plural form, each value its own label', () => {
    const text = new OverlayText(dictionaries);
    expect([1, 2, 5, 22, 25].map((n) => text.stockLine('pl-PL', n))).toEqual(['Została 1 sztuka', 'Zostały 2 sztuki', 'Zostało 5 sztuk', 'Zostały 22 sztuki', 'Zostało 25 sztuk']);
    expect(text.stockLine('pl-PL', 0)).toBe(text.t('pl-PL', 'soldOut'));
    expect(text.t('pl-PL', 'was', { price: '12 zł' })).not.toBe(text.t('pl-PL', 'was', { price: '13 zł' }));
    // Asked again, the same labels: a remembered one is the one i18next gave.
    expect(text.stockLine('pl-PL', 22)).toBe('Zostały 22 sztuki');
    expect(text.stockLine('ru-RU', 21)).not.toBe(text.stockLine('ru-RU', 22));
  });

  it('asks i18next once for the same locale, key and values, however many OBS and pins ask again', () => {
    const text = new OverlayText(dictionaries);
    const lookup = vi.spyOn(i18nOf(text), 't');
    for (let pin = 0; pin < 5; pin++) text.stockLine('pl-PL', 5);
    expect(lookup).toHaveBeenCalledTimes(1);
    text.stockLine('en-GB', 5);
    text.stockLine('pl-PL', 6);
    expect(lookup).toHaveBeenCalledTimes(3);
  });

  it('keeps at most a bounded number of labels over a long show of changing values', () => {
    const text = new OverlayText(dictionaries);
    for (let stock = 1; stock <= 10_000; stock++) text.stockLine('de-DE', stock);
    const labels = (text as unknown as { labels: Map<string, string> }).labels;
    expect(labels.size).toBeLessThanOrEqual(2000);
    expect(text.stockLine('de-DE', 7)).toBe('Nur noch 7 Stück');
  });
});
