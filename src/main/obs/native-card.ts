import type { JsonObject } from 'type-fest';
import type { Theme } from '../../shared/theme';
import { STUDIO_SOURCE } from './studio-sources';
import { nativeGraphicSpecs } from './native-graphics';

/** One source the studio keeps in its scene: what it is, how it looks and where it sits. */
export interface SourceSpec {
  name: string;
  kind: string;
  /** Its look (font, colours, size): content (text, file) is added per product. */
  settings: JsonObject;
  transform: JsonObject;
  /** Filters it needs, e.g. the ticker's scroll. */
  filters?: { name: string; kind: string; settings: JsonObject }[];
  /** Its look while the product on air is sold out (the stock line turns the theme's primary). */
  soldOut?: JsonObject;
}

export interface NativeKinds {
  text: string;
  color: string;
  scroll: boolean;
}

/**
 * The only sources `nativeCard` asks `filled` about (the card's lines close up, coming-up moves below
 * a logo): whether the others have something to show never moves anything. A function, because
 * studio-sources and this module import each other.
 */
export function layoutLines(): readonly string[] {
  return [STUDIO_SOURCE.badge, STUDIO_SOURCE.title, STUDIO_SOURCE.pitch, STUDIO_SOURCE.price, STUDIO_SOURCE.was, STUDIO_SOURCE.lowest, STUDIO_SOURCE.stock, STUDIO_SOURCE.logo];
}

/** OBS alignment flags: left 1, top 4. */
export const TOP_LEFT = 5;
export const TICKER_SCROLL_FILTER = 'Shopcast · Scroll';

/**
 * The browser overlay's layout drawn with OBS's own sources, for the canvas OBS reports: on 16:9
 * coming-up and the deal on top, the product card bottom left above the ticker; on 9:16 the deal on
 * top and the card low in the frame above the ticker, clear of the apps' buttons. Everything stays
 * inside the theme's safe margin; sizes follow the overlay page's units (1 vmin, 1.35 vw upright).
 */
