import { formatPrice, pickText } from './locale-text';
import type { ShowLocale } from './locale';
import type { Product } from './product';
import type { OverlayText } from './overlay-text';
import type { RundownEntryView, ShowView } from './view';

/** Who watches: the language an overlay or OBS speaks and the currency of its prices. */
export interface Audience {
  locale: string;
  currency: string;
  /** Where missing translations fall back to: the show's first locale, then English. */
  fallbacks: string[];
}

/** The show locale matching `locale` (else its language, else the show's first) gives the currency. */
export function audienceFor(locale: string, showLocales: ShowLocale[]): Audience {
  const lang = locale.split('-')[0];
  const match = showLocales.find((l) => l.locale === locale) ?? showLocales.find((l) => l.locale.split('-')[0] === lang) ?? showLocales[0];
  const fallbacks = [...new Set([showLocales[0]?.locale, 'en'].filter((l): l is string => !!l && l !== locale))];
  return { locale, currency: match?.currency ?? 'EUR', fallbacks };
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
}

const HIDDEN: OnAirCard = { visible: false, itemId: null, productId: null, title: '', pitch: '', badge: '', price: '', was: '', lowest30d: '', stockLine: '', soldOut: false, image: null, scene: null, dealEndsAt: null };

export function onAirCard(view: ShowView, audience: Audience, text: OverlayText): OnAirCard {
  const item = view.onAir ? view.rundown.find((i) => i.id === view.onAir!.itemId) : undefined;
  const product = item?.product;
  if (!item || !product) return HIDDEN;
  const money = (amount: number | undefined) => (amount === undefined ? '' : safeFormat(amount, audience));
  const regular = product.price[audience.currency];
  const deal = view.deal?.productId === product.id ? view.deal : null;
  const dealPrice = deal?.price[audience.currency];
  const now = dealPrice !== undefined ? dealPrice : regular;
  const before = dealPrice !== undefined ? regular : product.compareAt[audience.currency];
  const discounted = now !== undefined && before !== undefined && before > now;
  const lowest = lowest30dFor(product, audience.currency, dealPrice !== undefined);
  return {
    visible: true,
    itemId: item.id,
    productId: product.id,
    title: localized(product.title, audience) || product.id,
    pitch: localized(product.pitch, audience),
    badge: localized(product.badge, audience),
    price: money(now),
    was: discounted ? money(before) : '',
    lowest30d: discounted && lowest !== undefined ? text.t(audience.locale, 'lowest30d', { price: money(lowest) }) : '',
    stockLine: text.stockLine(audience.locale, product.stock),
    soldOut: product.stock === 0,
    image: product.image,
    scene: item.scene,
    dealEndsAt: dealPrice !== undefined && deal ? deal.endsAt : null
  };
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
export function comingUp(view: ShowView): RundownEntryView | null {
  const position = view.rundown.findIndex((i) => i.id === (view.onAir?.itemId ?? view.lastOnAirItemId));
  return view.rundown[position + 1] ?? null;
}

export function localized(text: Product['title'], audience: Audience): string {
  return pickText(text, audience.locale, audience.fallbacks).text;
}

export function priceFor(product: Product, audience: Audience): string {
  const amount = product.price[audience.currency];
  return amount === undefined ? '' : safeFormat(amount, audience);
}

function safeFormat(amount: number, audience: Audience): string {
  try {
    return formatPrice(amount, audience.currency, audience.locale);
  } catch {
    return `${amount} ${audience.currency}`;
  }
}
