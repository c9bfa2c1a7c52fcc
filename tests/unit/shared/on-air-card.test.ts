import { describe, expect, it } from 'vitest';
import { NO_SALES } from '../../../src/shared/sales';
import { audienceFor, cardPrices, comingUp, onAirCard } from '../../../src/shared/on-air-card';
import { OverlayText } from '../../../src/shared/overlay-text';
import { readinessProblems } from '../../../src/shared/readiness';
import { formatPrice, formatPricesAlike, pickAudienceText } from '../../../src/shared/locale-text';
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
    goal: null,
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
    expect(card).toMatchObject({ price: '149,00\u00a0zł', was: '193,99\u00a0zł', dealEndsAt: 60_000 });
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

describe('a deal belongs to its product', () => {
  const dealOnJeans = { id: 'deal-1', productId: 'den-04', price: { PLN: 149, EUR: 34.99 }, startedAt: 0, endsAt: 60_000, product: jeans };

  it('shows no deal, no countdown and the regular price once another product is on air', () => {
    const mugOnAir = view({ deal: dealOnJeans, onAir: { itemId: 'item-2', productId: 'mug-09', since: 1, soldOut: false } });
    const card = onAirCard(mugOnAir, audienceFor('de-DE', locales), text);
    expect(card).toMatchObject({ productId: 'mug-09', price: '7,49\u00a0€', was: '', lowest30d: '', dealEndsAt: null });
    expect(cardPrices(mugOnAir, mug, 'EUR')).toEqual({ now: 7.49, before: undefined, lowest30d: undefined, dealEndsAt: null });
  });

  it('gives the deal price, the regular one struck through and the end time while its product is on air', () => {
    expect(cardPrices(view({ deal: dealOnJeans }), jeans, 'EUR')).toEqual({ now: 34.99, before: 44.99, lowest30d: undefined, dealEndsAt: 60_000 });
  });
});

describe('prices on one card', () => {
  it('share one format: a whole deal price shows its minor units when the regular price has them', () => {
    const deal = { id: 'deal-1', productId: 'mug-09', price: { PLN: 27.5 }, startedAt: 0, endsAt: 60_000, product: mug };
    const card = onAirCard(view({ deal, onAir: { itemId: 'item-2', productId: 'mug-09', since: 1, soldOut: false } }), audienceFor('pl-PL', locales), text);
    expect([card.price, card.was]).toEqual(['27,50\u00a0zł', '32,00\u00a0zł']);
    expect(formatPricesAlike([109, 119.99], 'PLN', 'pl-PL')).toEqual(['109,00\u00a0zł', '119,99\u00a0zł']);
    expect(formatPricesAlike([1890, 2360], 'RUB', 'ru-RU')).toEqual(['1\u00a0890\u00a0₽', '2\u00a0360\u00a0₽']);
  });
});

describe('what an audience reads when a text is missing in its language', () => {
  const french = [...locales, { locale: 'fr-FR', currency: 'EUR' }];
  const polishOnly: Product = { ...emptyProduct('bag-07'), title: { pl: 'Torba', en: 'Bag' }, pitch: { pl: 'Skóra' }, badge: { pl: 'Nowość' }, price: { EUR: 10 } };
  const onAirBag = (patch: Partial<ShowView> = {}) =>
    view({ locales: french, rundown: [{ id: 'item-9', productId: 'bag-07', scene: null, addedAt: 0, addedBy: 'x', product: polishOnly, soldOut: false }], onAir: { itemId: 'item-9', productId: 'bag-07', since: 0, soldOut: false }, ...patch });

  it('falls back only to the base language and leaves an optional field out when neither has it', () => {
    const card = onAirCard(onAirBag({ baseLanguage: 'en' }), audienceFor('fr-FR', french), text);
    expect(card).toMatchObject({ title: 'Bag', pitch: '', badge: '' });
  });

  it('reads the base language the producer picked, not the first locale\'s, once the view says so', () => {
    expect(onAirCard(onAirBag({ baseLanguage: 'pl' }), audienceFor('fr-FR', french, 'en'), text)).toMatchObject({ title: 'Torba', pitch: 'Skóra', badge: 'Nowość' });
  });

  it('shows the product id as the title when neither the audience\'s language nor the base language has one', () => {
    const noTitle = { ...polishOnly, title: { pl: 'Torba' } };
    const v = onAirBag({ baseLanguage: 'en', rundown: [{ id: 'item-9', productId: 'bag-07', scene: null, addedAt: 0, addedBy: 'x', product: noTitle, soldOut: false }] });
    expect(onAirCard(v, audienceFor('fr-FR', french), text).title).toBe('bag-07');
  });

  it('picks the locale, then its language or a sibling locale of it, then the base language, and nothing else', () => {
    const t = { 'fr-CA': 'Sac (CA)', pl: 'Torba', de: 'Tasche' };
    expect(pickAudienceText(t, 'fr-FR', 'de')).toEqual({ text: 'Sac (CA)', from: 'fr-CA' });
    expect(pickAudienceText(t, 'cs-CZ', 'de')).toEqual({ text: 'Tasche', from: 'de' });
    expect(pickAudienceText(t, 'cs-CZ', 'en')).toEqual({ text: '', from: null });
  });
});
