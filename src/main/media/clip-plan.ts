import type { Product } from '../../shared/product';
import { formatPrice, pickAudienceText } from '../../shared/locale-text';
import { own } from '../../shared/own';
import type { AirSpan, Recording } from './recordings-log';
import { fileSecondsAt, pausedWithin } from './recording-time';

/** A product's stretch on air as a place in one recording. */
export interface Slot {
  itemId: string;
  productId: string;
  /** Seconds from the recording's first frame, in the file (its pauses are not in it). */
  startSeconds: number;
  durationSeconds: number;
  /** Seconds of the slot on air while the recording was paused: not in the file, so not in the clip. */
  pausedSeconds: number;
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
 * One slot per stretch on air inside the recording, clipped to it, placed in the file: show time
 * minus the recording's pauses before it. A slot the recording was paused through has no footage
 * and is dropped; one paused in part is shortened by the pause (`pausedSeconds`). `end` is the
 * recording's end (its stop, or how far a crashed recording reached). Text is in the audience's
 * language only.
 */
export function planSlots(recording: Recording, end: number, spans: readonly AirSpan[], products: Record<string, Product>, audience: Audience): Slot[] {
  const slots: Slot[] = [];
  for (const span of spans) {
    const from = Math.max(span.from, recording.startedAt);
    const to = Math.min(span.to ?? end, end);
    const paused = to > from ? pausedWithin(recording, from, to) : 0;
    if (to - from - paused < MIN_SLOT_SECONDS * 1000) continue;
    const product = own(products, span.productId);
    slots.push({
      itemId: span.itemId,
      productId: span.productId,
      startSeconds: round3(fileSecondsAt(recording, from)),
      durationSeconds: round3((to - from - paused) / 1000),
      pausedSeconds: round3(paused / 1000),
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
