import { describe, expect, it } from 'vitest';
import { CatalogueIndex, fold } from '../../../../src/main/show/catalogue-search';
import { emptyProduct, type Product } from '../../../../src/shared/product';

const product = (id: string, title: Record<string, string>): Product => ({ ...emptyProduct(id), title });

function index(): CatalogueIndex {
  const idx = new CatalogueIndex();
  idx.upsert([
    product('lav-01', { en: 'Lavender trousers', pl: 'Spodnie lawendowe', de: 'Lavendelhose' }),
    product('mug-02', { en: 'Enamel mug', pl: 'Kubek emaliowany', ru: 'Эмалированная кружка' }),
    product('bag-03', { en: 'Łódź tote bag', de: 'Tasche aus Łódź' }),
    product('zip-04', { en: 'Zip hoodie', pl: 'Bluza zapinana' })
  ]);
  return idx;
}

describe('catalogue search', () => {
  it('finds a product by a title in any language, ignoring case and accents', () => {
    const idx = index();
    expect(idx.search('SPODNIE').products.map((p) => p.id)).toEqual(['lav-01']);
    expect(idx.search('lodz').products.map((p) => p.id)).toEqual(['bag-03']);
    expect(idx.search('кружка').products.map((p) => p.id)).toEqual(['mug-02']);
  });

  it('requires every term to match, in any order, and finds ids', () => {
    const idx = index();
    expect(idx.search('mug enamel').total).toBe(1);
    expect(idx.search('mug lavender').total).toBe(0);
    expect(idx.search('zip-04').products[0].id).toBe('zip-04');
  });

  it('orders results by the title in the asked locale', () => {
    const idx = index();
    expect(idx.search('', { locale: 'pl-PL' }).products.map((p) => p.id)).toEqual(['zip-04', 'mug-02', 'bag-03', 'lav-01']); // Polish: Ł sorts between L and M
    expect(idx.search('', { locale: 'en-GB' }).products.map((p) => p.id)).toEqual(['mug-02', 'lav-01', 'bag-03', 'zip-04']);
  });

  it('pages with limit and offset while reporting the full total', () => {
    const r = index().search('', { limit: 2, offset: 1 });
    expect(r.total).toBe(4);
    expect(r.products).toHaveLength(2);
  });

  it('sees an updated title after an upsert', () => {
    const idx = index();
    idx.upsert([product('mug-02', { en: 'Camping cup' })]);
    expect(idx.search('enamel').total).toBe(0);
    expect(idx.search('camping').total).toBe(1);
    expect(idx.size).toBe(4);
  });

  it('answers a search made after a sale or a retitle with the product as it now is, though the same locale was searched before', () => {
    const idx = new CatalogueIndex();
    idx.upsert(Array.from({ length: 40 }, (_, i) => product(`p-${i}`, { en: `Enamel mug ${i}` })));
    expect(idx.search('mug 7', { locale: 'pl-PL' }).products[0].stock).toBeNull();
    idx.upsert([{ ...product('p-7', { en: 'Enamel mug 7' }), stock: 3 }, product('p-8', { en: 'Camping cup' })]);
    expect(idx.search('mug 7', { locale: 'pl-PL' }).products[0].stock).toBe(3);
    expect(idx.search('camping', { locale: 'pl-PL' }).products.map((p) => p.id)).toEqual(['p-8']);
    expect(idx.search('p-8 enamel', { locale: 'pl-PL' }).total).toBe(0);
  });

  it('folds letters that have no decomposition', () => {
    expect(fold('Łódź Straße')).toBe('lodz strasse');
  });
});

