import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProductPatch } from '../../../src/shared/product';
import { ShowLocale } from '../../../src/shared/locale';
import { parseCatalogue } from '../../../src/main/show/catalogue-import';

const catalogue = JSON.parse(readFileSync('resources/demo/catalogue.json', 'utf8')) as ProductPatch[];
const show = JSON.parse(readFileSync('resources/demo/show.json', 'utf8')) as { title: string; locales: ShowLocale[]; rundown: string[] };
const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pl', 'ru'];
const CURRENCIES = ['EUR', 'PLN', 'GBP', 'RUB'];

describe('the bundled demo show', () => {
  it('has at least 40 valid products with unique ids, and imports without a rejected row', () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(40);
    expect(new Set(catalogue.map((p) => p.id)).size).toBe(catalogue.length);
    for (const p of catalogue) expect(ProductPatch.safeParse(p).success).toBe(true);
    expect(parseCatalogue(catalogue, 'json').rejected).toEqual([]);
  });

  it('gives every product a title and a pitch in seven languages and a price in four currencies', () => {
    for (const p of catalogue) {
      for (const lang of LANGUAGES) {
        expect(p.title?.[lang], `${p.id} title ${lang}`).toBeTruthy();
        expect(p.pitch?.[lang], `${p.id} pitch ${lang}`).toBeTruthy();
      }
      for (const cur of CURRENCIES) expect(p.price?.[cur], `${p.id} ${cur}`).toBeGreaterThan(0);
    }
  });

  it('has sold-out and low-stock products, and discounts with a higher was-price', () => {
    expect(catalogue.filter((p) => p.stock === 0).length).toBeGreaterThanOrEqual(1);
    expect(catalogue.some((p) => typeof p.stock === 'number' && p.stock > 0 && p.stock <= 5)).toBe(true);
    for (const p of catalogue.filter((x) => Object.keys(x.compareAt ?? {}).length)) {
      for (const cur of CURRENCIES) expect(p.compareAt![cur], `${p.id} ${cur}`).toBeGreaterThan(p.price![cur]);
    }
  });

  it('ships a PNG image for every product', () => {
    for (const p of catalogue) {
      const file = `resources/demo/images/${p.id}.png`;
      expect(p.image).toBe(`/media/demo/${p.id}.png`);
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    }
  });

  it('has a ready rundown of catalogue products and audiences priced in currencies every product has', () => {
    const ids = new Set(catalogue.map((p) => p.id));
    expect(show.rundown.length).toBeGreaterThan(5);
    for (const id of show.rundown) expect(ids.has(id), id).toBe(true);
    expect(show.rundown.some((id) => catalogue.find((p) => p.id === id)!.stock === 0)).toBe(true);
    for (const l of show.locales) {
      expect(ShowLocale.safeParse(l).success).toBe(true);
      for (const p of catalogue) expect(p.price?.[l.currency], `${p.id} ${l.currency}`).toBeDefined();
    }
  });
});
