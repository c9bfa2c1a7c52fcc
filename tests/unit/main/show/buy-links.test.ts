import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '../../../../src/main/show/catalogue-import';
import { buyLink } from '../../../../src/shared/on-air-card';
import { mergeProduct } from '../../../../src/shared/product';

const csv = (...lines: string[]) => lines.join('\n');

describe('a buy link per market', () => {
  it('imports url:LOCALE columns as the product page of each market', () => {
    const { products, rejected } = parseCatalogue(csv('id,title:en,url:pl-PL,url:de-DE', 'lav-01,Trousers,https://shop.example/pl/lav-01,https://shop.example/de/lav-01'), 'csv');
    expect(rejected).toEqual([]);
    expect(products[0].url).toEqual({ 'pl-PL': 'https://shop.example/pl/lav-01', 'de-DE': 'https://shop.example/de/lav-01' });
  });

  it('refuses a link that is not an http(s) address, naming the row', () => {
    const { products, rejected } = parseCatalogue(csv('id,title:en,url:pl-PL', 'a,A,javascript:alert(1)', 'b,B,https://shop.example/b'), 'csv');
    expect(products.map((p) => p.id)).toEqual(['b']);
    expect(rejected).toEqual([expect.objectContaining({ row: 2, message: expect.stringContaining('http(s)') })]);
  });

  it("gives each audience its own market's link, never another market's", () => {
    const product = mergeProduct(undefined, { id: 'lav-01', url: { 'pl-PL': 'https://www.shop.example/pl/lav-01/', de: 'https://shop.example/de/lav-01' } });
    expect(buyLink(product, 'pl-PL')).toEqual({ buyUrl: 'https://www.shop.example/pl/lav-01/', buyLabel: 'shop.example/pl/lav-01' });
    expect(buyLink(product, 'de-AT').buyUrl).toBe('https://shop.example/de/lav-01');
    expect(buyLink(product, 'fr-FR').buyUrl).toBe('');
    expect(buyLink(mergeProduct(undefined, { id: 'old' }), 'pl-PL').buyUrl).toBe('');
  });

  it('keeps the links of other markets when an import gives one market a new link', () => {
    const first = mergeProduct(undefined, { id: 'lav-01', url: { 'pl-PL': 'https://a.example/pl' , 'de-DE': 'https://a.example/de' } });
    expect(mergeProduct(first, { id: 'lav-01', url: { 'pl-PL': 'https://b.example/pl' } }).url).toEqual({ 'pl-PL': 'https://b.example/pl', 'de-DE': 'https://a.example/de' });
  });
});