export function nativeCard(kinds: NativeKinds, width: number, height: number, theme: Theme, filled?: (name: string) => boolean): SourceSpec[] {
  const vertical = height > width;
  const u = vertical ? (width * 1.35) / 100 : Math.min(width, height) / 100;
  const m = (theme.safeMargin * Math.min(width, height)) / 100;
  const gap = 2 * u;
  const pad = 2 * u;
  const font = fontFace(theme.font);
  const text = (size: number, colour: string, bold: boolean, wrapWidth?: number): JsonObject => textSettings(kinds.text, font, size, colour, bold, wrapWidth);
  const colour = (fill: string, w: number, h: number): JsonObject => ({ color: abgr(fill), width: Math.round(w), height: Math.round(h) });
  const specs: SourceSpec[] = [];
  const add = (name: string, kind: string, settings: JsonObject, x: number, y: number, w: number, h: number, fit = true) =>
    specs.push({ name, kind, settings, transform: box(x, y, w, h, fit ? 'OBS_BOUNDS_MAX_ONLY' : 'OBS_BOUNDS_NONE') });

  const innerW = width - 2 * m;
  // The ticker: the bottom bar across the safe area (upright: above the apps' bottom buttons).
  const tickerH = 5.6 * u;
  const bottom = height - m - (vertical ? height * 0.12 : 0);
  const tickerY = bottom - tickerH;
  add(STUDIO_SOURCE.tickerBar, kinds.color, colour(theme.card, innerW, tickerH), m, tickerY, innerW, tickerH, false);
  const tickerTextW = innerW - 2 * pad;
  specs.push({
    name: STUDIO_SOURCE.ticker,
    kind: kinds.text,
    settings: text(2.4 * u, theme.accent, true),
    transform: box(m + pad, tickerY + (tickerH - 3.2 * u) / 2, tickerTextW, 3.2 * u, kinds.scroll ? 'OBS_BOUNDS_NONE' : 'OBS_BOUNDS_MAX_ONLY'),
    filters: kinds.scroll ? [{ name: TICKER_SCROLL_FILTER, kind: 'scroll_filter', settings: { speed_x: 90, speed_y: 0, limit_cx: true, cx: Math.round(tickerTextW), limit_cy: false, loop: true } }] : undefined
  });

  // The product card: image left, then badge, title, pitch, price, was-price, lowest-30-day, stock.
  const cardW = vertical ? innerW : innerW * 0.46;
  const image = (vertical ? 19 : 20) * u;
  const lines: [keyof typeof STUDIO_SOURCE, number, number, string, boolean][] = [
    ['badge', 1.9, 3, theme.primary, true],
    ['title', 4.4, 5.4, theme.text, true],
    ['pitch', 2.4, 3.4, theme.text, false],
    ['price', 5, 6, theme.accent, true],
    ['was', 2.8, 3.6, theme.text, false],
    ['lowest', 1.8, 2.8, theme.text, false],
    ['stock', 2.4, 3.4, theme.text, true]
  ];
  // Like the browser card, the lines close up around those with nothing to say (no pitch, no
  // discount), and the card is as tall as what it shows; empty lines keep their place, unseen.
  const stacked = (key: keyof typeof STUDIO_SOURCE) => !filled || filled(STUDIO_SOURCE[key]);
  // Asking `filled` about anything outside layoutLines() would go unnoticed by the follower's cache.
  const textH = lines.reduce((sum, [key, , line]) => sum + (stacked(key) ? line * u : 0), 0);
  const cardH = Math.max(image, textH) + 2 * pad;
  const cardY = tickerY - gap - cardH;
  add(STUDIO_SOURCE.card, kinds.color, colour(theme.card, cardW, cardH), m, cardY, cardW, cardH, false);
  // OBS's image source reads a file on OBS's own computer (unload: keep it loaded while hidden).
  add(STUDIO_SOURCE.image, 'image_source', { unload: false }, m + pad, cardY + (cardH - image) / 2, image, image);
  const textX = m + 2 * pad + image;
  const textW = m + cardW - pad - textX;
  let y = cardY + (cardH - textH) / 2;
  for (const [key, size, line, fill, bold] of lines) {
    add(STUDIO_SOURCE[key], kinds.text, text(size * u, fill, bold, key === 'pitch' || key === 'lowest' ? textW : undefined), textX, y, textW, line * u);
    if (stacked(key)) y += line * u;
  }
  const stock = specs.find((s) => s.name === STUDIO_SOURCE.stock)!;
  stock.soldOut = text(2.4 * u, theme.primary, true);

  // Coming up: top left (upright: just above the card), one label and one line.
  const nextW = vertical ? innerW : innerW * 0.46;
  const nextH = 1.8 * u * 1.5 + 3 * u * 1.4 + 2 * pad;
  // The show's logo, top left as on the overlay; on 16:9 coming-up moves below it.
  const logoH = 7 * u;
  add(STUDIO_SOURCE.logo, 'image_source', { unload: false }, m, m, 30 * u, logoH);
  const nextY = vertical ? cardY - gap - nextH : m + (filled?.(STUDIO_SOURCE.logo) ? logoH + 2 * u : 0);
  add(STUDIO_SOURCE.nextCard, kinds.color, colour(theme.card, nextW, nextH), m, nextY, nextW, nextH, false);
  add(STUDIO_SOURCE.nextLabel, kinds.text, text(1.8 * u, theme.accent, true), m + pad, nextY + pad, nextW - 2 * pad, 2.7 * u);
  add(STUDIO_SOURCE.next, kinds.text, text(3 * u, theme.text, true), m + pad, nextY + pad + 2.7 * u, nextW - 2 * pad, 4.2 * u);

  // The flash deal: top right (upright: across the top), label, product and price, the clock.
  const dealW = vertical ? innerW : innerW * 0.26;
  const dealH = 2.7 * u + 4.2 * u + 6 * u + 2 * pad;
  const dealX = width - m - dealW;
  add(STUDIO_SOURCE.dealCard, kinds.color, colour(theme.card, dealW, dealH), dealX, m, dealW, dealH, false);
  add(STUDIO_SOURCE.dealLabel, kinds.text, text(1.8 * u, theme.accent, true), dealX + pad, m + pad, dealW - 2 * pad, 2.7 * u);
  add(STUDIO_SOURCE.deal, kinds.text, text(3 * u, theme.text, true), dealX + pad, m + pad + 2.7 * u, dealW - 2 * pad, 4.2 * u);
  add(STUDIO_SOURCE.dealClock, kinds.text, text(4.6 * u, theme.primary, true), dealX + pad, m + pad + 6.9 * u, dealW - 2 * pad, 6 * u);

  // Bottom to top in OBS's order: cards under their texts.
  const order: string[] = [
    STUDIO_SOURCE.card, STUDIO_SOURCE.image, STUDIO_SOURCE.badge, STUDIO_SOURCE.title, STUDIO_SOURCE.pitch, STUDIO_SOURCE.price, STUDIO_SOURCE.was, STUDIO_SOURCE.lowest, STUDIO_SOURCE.stock,
    STUDIO_SOURCE.nextCard, STUDIO_SOURCE.nextLabel, STUDIO_SOURCE.next,
    STUDIO_SOURCE.dealCard, STUDIO_SOURCE.dealLabel, STUDIO_SOURCE.deal, STUDIO_SOURCE.dealClock,
    STUDIO_SOURCE.tickerBar, STUDIO_SOURCE.ticker, STUDIO_SOURCE.logo
  ];
  // Show graphics (announcements, coupons, lower thirds) on top, in their own region.
  const graphics = nativeGraphicSpecs({ kinds, width, height, theme, u, m, text, colour, box: (x, y, w, h, fit) => box(x, y, w, h, fit ? 'OBS_BOUNDS_MAX_ONLY' : 'OBS_BOUNDS_NONE') });
  return [...order.map((name) => specs.find((s) => s.name === name)!), ...graphics];
}

