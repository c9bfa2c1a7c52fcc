import { z } from 'zod';
import { LocaleKey } from './product';

/**
 * Show graphics beyond the product: an announcement ("Free shipping tonight"), a coupon (a call to
 * action and a code per market) and a lower third (a guest's name, and their role as `detail`).
 * Prepared before the show, shown and hidden live, rendered per audience on every overlay and OBS.
 */
export const GraphicKind = z.enum(['announcement', 'coupon', 'lower-third']);

/** Viewer text per language or locale, localized like a product's title. */
const GraphicText = z.record(LocaleKey, z.string().trim().max(300));
/** A coupon code per market (`pl-PL: POLSKA10`); a language key (`pl`) serves all its locales. */
const GraphicCodes = z.record(LocaleKey, z.string().trim().min(1).max(40).regex(/^\S+$/, 'a code has no spaces'));
/** How long a graphic stays up once shown; none: until someone hides it. */
const ShowSeconds = z.number().int().min(1).max(24 * 3600);
export const GraphicId = z.string().min(1).max(64);

const hasText = (t: Record<string, string>) => Object.values(t).some((v) => v !== '');

export const CreateGraphic = z.object({
  type: z.literal('graphics.create'),
  kind: GraphicKind,
  text: GraphicText.refine(hasText, 'give the text in at least one language'),
  code: GraphicCodes.optional(),
  detail: GraphicText.optional(),
  seconds: ShowSeconds.nullable().optional()
});
export const EditGraphic = z
  .object({
    type: z.literal('graphics.edit'),
    graphicId: GraphicId,
    kind: GraphicKind.optional(),
    text: GraphicText.refine(hasText, 'give the text in at least one language').optional(),
    code: GraphicCodes.optional(),
    detail: GraphicText.optional(),
    seconds: ShowSeconds.nullable().optional()
  })
  .refine((c) => c.kind !== undefined || c.text !== undefined || c.code !== undefined || c.detail !== undefined || c.seconds !== undefined, 'give a kind, text, code, detail or seconds');
export const DeleteGraphic = z.object({ type: z.literal('graphics.delete'), graphicId: GraphicId });
export const ShowGraphic = z.object({ type: z.literal('graphics.show'), graphicId: GraphicId, seconds: ShowSeconds.optional() });
/** `hidesAt`: only the showing that ends then (the studio's timer uses it; a later re-show stays up). */
export const HideGraphic = z.object({ type: z.literal('graphics.hide'), graphicId: GraphicId, hidesAt: z.number().int().nonnegative().optional() });

export * from './graphics-text';
import type { Graphic, GraphicPatch } from './graphics-text';

/** Facts about graphics, journaled with who caused them. */
export type GraphicEvent =
  | { type: 'graphic.created'; graphic: Graphic }
  | { type: 'graphic.edited'; graphicId: string; patch: GraphicPatch }
  | { type: 'graphic.deleted'; graphicId: string }
  | { type: 'graphic.shown'; graphicId: string; shownAt: number; hidesAt: number | null }
  /** `reason`: an operator hid it, or its time was up (the studio's timer). */
  | { type: 'graphic.hidden'; graphicId: string; reason: 'hidden' | 'time-up' };

export const GRAPHIC_EVENT_TYPES: ReadonlySet<string> = new Set(['graphic.created', 'graphic.edited', 'graphic.deleted', 'graphic.shown', 'graphic.hidden']);
