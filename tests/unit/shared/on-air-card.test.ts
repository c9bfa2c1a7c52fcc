import { describe, expect, it } from 'vitest';
import { NO_SALES } from '../../../src/shared/sales';
import { audienceFor, comingUp, onAirCard } from '../../../src/shared/on-air-card';
import { OverlayText } from '../../../src/shared/overlay-text';
import { readinessProblems } from '../../../src/shared/readiness';
import { formatPrice } from '../../../src/shared/locale-text';
import { emptyProduct, type Product } from '../../../src/shared/product';
import { DEFAULT_THEME } from '../../../src/shared/theme';
import type { ShowView } from '../../../src/shared/view';
import { loadDictionaries } from '../../../src/main/locales';

const text = new OverlayText(loadDictionaries('resources/locales'));
const locales = [
  { locale: 'pl-PL', currency: 'PLN' },
  { locale: 'de-DE', currency: 'EUR' }
];
const jeans: Product = { ...emptyProduct('den-04'), title: { pl: 'Jeansy', de: 'Jeans' }, pitch: { pl: 'Sztywny denim' }, price: { PLN: 193.99, EUR: 44.99 }, compareAt: { PLN: 257.99, EUR: 59.99 }, lowest30d: { PLN: 249.99 }, stock: 3 };
const mug: Product = { ...emptyProduct('mug-09'), title: { pl: 'Kubek', de: 'Becher' }, price: { PLN: 32, EUR: 7.49 }, stock: 60 };

function view(patch: Partial<ShowView> = {}): ShowView {
  return {
    revision: 3,
    title: 'Show',
    locales,
    rundown: [
      { id: 'item-1', productId: 'den-04', scene: null, addedAt: 0, addedBy: 'x', product: jeans, soldOut: false },
      { id: 'item-2', productId: 'mug-09', scene: null, addedAt: 0, addedBy: 'x', product: mug, soldOut: false }
    ],
    onAir: { itemId: 'item-1', productId: 'den-04', since: 0, soldOut: false },
    lastOnAirItemId: 'item-1',
    sales: NO_SALES,
    obs: [],
    catalogue: { count: 2, revision: 1 },
    deal: null,
    theme: DEFAULT_THEME,
    operators: [],
    ...patch
  };
}

describe('the product card an audience sees', () => {
  it('shows a discount with its was-price and, where the shop gave it, the lowest price of 30 days', () => {
    const card = onAirCard(view(), audienceFor('pl-PL', locales), text);
    expect(card).toMatchObject({ title: 'Jeansy', price: '193,99\u00a0zł', was: '257,99\u00a0zł', lowest30d: 'Najniższa cena z 30 dni przed obniżką: 249,99\u00a0zł', stockLine: 'Zostały 3 sztuki' });
    const german = onAirCard(view(), audienceFor('de-DE', locales), text);
    expect(german).toMatchObject({ price: '44,99\u00a0€', was: '59,99\u00a0€', lowest30d: '', pitch: 'Sztywny denim' });
  });

  it('shows the flash deal price against the regular price while the deal runs on the product', () => {
    const deal = { id: 'deal-1', productId: 'den-04', price: { PLN: 149 }, startedAt: 0, endsAt: 60_000, product: jeans };
    const card = onAirCard(view({ deal }), audienceFor('pl-PL', locales), text);
    expect(card).toMatchObject({ price: '149\u00a0zł', was: '193,99\u00a0zł', dealEndsAt: 60_000 });
  });

  it('gives the regular price as the 30-day lowest during a deal when it is below what the shop reported', () => {
    const deal = { id: 'deal-1', productId: 'den-04', price: { PLN: 149 }, startedAt: 0, endsAt: 60_000, product: jeans };
    const card = onAirCard(view({ deal }), audienceFor('pl-PL', locales), text);
    expect(card.lowest30d).toBe('Najniższa cena z 30 dni przed obniżką: 193,99\u00a0zł');
  });

  it('is hidden when nothing is on air, and coming-up follows the last item on air', () => {
    expect(onAirCard(view({ onAir: null }), audienceFor('pl-PL', locales), text).visible).toBe(false);
    expect(comingUp(view({ onAir: null }))?.productId).toBe('mug-09');
  });

  it('writes whole amounts without decimals and others with the currency\'s', () => {
    expect(formatPrice(1890, 'RUB', 'ru-RU')).toBe('1\u00a0890\u00a0₽');
    expect(formatPrice(84.99, 'PLN', 'pl-PL')).toBe('84,99\u00a0zł');
    expect(formatPrice(19.99, 'GBP', 'en-GB')).toBe('£19.99');
  });
});

describe('what to check before going live', () => {
  it('lists missing translations per audience and discounts without the 30-day lowest price', () => {
    const problems = readinessProblems(view());
    expect(problems.map((p) => [p.productId, p.kind])).toEqual([
      ['den-04', 'translation'],
      ['den-04', 'lowest30d']
    ]);
    expect(problems[0].message).toContain('no pitch in de-DE');
    expect(problems[1].message).toContain('EUR');
  });
});
