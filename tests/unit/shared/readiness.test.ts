import { describe, expect, it } from 'vitest';
import { NO_SALES } from '../../../src/shared/sales';
import { readinessProblems } from '../../../src/shared/readiness';
import { emptyProduct, type Product } from '../../../src/shared/product';
import { DEFAULT_THEME } from '../../../src/shared/theme';
import type { ShowView } from '../../../src/shared/view';

const locales = [
  { locale: 'pl-PL', currency: 'PLN' },
  { locale: 'fr-FR', currency: 'EUR' },
  { locale: 'cs-CZ', currency: 'CZK' },
  { locale: 'en-GB', currency: 'GBP' }
];

function show(product: Product, baseLanguage = 'en'): ShowView {
  return {
    revision: 1,
    title: 'Show',
    locales,
    rundown: [{ id: 'item-1', productId: product.id, scene: null, addedAt: 0, addedBy: 'x', product, soldOut: false }],
    onAir: null,
    lastOnAirItemId: null,
    sales: NO_SALES,
    obs: [],
    catalogue: { count: 1, revision: 1 },
    deal: null,
    theme: DEFAULT_THEME,
    operators: [],
    goal: null,
    baseLanguage
  };
}

const translations = (view: ShowView) => readinessProblems(view).filter((p) => p.kind === 'translation').map((p) => [p.field, p.shows, p.locales]);

describe('the list before going live', () => {
  it('names every field, per audience, that shows base-language text or nothing, badges included', () => {
    const bag: Product = { ...emptyProduct('bag-07'), title: { pl: 'Torba', en: 'Bag' }, pitch: { pl: 'Skóra', fr: 'Cuir' }, badge: { pl: 'Nowość' }, price: { PLN: 10 } };
    expect(translations(show(bag))).toEqual([
      ['title', 'base-language', ['fr-FR', 'cs-CZ']],
      ['pitch', 'nothing', ['cs-CZ', 'en-GB']],
      ['badge', 'nothing', ['fr-FR', 'cs-CZ', 'en-GB']]
    ]);
    const messages = readinessProblems(show(bag)).map((p) => p.message);
    expect(messages[0]).toBe('bag-07: no title in fr-FR, cs-CZ: shows the base-language (en) text');
    expect(messages[2]).toContain('no badge in fr-FR, cs-CZ, en-GB');
  });

  it('follows the base language the producer picked', () => {
    const bag: Product = { ...emptyProduct('bag-07'), title: { pl: 'Torba' }, badge: { pl: 'Nowość' }, price: { PLN: 10 } };
    expect(translations(show(bag, 'pl'))).toEqual([
      ['title', 'base-language', ['fr-FR', 'cs-CZ', 'en-GB']],
      ['badge', 'base-language', ['fr-FR', 'cs-CZ', 'en-GB']]
    ]);
    expect(translations(show(bag, 'en'))).toEqual([
      ['title', 'product-id', ['fr-FR', 'cs-CZ', 'en-GB']],
      ['badge', 'nothing', ['fr-FR', 'cs-CZ', 'en-GB']]
    ]);
  });

  it('says nothing about a pitch or badge the product has in no language, nor about a product translated for everyone', () => {
    const full: Product = { ...emptyProduct('mug-09'), title: { pl: 'Kubek', fr: 'Tasse', cs: 'Hrnek', en: 'Mug' }, price: { PLN: 10 } };
    expect(translations(show(full))).toEqual([]);
  });
});

describe('graphics before going live', () => {
  it('lists a coupon missing a translation or its code for an audience, naming the graphic', () => {
    const product = { ...emptyProduct('bag-07'), title: { pl: 'Torba', fr: 'Sac', cs: 'Taška', en: 'Bag' }, price: { PLN: 10 } };
    const coupon = { id: 'graphic-1', kind: 'coupon' as const, text: { pl: 'Kod', en: 'Code' }, code: { 'pl-PL': 'POLSKA10', 'fr-FR': 'AUTOMNE10' }, detail: {}, seconds: null, visible: false, shownAt: null, hidesAt: null, createdBy: 'owner' };
    const problems = readinessProblems({ ...show(product), graphics: [coupon] }).filter((p) => p.graphicId);
    expect(problems.map((p) => [p.kind, p.graphicId, p.where])).toEqual([
      ['graphic-text', 'graphic-1', ['fr-FR', 'cs-CZ']],
      ['graphic-code', 'graphic-1', ['cs-CZ', 'en-GB']]
    ]);
  });
});