describe('the catalogue order as products change', () => {
  const WORDS = ['lavender', 'mug', 'Łódź', 'Zebra', 'apple', 'émail', 'кружка', 'bag 10', 'bag 9', 'ćma'];
  const titled = (i: number, variant = 0) => product(`p-${i}`, { en: `${WORDS[(i + variant) % WORDS.length]} ${i % 97}`, pl: `${WORDS[(i * 3 + variant) % WORDS.length]} ${i}` });
  const ids = (idx: CatalogueIndex, locale: string) => idx.search('', { locale, limit: 100_000 }).products.map((p) => `${p.id}:${p.title.en}`);

  it('stays exactly the order a fresh sort gives, through new products, retitled ones and repeats', () => {
    const kept = new CatalogueIndex();
    const all = new Map<string, Product>();
    const put = (products: Product[]) => {
      kept.upsert(products);
      for (const p of products) all.set(p.id, p);
    };
    put(Array.from({ length: 400 }, (_, i) => titled(i)));
    ids(kept, 'pl-PL');
    ids(kept, 'en');
    put([titled(3, 1), titled(400), titled(401), titled(3, 2), titled(77, 5), titled(77, 5)]);
    put(Array.from({ length: 50 }, (_, i) => titled(i * 7, 3)));
    const fresh = new CatalogueIndex();
    fresh.upsert(all.values());
    for (const locale of ['pl-PL', 'en']) expect(ids(kept, locale)).toEqual(ids(fresh, locale));
    expect(kept.search('lavender', { locale: 'en' }).total).toBe(fresh.search('lavender', { locale: 'en' }).total);
  });

  it('puts a changed product in place with a few comparisons instead of sorting the whole catalogue again', () => {
    let compares = 0;
    const Real = Intl.Collator;
    class Counting extends Real {
      override compare = (a: string, b: string) => {
        compares++;
        return super.compare(a, b);
      };
    }
    Intl.Collator = Counting as unknown as typeof Intl.Collator;
    try {
      const idx = new CatalogueIndex();
      idx.upsert(Array.from({ length: 20_000 }, (_, i) => titled(i)));
      idx.search('', { locale: 'pl-PL' });
      compares = 0;
      // A sale takes a unit off: the product is upserted again.
      idx.upsert([{ ...titled(123), stock: 4 }]);
      expect(idx.search('', { locale: 'pl-PL', limit: 1 }).total).toBe(20_000);
      // Two binary searches over 20,000 (about 15 steps each), not a sort (about 280,000).
      expect(compares).toBeLessThan(100);
    } finally {
      Intl.Collator = Real;
    }
  });
});

describe('products indexed a slice per turn after an import part', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => product(`imp-${i}`, { en: `Linen scarf ${i}`, pl: `Lniany szal ${i}` }));
  const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

  it('gives the event loop back between slices, so a pin waiting behind 1,000 products is not held for all of them', async () => {
    const idx = new CatalogueIndex();
    idx.upsertSoon(many(1000));
    // Each turn indexes a slice; after one turn the rest still waits (the whole part would leave none).
    await nextTurn();
    expect(idx.waitingCount).toBeGreaterThan(0);
    expect(idx.waitingCount).toBeLessThan(1000);
    for (let turn = 0; turn < 20 && idx.waitingCount > 0; turn++) await nextTurn();
    expect(idx.waitingCount).toBe(0);
    expect(idx.search('szal 999', { locale: 'pl-PL' }).products.map((p) => p.id)).toEqual(['imp-999']);
  });

  it('answers a search made before the slices are done from the whole catalogue, the latest version of each product', () => {
    const idx = new CatalogueIndex();
    idx.upsert([product('old-1', { en: 'Enamel mug' })]);
    idx.search('', { locale: 'pl-PL' });
    idx.upsertSoon(many(600));
    idx.upsertSoon([{ ...product('imp-5', { en: 'Linen scarf 5' }), stock: 2 }]);
    const found = idx.search('scarf', { locale: 'pl-PL', limit: 1000 });
    expect(found.total).toBe(600);
    expect(found.products.find((p) => p.id === 'imp-5')?.stock).toBe(2);
    expect(idx.size).toBe(601);
    expect(idx.waitingCount).toBe(0);
  });

  it('forgets what was waiting when the catalogue is replaced by another show\'s', async () => {
    const idx = new CatalogueIndex();
    idx.upsertSoon(many(600));
    idx.replaceAll([product('other-1', { en: 'Other show mug' })]);
    for (let turn = 0; turn < 5; turn++) await nextTurn();
    expect(idx.search('').products.map((p) => p.id)).toEqual(['other-1']);
  });
});
