import type { JsonObject } from 'type-fest';
import { formatPrice } from '../../shared/locale-text';
import { comingUp, localized, lowest30dFor, onAirCard, priceFor, type Audience } from '../../shared/on-air-card';
import type { OverlayText } from '../../shared/overlay-text';
import type { CoreView } from '../../shared/view';
import type { SalesView } from '../../shared/sales';
import type { SourceSpec } from './native-card';
import { STUDIO_SOURCE } from './studio-sources';
import { isGraphicSource, nativeGraphicTexts, textOfGraphicCard } from './native-graphics';

export { audienceFor, type Audience } from '../../shared/on-air-card';
export { STUDIO_SCENE, STUDIO_SOURCE, isStudioSource } from './studio-sources';

/** What the studio's sources show on this OBS's canvas right now, in its audience's words. */
export interface CanvasContent {
  visible: boolean;
  itemId: string | null;
  productId: string | null;
  image: string | null;
  scene: string | null;
  /** Text per native text source; an empty text hides its source. */
  texts: Record<string, string>;
  /** When the deal clock shows its next second (epoch ms), while a deal runs. */
  nextTickAt: number | null;
  soldOut: boolean;
}

/** The same card the browser overlay draws (shared card model), as lines for OBS's text sources. */
export function canvasContent(view: CoreView, audience: Audience, text: OverlayText, now = Date.now()): CanvasContent {
  const card = onAirCard(view, audience, text);
  const t = (key: string, vars?: Record<string, unknown>) => text.t(audience.locale, key, vars);
  const texts: Record<string, string> = {};
  if (card.visible) {
    texts[STUDIO_SOURCE.badge] = card.badge;
    texts[STUDIO_SOURCE.title] = card.title;
    texts[STUDIO_SOURCE.pitch] = card.pitch;
    texts[STUDIO_SOURCE.price] = card.price;
    // OBS text cannot strike through: the dictionaries' "was 24,99 €" says it in words.
    texts[STUDIO_SOURCE.was] = card.was ? t('was', { price: card.was }) : '';
    texts[STUDIO_SOURCE.lowest] = card.lowest30d;
    texts[STUDIO_SOURCE.stock] = card.stockLine;
    const next = comingUp(view)?.product;
    texts[STUDIO_SOURCE.nextLabel] = next ? t('comingUp') : '';
    texts[STUDIO_SOURCE.next] = next ? [localized(next.title, audience) || next.id, priceFor(next, audience)].filter(Boolean).join(' · ') : '';
    Object.assign(texts, dealLines(view, audience, text, now));
    texts[STUDIO_SOURCE.ticker] = tickerLine(view, audience, text);
    // Not a text: the logo's address, so the layout knows there is one (see desiredCanvas).
    texts[STUDIO_SOURCE.logo] = view.theme.logo ?? '';
  }
  // Graphics are up whether or not a product is on air.
  Object.assign(texts, nativeGraphicTexts(view, audience, text));
  const left = view.deal ? view.deal.endsAt - now : 0;
  return {
    visible: card.visible,
    itemId: card.itemId,
    productId: card.productId,
    image: card.image,
    scene: card.scene,
    texts,
    nextTickAt: card.visible && left > 0 ? now + (left % 1000 || 1000) + 5 : null,
    soldOut: card.soldOut
  };
}

