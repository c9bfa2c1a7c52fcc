import { formatPricesAlike, pickAudienceText } from './locale-text';
import type { ShowLocale } from './locale';
import type { Product } from './product';
import type { OverlayText } from './overlay-text';
import type { CoreView, RundownEntryView } from './view';
import { codeFor } from './graphics-text';

/** Who watches: the language an overlay or OBS speaks and the currency of its prices. */
export interface Audience {
  locale: string;
  currency: string;
  /** Where missing translations fall back to: the show's base language only. */
  fallbacks: string[];
  /** The show's base language (`en`): the one language besides its own an audience may read. */
  baseLanguage: string;
}

/**
 * The show locale matching `locale` (else its language, else the show's first) gives the currency.
 * `baseLanguage` is the show's (`CoreView.baseLanguage`); by default the first locale's language.
 */
export function audienceFor(locale: string, showLocales: ShowLocale[], baseLanguage?: string): Audience {
  const lang = locale.split('-')[0];
  const match = showLocales.find((l) => l.locale === locale) ?? showLocales.find((l) => l.locale.split('-')[0] === lang) ?? showLocales[0];
  const base = baseLanguage ?? showLocales[0]?.locale.split('-')[0] ?? 'en';
  return { locale, currency: match?.currency ?? 'EUR', fallbacks: [base], baseLanguage: base };
}

/** The show's base language: as the studio says, else the language of its first locale. */
export function baseLanguageOfView(view: Pick<CoreView, 'baseLanguage' | 'locales'>): string {
  return view.baseLanguage ?? view.locales[0]?.locale.split('-')[0] ?? 'en';
}

/** The audience as the view says: the show's base language wins over what the caller assumed. */
function inShow(view: Pick<CoreView, 'baseLanguage'>, audience: Audience): Audience {
  const base = view.baseLanguage;
  return !base || base === audience.baseLanguage ? audience : { ...audience, fallbacks: [base], baseLanguage: base };
}

/** The product card as one audience sees it: every string already in its language and currency. */
export interface OnAirCard {
  visible: boolean;
  itemId: string | null;
  productId: string | null;
  title: string;
  pitch: string;
  badge: string;
  price: string;
  /** The struck-through price of a discount (deal or compare-at), else ''. */
  was: string;
  /** "Lowest price in the last 30 days: …" whenever a discount is shown and the shop gave it. */
  lowest30d: string;
  stockLine: string;
  soldOut: boolean;
  image: string | null;
  scene: string | null;
  /** The flash deal running on this product: its end by the studio's clock. */
  dealEndsAt: number | null;
  /** Where this audience's market buys the product (`url:pl-PL`, else `url:pl`), '' when none: never another market's shop. */
  buyUrl: string;
  /** The same, short enough to read and type off a TV: `shop.example/p/lav-01`. */
  buyLabel: string;
}

const HIDDEN: OnAirCard = { visible: false, itemId: null, productId: null, title: '', pitch: '', badge: '', price: '', was: '', lowest30d: '', stockLine: '', soldOut: false, image: null, scene: null, dealEndsAt: null, buyUrl: '', buyLabel: '' };

export function onAirCard(view: CoreView, seenBy: Audience, text: OverlayText): OnAirCard {
  const item = view.onAir ? view.rundown.find((i) => i.id === view.onAir!.itemId) : undefined;
  const product = item?.product;
  if (!item || !product) return HIDDEN;
  const audience = inShow(view, seenBy);
  const prices = cardPrices(view, product, audience.currency);
  const [price, was, lowest] = formatSafely([prices.now, prices.before, prices.lowest30d], audience);
  return {
    visible: true,
    itemId: item.id,
    productId: product.id,
    title: localized(product.title, audience) || product.id,
    pitch: localized(product.pitch, audience),
    badge: localized(product.badge, audience),
    price,
    was,
    lowest30d: lowest ? text.t(audience.locale, 'lowest30d', { price: lowest }) : '',
    stockLine: text.stockLine(audience.locale, product.stock),
    soldOut: product.stock === 0,
    image: product.image,
    scene: item.scene,
    dealEndsAt: prices.dealEndsAt,
    ...buyLink(product, audience.locale)
  };
}

/** The product's page for this market, and its address as a viewer would type it. */
export function buyLink(product: Pick<Product, 'url'>, locale: string): { buyUrl: string; buyLabel: string } {
  const buyUrl = codeFor(product.url ?? {}, locale);
  return { buyUrl, buyLabel: buyUrl.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, '') };
}

/** The amounts a card shows in one currency; `before` and `lowest30d` only when a discount shows. */
export interface CardPrices {
  now: number | undefined;
  before: number | undefined;
  lowest30d: number | undefined;
  /** Set only while the deal's product is the one on air and the deal has a price in this currency. */
  dealEndsAt: number | null;
}

/**
 * What a card on `product` shows in `currency`: the deal price against the regular one while a deal
 * runs on it (a deal on another product shows nothing here), else the regular price against the
 * compare-at one. Shared by the overlays, OBS's own sources and the control room's on-air card.
 */
export function cardPrices(view: Pick<CoreView, 'deal'>, product: Product, currency: string): CardPrices {
  const regular = product.price[currency];
  const deal = view.deal?.productId === product.id ? view.deal : null;
  const dealPrice = deal?.price[currency];
  const now = dealPrice !== undefined ? dealPrice : regular;
  const before = dealPrice !== undefined ? regular : product.compareAt[currency];
  const discounted = now !== undefined && before !== undefined && before > now;
  const lowest = discounted ? lowest30dFor(product, currency, dealPrice !== undefined) : undefined;
  return { now, before: discounted ? before : undefined, lowest30d: lowest, dealEndsAt: dealPrice !== undefined && deal ? deal.endsAt : null };
}

/** Prices shown together, in one format; an unknown currency code still reads (`12.5 XYZ`). */
function formatSafely(amounts: (number | undefined)[], audience: Audience): string[] {
  try {
    return formatPricesAlike(amounts, audience.currency, audience.locale);
  } catch {
    return amounts.map((a) => (a === undefined ? '' : `${a} ${audience.currency}`));
  }
}

/**
 * The EU reference price for a discount: the lowest of the last 30 days as the shop gave it. During
 * a flash deal the product has been selling at its regular price too, so that counts as well.
 */
export function lowest30dFor(product: Product, currency: string, dealRunning: boolean): number | undefined {
  const lowest = product.lowest30d?.[currency];
  const regular = product.price[currency];
  return dealRunning && lowest !== undefined && regular !== undefined ? Math.min(lowest, regular) : lowest;
}

/** What comes after the item on air (or after the last one on air). */
export function comingUp(view: CoreView): RundownEntryView | null {
  const position = view.rundown.findIndex((i) => i.id === (view.onAir?.itemId ?? view.lastOnAirItemId));
  return view.rundown[position + 1] ?? null;
}

/** Text in the audience's language, else the show's base language, else '' (never a third language). */
export function localized(text: Product['title'], audience: Audience): string {
  return pickAudienceText(text, audience.locale, audience.baseLanguage ?? audience.fallbacks[0] ?? 'en').text;
}

export function priceFor(product: Product, audience: Audience): string {
  const amount = product.price[audience.currency];
  return amount === undefined ? '' : formatSafely([amount], audience)[0];
}
