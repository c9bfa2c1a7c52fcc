import { describe, expect, it } from 'vitest';
import { CatalogueFormatError, normalizeLocaleKey, parseAmount, parseCatalogue } from '../../../../src/main/show/catalogue-import';

const csv = (...lines: string[]) => lines.join('\n');

describe('CSV catalogue import', () => {
  it('reads localized columns and prices per currency from a spreadsheet export', () => {
    const { products, rejected } = parseCatalogue(
      csv('id,title:en,title:pl,pitch:de,price:EUR,price:PLN,compareAt:EUR,stock,image', 'lav-01,Lavender trousers,Spodnie lawendowe,Weich und leicht,19.99,84.99,29.99,12,https://x/lav.jpg'),
      'csv'
    );
    expect(rejected).toEqual([]);
    expect(products).toEqual([
      {
        id: 'lav-01',
        title: { en: 'Lavender trousers', pl: 'Spodnie lawendowe' },
        pitch: { de: 'Weich und leicht' },
        price: { EUR: 19.99, PLN: 84.99 },
        compareAt: { EUR: 29.99 },
        stock: 12,
        image: 'https://x/lav.jpg'
      }
    ]);
  });

  it('reports a broken row by its spreadsheet row number, naming the column, and imports the rest', () => {
    const { products, rejected } = parseCatalogue(csv('id,title:en,price:EUR,stock', 'a,A,1.00,1', 'b,B,abc,1', 'c,C,2.00,-3', 'd,D,3.00,2'), 'csv');
    expect(products.map((p) => p.id)).toEqual(['a', 'd']);
    expect(rejected).toEqual([
      { row: 3, message: 'price:EUR: "abc" is not a price' },
      { row: 4, message: 'stock: "-3" is not a whole number of units' }
    ]);
  });

  it('lists every problem of a broken row, not only the first', () => {
    const { products, rejected } = parseCatalogue(csv('id,title:en,price:EUR,price:PLN,stock', 'a,A,abc,zz,-3', 'b,B,1.00,4.00,2'), 'csv');
    expect(products.map((p) => p.id)).toEqual(['b']);
    expect(rejected).toEqual([{ row: 2, message: 'price:EUR: "abc" is not a price; price:PLN: "zz" is not a price; stock: "-3" is not a whole number of units' }]);
  });

  it('treats an empty cell as not given, so a partial sheet never erases data', () => {
    const { products } = parseCatalogue(csv('id,title:en,title:de,stock,image', 'a,,Hose,,'), 'csv');
    expect(products).toEqual([{ id: 'a', title: { de: 'Hose' } }]);
  });

  it('accepts semicolon-separated sheets with decimal commas, as European Excel writes them', () => {
    const { products } = parseCatalogue(csv('id;title:pl;price:PLN', 'a;"Kubek; duży";"1 234,50"'), 'csv');
    expect(products).toEqual([{ id: 'a', title: { pl: 'Kubek; duży' }, price: { PLN: 1234.5 } }]);
  });

  it('counts rows as a spreadsheet does even with blank lines and quoted line breaks', () => {
    const { rejected } = parseCatalogue(csv('id,title:en,price:EUR', 'a,"two', 'lines",1', '', 'b,B,x'), 'csv');
    expect(rejected).toEqual([{ row: 4, message: 'price:EUR: "x" is not a price' }]);
  });

  it('rejects a row without an id or with an invalid id, and one with too many cells', () => {
    const { rejected } = parseCatalogue(csv('id,title:en', ',Nameless', 'bad id,Spaces', 'a,A,extra'), 'csv');
    expect(rejected.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(rejected[0].message).toBe('id is empty');
    expect(rejected[1].message).toMatch(/^id: /);
    expect(rejected[2].message).toMatch(/3 cells/);
  });

  it('normalizes locale keys and currency codes typed in any case', () => {
    const { products } = parseCatalogue(csv('id,Title:PL_pl,price:eur', 'a,Kubek,2'), 'csv');
    expect(products).toEqual([{ id: 'a', title: { 'pl-PL': 'Kubek' }, price: { EUR: 2 } }]);
  });

  it('refuses an upload with an unknown column or no id column, naming the column', () => {
    expect(() => parseCatalogue(csv('id,titel:de', 'a,Hose'), 'csv')).toThrow(/unknown column "titel:de"/);
    expect(() => parseCatalogue(csv('title:en', 'Hose'), 'csv')).toThrow(/no "id" column/);
    expect(() => parseCatalogue('', 'csv')).toThrow(CatalogueFormatError);
  });

  it('keeps markup in a title as plain text', () => {
    const { products } = parseCatalogue(csv('id,title:en', 'x,<script>alert(1)</script>'), 'csv');
    expect(products[0].title).toEqual({ en: '<script>alert(1)</script>' });
  });
});

describe('JSON catalogue import', () => {
  it('reports an invalid product by its position and imports the others', () => {
    const { products, rejected } = parseCatalogue([{ id: 'a', price: { EUR: 1 } }, { id: 'b', price: { EUR: -1 } }, { title: { en: 'no id' } }], 'json');
    expect(products.map((p) => p.id)).toEqual(['a']);
    expect(rejected.map((r) => r.row)).toEqual([2, 3]);
    expect(rejected[0].message).toMatch(/price\.EUR/);
  });

  it('accepts prices written as strings and locale keys in any case', () => {
    const { products } = parseCatalogue([{ id: 'a', title: { PL: 'Kubek' }, price: { pln: '32,50' } }], 'json');
    expect(products).toEqual([{ id: 'a', title: { pl: 'Kubek' }, price: { PLN: 32.5 } }]);
  });

  it('refuses something that is not an array of products', () => {
    expect(() => parseCatalogue({ not: 'an array' }, 'json')).toThrow(CatalogueFormatError);
    expect(() => parseCatalogue('{oops', 'json')).toThrow(/not valid JSON/);
  });
});

describe('amounts and locale keys', () => {
  it.each([
    ['19.99', 19.99],
    ['19,99', 19.99],
    ['1 890', 1890],
    ['1.890,50', 1890.5],
    ['1,890.50', 1890.5],
    ['€ 19,99', 19.99],
    ['84,99 zł', 84.99],
    ['abc', null],
    ['1.2.3', null]
  ])('reads %s as %s', (raw, expected) => {
    expect(parseAmount(raw)).toBe(expected);
  });

  it('writes locale keys as language-REGION', () => {
    expect(normalizeLocaleKey('PL_pl')).toBe('pl-PL');
    expect(normalizeLocaleKey('de')).toBe('de');
  });
});