function box(x: number, y: number, w: number, h: number, boundsType: string): JsonObject {
  // Whole pixels: OBS keeps floats, and a verify after a restart compares what it kept.
  const place: JsonObject = { positionX: Math.round(x), positionY: Math.round(y), alignment: TOP_LEFT, boundsType, scaleX: 1, scaleY: 1, rotation: 0 };
  if (boundsType === 'OBS_BOUNDS_NONE') return place; // OBS refuses bounds under 1 px; none are needed
  return { ...place, boundsAlignment: TOP_LEFT, boundsWidth: Math.max(1, Math.round(w)), boundsHeight: Math.max(1, Math.round(h)) };
}

function textSettings(kind: string, face: string, size: number, colour: string, bold: boolean, wrapWidth?: number): JsonObject {
  const px = Math.round(size);
  if (kind === 'text_ft2_source_v2') {
    const wrap: JsonObject = wrapWidth ? { word_wrap: true, custom_width: Math.round(wrapWidth) } : { word_wrap: false };
    return { font: { face, size: px, style: bold ? 'Bold' : 'Regular', flags: bold ? 1 : 0 }, color1: abgr(colour), color2: abgr(colour), outline: false, drop_shadow: false, ...wrap };
  }
  const wrap: JsonObject = wrapWidth ? { wrap: true, extents: true, extents_cx: Math.round(wrapWidth), extents_cy: px * 3 } : {};
  return { font: { face, size: px, style: bold ? 'Bold' : 'Regular', flags: bold ? 1 : 0 }, color: abgr(colour) & 0xffffff, opacity: Math.round((alphaOf(colour) / 255) * 100), ...wrap };
}

/** The theme's first font family, as OBS names a face (OBS falls back when it is not installed). */
export function fontFace(css: string): string {
  const first = css.split(',')[0]?.trim().replace(/^["']|["']$/g, '') ?? '';
  return !first || /^(system-ui|sans-serif|serif|monospace)$/i.test(first) ? 'DejaVu Sans' : first;
}

const alphaOf = (hex: string): number => (hex.length === 9 ? parseInt(hex.slice(7, 9), 16) : 255);

/** `#rrggbb[aa]` as OBS's 0xAABBGGRR. */
export function abgr(hex: string): number {
  const r = parseInt(hex.slice(1, 3), 16);
  const g = parseInt(hex.slice(3, 5), 16);
  const b = parseInt(hex.slice(5, 7), 16);
  return ((alphaOf(hex) << 24) | (b << 16) | (g << 8) | r) >>> 0;
}
