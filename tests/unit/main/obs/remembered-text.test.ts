import { describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { OverlayText } from '../../../../src/shared/overlay-text';
import { loadDictionaries } from '../../../../src/main/locales';
import { rememberedText } from '../../../../src/main/obs/remembered-text';

const dictionaries = loadDictionaries(join(__dirname, '../../../../resources/locales'));

describe('labels remembered for OBS', () => {
  it('say exactly what the dictionaries say, plural forms and values included', () => {
    const text = new OverlayText(dictionaries);
    const remembered = rememberedText(text);
    for (const count of [0, 1, 2, 5, 22, 25]) {
      expect(remembered.stockLine('pl-PL', count)).toBe(text.stockLine('pl-PL', count));
      expect(remembered.stockLine('ru-RU', count)).toBe(text.stockLine('ru-RU', count));
    }
    expect(remembered.stockLine('pl-PL', 3)).toBe('Zostały 3 sztuki');
    expect(remembered.t('de-DE', 'was', { price: '24,99 €' })).toBe(text.t('de-DE', 'was', { price: '24,99 €' }));
    expect(remembered.t('pl-PL', 'was', { price: '12 zł' })).not.toBe(remembered.t('pl-PL', 'was', { price: '13 zł' }));
  });

  it('ask i18next once for the same locale, key and values, however many OBS and pins ask again', () => {
    const text = new OverlayText(dictionaries);
    const lookup = vi.spyOn(text, 't');
    const remembered = rememberedText(text);
    for (let pin = 0; pin < 5; pin++) remembered.stockLine('pl-PL', 5);
    expect(lookup).toHaveBeenCalledTimes(1);
    remembered.stockLine('en-GB', 5);
    expect(lookup).toHaveBeenCalledTimes(2);
  });
});
