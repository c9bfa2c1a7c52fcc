// Graphics as faces read them, without the schemas: overlay pages must not carry the validation library.
import { pickAudienceText } from './locale-text';

export type GraphicKind = 'announcement' | 'coupon' | 'lower-third';

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

