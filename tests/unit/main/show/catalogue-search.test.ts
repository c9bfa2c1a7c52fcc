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

  it('folds letters that have no decomposition', () => {
    expect(fold('Łódź Straße')).toBe('lodz strasse');
  });
});
