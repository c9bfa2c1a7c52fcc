import type { Product } from '../../shared/product';
import { formatPrice, pickAudienceText } from '../../shared/locale-text';
import { own } from '../../shared/own';
import type { AirSpan, Recording } from './recordings-log';

/** A product's stretch on air as a place in one recording. */
export interface Slot {
  itemId: string;
  productId: string;
  /** Seconds from the recording's first frame. */
  startSeconds: number;
  durationSeconds: number;
  /** The product's name in the audience's language: the chapter's title. */
  name: string;
  title: string;
  description: string;
}

export interface Audience {
  locale: string;
  /** The market's currency; null when the show sells nothing to this locale. */
  currency: string | null;
  baseLanguage: string;
  showTitle: string;
}

/** Shorter than this is a pin corrected at once, not a product shown: no clip is worth it. */
export const MIN_SLOT_SECONDS = 2;

/**
 * One slot per stretch on air inside the recording, clipped to it. `end` is the recording's end
 * (its stop, or how far a crashed recording reached). Text is in the audience's language only.
 */
export function planSlots(recording: Recording, end: number, spans: readonly AirSpan[], products: Record<string, Product>, audience: Audience): Slot[] {
  const slots: Slot[] = [];
  for (const span of spans) {
    const from = Math.max(span.from, recording.startedAt);
    const to = Math.min(span.to ?? end, end);
    if (to - from < MIN_SLOT_SECONDS * 1000) continue;
    const product = own(products, span.productId);
    slots.push({
      itemId: span.itemId,
      productId: span.productId,
      startSeconds: round3((from - recording.startedAt) / 1000),
      durationSeconds: round3((to - from) / 1000),
      ...describe(product, span.productId, audience)
    });
  }
  return slots;
}

/** The title (product · show) and a description: pitch, then the price in that market's currency. */
export function describe(product: Product | undefined, productId: string, audience: Audience): { name: string; title: string; description: string } {
  const pick = (text: Record<string, string> | undefined) => (text ? pickAudienceText(text, audience.locale, audience.baseLanguage).text : '');
  const name = pick(product?.title) || productId;
  const price = audience.currency ? own(product?.price ?? {}, audience.currency) : undefined;
  const lines = [pick(product?.pitch), price !== undefined && audience.currency ? formatPrice(price, audience.currency, audience.locale) : ''].filter(Boolean);
  return { name, title: `${name} · ${audience.showTitle}`.slice(0, 100), description: lines.join('\n') };
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