function dealLines(view: CoreView, audience: Audience, text: OverlayText, now: number): Record<string, string> {
  const deal = view.deal;
  const product = deal?.product;
  const left = deal ? deal.endsAt - now : 0;
  const empty = { [STUDIO_SOURCE.dealLabel]: '', [STUDIO_SOURCE.deal]: '', [STUDIO_SOURCE.dealClock]: '' };
  if (!deal || !product || left <= 0) return empty;
  const money = (amount: number | undefined) => (amount === undefined ? '' : formatPrice(amount, audience.currency, audience.locale));
  const price = deal.price[audience.currency];
  const before = product.price[audience.currency];
  const discounted = price !== undefined && before !== undefined && before > price;
  const reference = lowest30dFor(product, audience.currency, true);
  const seconds = Math.ceil(left / 1000);
  const parts = [localized(product.title, audience) || product.id, money(price), discounted ? text.t(audience.locale, 'was', { price: money(before) }) : ''];
  // The lowest-30-day price goes wherever a discount is shown: on the deal card too.
  const lowest = discounted && reference !== undefined ? `\n${text.t(audience.locale, 'lowest30d', { price: money(reference) })}` : '';
  return {
    [STUDIO_SOURCE.dealLabel]: text.t(audience.locale, 'flashDeal'),
    [STUDIO_SOURCE.deal]: parts.filter(Boolean).join(' · ') + lowest,
    [STUDIO_SOURCE.dealClock]: `${text.t(audience.locale, 'endsIn')} ${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
  };
}

/**
 * The ticker's one line: order and unit counters, then what sells (or what comes up), as the overlay.
 * OBS follows the show's state, not the sales book (that would be one OBS batch per order): without
 * sales its ticker says what comes up.
 */
export function tickerLine(view: CoreView, audience: Audience, text: OverlayText, sales: SalesView | null = null): string {
  const t = (key: string, vars?: Record<string, unknown>) => text.t(audience.locale, key, vars);
  const counters = sales ? [sales.orders ? t('orders', { count: sales.orders }) : '', sales.units ? t('sold', { count: sales.units }) : ''].filter(Boolean).join(' · ') : '';
  const products = new Map(view.rundown.flatMap((i) => (i.product ? [[i.productId, i.product] as const] : [])));
  const sellers = Object.entries(sales?.byProduct ?? {})
    .sort((a, b) => b[1].units - a[1].units)
    .slice(0, 8)
    .flatMap(([id, s]) => {
      const p = products.get(id);
      return p ? [`${localized(p.title, audience) || id} · ${t('sold', { count: s.units })}`] : [];
    });
  const items = sellers.length
    ? sellers
    : view.rundown
        .filter((i) => i.product && i.id !== view.onAir?.itemId && !i.soldOut)
        .slice(0, 8)
        .map((i) => `${localized(i.product!.title, audience)} · ${priceFor(i.product!, audience)}`);
  return [counters, ...items].filter(Boolean).join('   •   ');
}

/** One studio source as it should be in OBS: its place in the scene, look and content, shown or not. */
export interface DesiredSource {
  name: string;
  index: number;
  enabled: boolean;
  transform: JsonObject;
  settings: JsonObject;
  filters: NonNullable<SourceSpec['filters']>;
  /** Off air: only hide it, keeping its text and place for when the card comes back. */
  onlyVisibility?: boolean;
}

/** Which text a background card follows: shown when its first line has something to say. */
const CARD_OF: Record<string, string> = {
  [STUDIO_SOURCE.nextCard]: STUDIO_SOURCE.next,
  [STUDIO_SOURCE.dealCard]: STUDIO_SOURCE.dealClock,
  [STUDIO_SOURCE.tickerBar]: STUDIO_SOURCE.ticker
};

/**
 * Every studio source as `content` needs it; `files` turns the product image's and the logo's
 * address into a file OBS can open, or null (then that source is hidden).
 */
export function desiredCanvas(specs: SourceSpec[], content: CanvasContent, files: (address: string | null) => string | null): DesiredSource[] {
  return specs.map((spec, index) => {
    const settings: JsonObject = { ...spec.settings, ...(content.soldOut && spec.soldOut) };
    let enabled = content.visible;
    if (isGraphicSource(spec.name)) {
      // Up with or without a product on air: a graphic's card follows its text.
      const value = content.texts[textOfGraphicCard(spec.name) ?? spec.name] ?? '';
      if (!textOfGraphicCard(spec.name)) settings.text = value;
      return { name: spec.name, index, enabled: value !== '', transform: spec.transform, settings, filters: spec.filters ?? [] };
    }
    if (spec.name === STUDIO_SOURCE.overlay) {
      enabled = true; // the overlay page shows and hides its own widgets
    } else if (spec.name === STUDIO_SOURCE.image || spec.name === STUDIO_SOURCE.logo) {
      const file = files(spec.name === STUDIO_SOURCE.image ? content.image : content.texts[STUDIO_SOURCE.logo] || null);
      settings.file = file ?? '';
      enabled &&= !!file;
    } else if (spec.name in CARD_OF) {
      enabled &&= !!content.texts[CARD_OF[spec.name]];
    } else if (spec.name !== STUDIO_SOURCE.card) {
      const value = content.texts[spec.name] ?? '';
      // A scrolling ticker loops its text: a separator keeps the end apart from the start.
      settings.text = value && spec.filters?.length ? `${value}   •   ` : value;
      enabled &&= value !== '';
    }
    const hiddenCard = !content.visible && spec.name !== STUDIO_SOURCE.overlay;
    return { name: spec.name, index, enabled, transform: spec.transform, settings, filters: spec.filters ?? [], ...(hiddenCard && { onlyVisibility: true }) };
  });
}
