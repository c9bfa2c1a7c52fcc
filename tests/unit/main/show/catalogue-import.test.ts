import { describe, expect, it } from 'vitest';
import { CatalogueFormatError, MAX_IMPORT_ROWS, normalizeLocaleKey, parseAmount, parseCatalogue, readCatalogue } from '../../../../src/main/show/catalogue-import';

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
      { row: 3, message: 'price:EUR: "abc" is not a price', problems: [{ code: 'import.notPrice', params: { column: 'price:EUR', value: 'abc' } }] },
      { row: 4, message: 'stock: "-3" is not a whole number of units', problems: [{ code: 'import.notWholeNumber', params: { column: 'stock', value: '-3' } }] }
    ]);
  });

  it('lists every problem of a broken row, not only the first', () => {
    const { products, rejected } = parseCatalogue(csv('id,title:en,price:EUR,price:PLN,stock', 'a,A,abc,zz,-3', 'b,B,1.00,4.00,2'), 'csv');
    expect(products.map((p) => p.id)).toEqual(['b']);
    expect(rejected).toEqual([
      {
        row: 2,
        message: 'price:EUR: "abc" is not a price; price:PLN: "zz" is not a price; stock: "-3" is not a whole number of units',
        // The same three as codes for the desk to word in its operator's language, in the same order.
        problems: [{ code: 'import.notPrice', params: { column: 'price:EUR', value: 'abc' } }, { code: 'import.notPrice', params: { column: 'price:PLN', value: 'zz' } }, { code: 'import.notWholeNumber', params: { column: 'stock', value: '-3' } }]
      }
    ]);
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
    expect(rejected).toEqual([{ row: 4, message: 'price:EUR: "x" is not a price', problems: [{ code: 'import.notPrice', params: { column: 'price:EUR', value: 'x' } }] }]);
  });

  it('rejects a row without an id or with an invalid id, and one with too many cells', () => {
    const { rejected } = parseCatalogue(csv('id,title:en', ',Nameless', 'bad id,Spaces', 'a,A,extra'), 'csv');
    expect(rejected.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(rejected[0].message).toBe('id is empty');
    expect(rejected[1].message).toMatch(/^id: /);
    expect(rejected[2].message).toMatch(/3 cells/);
    expect(rejected.map((r) => r.problems)).toEqual([[{ code: 'import.idEmpty', params: {} }], [{ code: 'import.id.format', params: {} }], [{ code: 'import.cellCount', params: { cells: 3, columns: 2 } }]]);
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
    expect(rejected.map((r) => r.problems)).toEqual([[{ code: 'import.field.negative', params: { field: 'price.EUR' } }], [{ code: 'import.idEmpty', params: {} }]]);
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

describe('a catalogue as big as an import may be', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => `sku-${i},Product ${i},${(i % 500) + 0.99}`);
  const header = 'id,title:en,price:EUR';

  it.each([
    ['with', '\n'],
    ['without', '']
  ])('accepts 100,000 rows %s a final newline, in slices and in one piece alike', async (_name, end) => {
    const text = [header, ...rows(MAX_IMPORT_ROWS)].join('\n') + end;
    const sliced = await readCatalogue(text, 'csv');
    expect(sliced.rejected).toEqual([]);
    expect(sliced.products).toHaveLength(100_000);
    expect(sliced.products[99_999]).toEqual({ id: 'sku-99999', title: { en: 'Product 99999' }, price: { EUR: 499.99 } });
    expect(parseCatalogue(text, 'csv').products).toHaveLength(100_000);
  });

  it('refuses 100,001 rows whole, with or without a final newline', async () => {
    for (const end of ['\n', '']) {
      const text = [header, ...rows(MAX_IMPORT_ROWS + 1)].join('\n') + end;
      await expect(readCatalogue(text, 'csv')).rejects.toThrow(/at most 100000 products/);
    }
  });

  it('numbers rows across slices as the spreadsheet does, a quoted line break and blank lines included', async () => {
    const many = rows(5000);
    many[2500] = 'sku-2500,"two\nlines",1';
    many[4000] = 'sku-4000,Broken,abc';
    const text = [header, ...many.slice(0, 3000), '', ...many.slice(3000)].join('\n');
    const { products, rejected } = await readCatalogue(text, 'csv');
    expect(rejected).toEqual([{ row: 4003, message: 'price:EUR: "abc" is not a price', problems: [{ code: 'import.notPrice', params: { column: 'price:EUR', value: 'abc' } }] }]);
    expect(products).toHaveLength(4999);
    expect(products.find((p) => p.id === 'sku-2500')?.title).toEqual({ en: 'two\nlines' });
  });

  it('gives the event loop back while it reads, so the show goes on', async () => {
    // 20,000 rows with long titles: about 5 MB, some twenty slices.
    const text = [header, ...rows(20_000).map((r) => r.replace(',Product', `,${'Lavender '.repeat(25)}`))].join('\n');
    let turns = 0;
    let reading = true;
    const count = () => {
      turns++;
      if (reading) setImmediate(count);
    };
    setImmediate(count);
    const { products } = await readCatalogue(text, 'csv');
    reading = false;
    expect(products).toHaveLength(20_000);
    // Dozens of slices; read in one go, the loop would not have turned once.
    expect(turns).toBeGreaterThan(10);
  });

  it('checks a big JSON array in slices too', async () => {
    const items = Array.from({ length: 20_000 }, (_, i) => ({ id: `j-${i}`, price: { EUR: i === 15_000 ? -1 : 1 } }));
    let turns = 0;
    let reading = true;
    const count = () => {
      turns++;
      if (reading) setImmediate(count);
    };
    setImmediate(count);
    const { products, rejected } = await readCatalogue(items, 'json');
    reading = false;
    expect(products).toHaveLength(19_999);
    expect(rejected.map((r) => r.row)).toEqual([15_001]);
    expect(turns).toBeGreaterThan(10);
  });
});

describe('a JSON upload as it came (bytes)', () => {
  const bytes = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));

  it('is parsed off the show\'s thread and checked a slice per turn, row numbers counted across slices', async () => {
    const items = Array.from({ length: 100_000 }, (_, i) => ({ id: `w-${i}`, title: { PL: `Kubek ${i}` }, price: { pln: i === 54_321 ? 'free' : '9,99' } }));
    let turns = 0;
    let reading = true;
    const count = () => {
      turns++;
      if (reading) setImmediate(count);
    };
    setImmediate(count);
    const { products, rejected } = await readCatalogue(bytes(items), 'json');
    reading = false;
    expect(products).toHaveLength(99_999);
    expect(products[0]).toEqual({ id: 'w-0', title: { pl: 'Kubek 0' }, price: { PLN: 9.99 } });
    expect(rejected.map((r) => r.row)).toEqual([54_322]);
    // A hundred slices, each on a turn of its own.
    expect(turns).toBeGreaterThan(50);
  });

  it.each([
    ['text that is not JSON', '{oops', /not valid JSON/],
    ['JSON that is not a list', { not: 'an array' }, /expected a JSON array/],
    ['nothing but spaces', '  \n ', /expected a JSON array/],
    ['a list nested a million deep', '['.repeat(1_000_000) + ']'.repeat(1_000_000), /not valid JSON|could not be read/],
    ['100,001 products', Array.from({ length: 100_001 }, (_, i) => ({ id: `x${i}` })), /at most 100000 products per import \(got 100001\)/]
  ])('refuses %s whole', async (_name, value, message) => {
    await expect(readCatalogue(bytes(value), 'json')).rejects.toThrow(message);
    await expect(readCatalogue(bytes(value), 'json')).rejects.toBeInstanceOf(CatalogueFormatError);
  });
});
