import { z } from 'zod';
import { pickAudienceText } from './locale-text';
import { LocaleKey } from './product';

/**
 * Show graphics beyond the product: an announcement ("Free shipping tonight"), a coupon (a call to
 * action and a code per market) and a lower third (a guest's name, and their role as `detail`).
 * Prepared before the show, shown and hidden live, rendered per audience on every overlay and OBS.
 */
export const GraphicKind = z.enum(['announcement', 'coupon', 'lower-third']);
export type GraphicKind = z.infer<typeof GraphicKind>;

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

/** A graphic as the show holds it and every face sees it (`ShowView.graphics`). */
export interface Graphic {
  id: string;
  kind: GraphicKind;
  text: Record<string, string>;
  code: Record<string, string>;
  detail: Record<string, string>;
  /** How long a show lasts when the show command gives no time; null: until hidden. */
  seconds: number | null;
  visible: boolean;
  /** Epoch ms (studio clock) of the last show, while visible. */
  shownAt: number | null;
  /** Epoch ms when the studio hides it by itself; null: up until hidden. */
  hidesAt: number | null;
  createdBy: string;
}

export type GraphicPatch = Partial<Pick<Graphic, 'kind' | 'text' | 'code' | 'detail' | 'seconds'>>;

/** One graphic as one audience reads it: every string already in its language, the code its market's. */
export interface AudienceGraphic {
  id: string;
  kind: GraphicKind;
  text: string;
  detail: string;
  /** The coupon code of this audience's market, '' for other kinds. */
  code: string;
}

/**
 * The code an audience's market uses: its locale's (`pl-PL`), else its language's (`pl`). Never
 * another market's: a German viewer given the Polish code could not use it.
 */
export function codeFor(codes: Record<string, string>, locale: string): string {
  const at = (key: string) => (Object.hasOwn(codes, key) ? codes[key] : '');
  return at(locale) || at(locale.split('-')[0]);
}

/**
 * What an audience sees of a graphic, or null when it has nothing to show them: no text in their
 * language nor the base language, or a coupon without a code for their market.
 */
export function graphicFor(graphic: Pick<Graphic, 'id' | 'kind' | 'text' | 'code' | 'detail'>, locale: string, baseLanguage: string): AudienceGraphic | null {
  const text = pickAudienceText(graphic.text, locale, baseLanguage).text;
  const code = graphic.kind === 'coupon' ? codeFor(graphic.code, locale) : '';
  if (!text || (graphic.kind === 'coupon' && !code)) return null;
  const detail = graphic.kind === 'lower-third' ? pickAudienceText(graphic.detail, locale, baseLanguage).text : '';
  return { id: graphic.id, kind: graphic.kind, text, detail, code };
}

/** The graphics on air for one audience, oldest shown first (the order they stack in). */
export function visibleGraphicsFor(graphics: readonly Graphic[] | undefined, locale: string, baseLanguage: string): AudienceGraphic[] {
  return (graphics ?? [])
    .filter((g) => g.visible)
    .sort((a, b) => (a.shownAt ?? 0) - (b.shownAt ?? 0))
    .flatMap((g) => graphicFor(g, locale, baseLanguage) ?? []);
}

/** What an audience would miss of a graphic: its own text (it reads the base language, or nothing) or its code. */
export interface GraphicGap {
  graphicId: string;
  kind: 'graphic-text' | 'graphic-code';
  locales: string[];
  message: string;
}

/** Graphics missing a translation or a code for an audience, listed before going live. */
export function graphicGaps(graphics: readonly Graphic[] | undefined, locales: readonly string[], baseLanguage: string): GraphicGap[] {
  const lang = (l: string) => l.split('-')[0];
  const gaps: GraphicGap[] = [];
  for (const g of graphics ?? []) {
    const untranslated = locales.filter((l) => {
      const from = pickAudienceText(g.text, l, baseLanguage).from;
      return !from || lang(from) !== lang(l);
    });
    if (untranslated.length) gaps.push({ graphicId: g.id, kind: 'graphic-text', locales: untranslated, message: `graphic ${g.id}: no text in ${untranslated.join(', ')}` });
    const codeless = g.kind === 'coupon' ? locales.filter((l) => !codeFor(g.code, l)) : [];
    if (codeless.length) gaps.push({ graphicId: g.id, kind: 'graphic-code', locales: codeless, message: `coupon ${g.id}: no code for ${codeless.join(', ')} (not shown there)` });
  }
  return gaps;
}

/** Facts about graphics, journaled with who caused them. */
export type GraphicEvent =
  | { type: 'graphic.created'; graphic: Graphic }
  | { type: 'graphic.edited'; graphicId: string; patch: GraphicPatch }
  | { type: 'graphic.deleted'; graphicId: string }
  | { type: 'graphic.shown'; graphicId: string; shownAt: number; hidesAt: number | null }
  /** `reason`: an operator hid it, or its time was up (the studio's timer). */
  | { type: 'graphic.hidden'; graphicId: string; reason: 'hidden' | 'time-up' };

export const GRAPHIC_EVENT_TYPES: ReadonlySet<string> = new Set(['graphic.created', 'graphic.edited', 'graphic.deleted', 'graphic.shown', 'graphic.hidden']);
