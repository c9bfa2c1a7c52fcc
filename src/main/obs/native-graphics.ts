import type { JsonObject } from 'type-fest';
import type { Theme } from '../../shared/theme';
import type { Audience } from '../../shared/on-air-card';
import type { OverlayText } from '../../shared/overlay-text';
import type { CoreView } from '../../shared/view';
import { visibleGraphicsFor } from '../../shared/graphics-text';
import type { NativeKinds, SourceSpec } from './native-card';

/**
 * Show graphics (announcements, coupons, lower thirds) drawn with OBS's own sources, for OBS without
 * the browser source: a few fixed slots, each a card and one text, in the region the overlay page
 * gives graphics (16:9: the right column above the ticker; 9:16: below the deal). More graphics up
 * than slots wait, as on the overlay page.
 */
export const GRAPHIC_SLOTS = 3;
export const graphicCardSource = (slot: number): string => `Shopcast · Graphic ${slot + 1} card`;
export const graphicTextSource = (slot: number): string => `Shopcast · Graphic ${slot + 1}`;
export const GRAPHIC_SOURCE_NAMES: readonly string[] = Array.from({ length: GRAPHIC_SLOTS }, (_, i) => [graphicCardSource(i), graphicTextSource(i)]).flat();
const GRAPHIC_TEXTS = new Map(Array.from({ length: GRAPHIC_SLOTS }, (_, i) => [graphicTextSource(i), i]));
const GRAPHIC_CARDS = new Map(Array.from({ length: GRAPHIC_SLOTS }, (_, i) => [graphicCardSource(i), graphicTextSource(i)]));

export const isGraphicSource = (name: string): boolean => GRAPHIC_TEXTS.has(name) || GRAPHIC_CARDS.has(name);
/** The text a graphic's card follows: shown while that slot has a graphic. */
export const textOfGraphicCard = (name: string): string | undefined => GRAPHIC_CARDS.get(name);

export interface NativeGraphicsLook {
  kinds: NativeKinds;
  width: number;
  height: number;
  theme: Theme;
  u: number;
  m: number;
  /** The text source's settings for a size and colour (the native card's own helper). */
  text: (size: number, colour: string, bold: boolean, wrapWidth?: number) => JsonObject;
  colour: (fill: string, w: number, h: number) => JsonObject;
  box: (x: number, y: number, w: number, h: number, fit: boolean) => JsonObject;
}

/** The slots' cards and texts, bottom to top in OBS's order, the first slot nearest the ticker (16:9). */
export function nativeGraphicSpecs(look: NativeGraphicsLook): SourceSpec[] {
  const { width, height, theme, u, m } = look;
  const vertical = height > width;
  const innerW = width - 2 * m;
  const pad = 2 * u;
  const w = vertical ? innerW : innerW * 0.26;
  const x = width - m - w;
  // Three lines in the narrow 16:9 column (a call to action wraps, then its code); two across 9:16.
  const h = (vertical ? 2 : 3) * 3.4 * u + 2 * pad;
  const gap = 1.4 * u;
  // 16:9: stacked up from above the ticker (5.6u) and its gap; 9:16: down from below the deal card.
  const top = (slot: number) => (vertical ? m + 18 * u + slot * (h + gap) : height - m - 5.6 * u - 2 * u - (slot + 1) * h - slot * gap);
  return Array.from({ length: GRAPHIC_SLOTS }, (_, slot) => [
    { name: graphicCardSource(slot), kind: look.kinds.color, settings: look.colour(theme.card, w, h), transform: look.box(x, top(slot), w, h, false) },
    { name: graphicTextSource(slot), kind: look.kinds.text, settings: look.text(2.6 * u, theme.text, true, w - 2 * pad), transform: look.box(x + pad, top(slot) + pad, w - 2 * pad, h - 2 * pad, true) }
  ]).flat();
}

/** Each slot's text for one audience: a coupon's call and its market's code, a guest's name and role. */
export function nativeGraphicTexts(view: CoreView, audience: Audience, text: OverlayText): Record<string, string> {
  const up = visibleGraphicsFor(view.graphics, audience.locale, view.baseLanguage ?? audience.baseLanguage);
  const texts: Record<string, string> = {};
  for (let slot = 0; slot < GRAPHIC_SLOTS; slot++) {
    const g = up[slot];
    texts[graphicTextSource(slot)] = !g ? '' : g.kind === 'coupon' ? `${g.text}\n${text.t(audience.locale, 'couponCode')}: ${g.code}` : [g.text, g.detail].filter(Boolean).join('\n');
  }
  return texts;
}
