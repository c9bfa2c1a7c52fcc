import { pickAudienceText } from './locale-text';
import { baseLanguageOfView } from './on-air-card';
import type { Product } from './product';
import type { ShowView } from './view';
import { graphicGaps } from './graphics-text';

/** The localized fields an audience sees on air. */
export type AudienceField = 'title' | 'pitch' | 'badge';

/**
 * What an audience is shown instead of its own language: the base language's text, nothing at all
 * (an optional field), or the product id (a title in neither language).
 */
export type FallbackShown = 'base-language' | 'nothing' | 'product-id';

export interface ReadinessProblem {
  itemId: string;
  productId: string;
  /** `translation`: a field that an audience will read in the base language or not at all;
   * `lowest30d`: a discount shown without the lowest price of the last 30 days that EU law asks for. */
  kind: 'translation' | 'lowest30d' | 'graphic-text' | 'graphic-code';
  message: string;
  /** For `translation`: which field, which audiences, and what they get instead. */
  field?: AudienceField;
  locales?: string[];
  shows?: FallbackShown;
  /** The audiences' locales (translation) or the currencies (lowest30d) concerned: for a screen that words it in its operator's language. */
  where: string[];
  /** For `graphic-text` (an audience reads the base language or nothing) and `graphic-code` (a coupon without its market's code: not shown there); then `itemId` and `productId` are ''. */
  graphicId?: string;
}

const FIELDS: readonly AudienceField[] = ['title', 'pitch', 'badge'];
const lang = (locale: string) => locale.split('-')[0];
const hasAny = (text: Record<string, string>) => Object.values(text).some((v) => v);

/** What an audience would see fall back or break, listed before the show goes live. */
export function readinessProblems(view: ShowView): ReadinessProblem[] {
  const problems: ReadinessProblem[] = [];
  for (const item of view.rundown) {
    const p = item.product;
    if (!p) continue;
    const at = { itemId: item.id, productId: p.id };
    for (const field of FIELDS) problems.push(...fieldFallbacks(view, p, field).map((f) => ({ ...at, ...f })));
    const deal = view.deal?.productId === p.id ? view.deal : null;
    const missingLowest = [...new Set(view.locales.map((l) => l.currency))].filter((cur) => {
      const now = deal?.price[cur] ?? p.price[cur];
      const before = deal ? p.price[cur] : p.compareAt[cur];
      return now !== undefined && before !== undefined && before > now && p.lowest30d?.[cur] === undefined;
    });
    if (missingLowest.length) {
      problems.push({ ...at, kind: 'lowest30d', message: `${p.id}: discounted without the lowest price of the last 30 days in ${missingLowest.join(', ')} (EU rule)`, where: missingLowest });
    }
  }
  const locales = view.locales.map((l) => l.locale);
  for (const gap of graphicGaps(view.graphics, locales, baseLanguageOfView(view))) {
    problems.push({ itemId: '', productId: '', graphicId: gap.graphicId, kind: gap.kind, message: gap.message, locales: gap.locales, where: gap.locales });
  }
  return problems;
}

/**
 * One line per field and outcome, naming every audience it concerns. A pitch or badge the product
 * has in no language at all is no problem (there is nothing to translate); a title always is.
 */
function fieldFallbacks(view: ShowView, product: Product, field: AudienceField): Omit<ReadinessProblem, 'itemId' | 'productId'>[] {
  const text = product[field];
  if (field !== 'title' && !hasAny(text)) return [];
  const base = baseLanguageOfView(view);
  const byOutcome = new Map<FallbackShown, string[]>();
  for (const { locale } of view.locales) {
    const pick = pickAudienceText(text, locale, base);
    if (pick.from && lang(pick.from) === lang(locale)) continue;
    const shows: FallbackShown = pick.from ? 'base-language' : field === 'title' ? 'product-id' : 'nothing';
    byOutcome.set(shows, [...(byOutcome.get(shows) ?? []), locale]);
  }
  return [...byOutcome].map(([shows, locales]) => ({
    kind: 'translation' as const,
    field,
    locales,
    where: locales,
    shows,
    message: `${product.id}: no ${field} in ${locales.join(', ')}: ${OUTCOME[shows](base)}`
  }));
}

const OUTCOME: Record<FallbackShown, (base: string) => string> = {
  'base-language': (base) => `shows the base-language (${base}) text`,
  nothing: (base) => `shows none (none in the base language ${base} either)`,
  'product-id': (base) => `shows the product id (no title in the base language ${base} either)`
};
