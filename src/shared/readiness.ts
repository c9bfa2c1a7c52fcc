import type { ShowView } from './view';

export interface ReadinessProblem {
  itemId: string;
  productId: string;
  /** `translation`: a title or pitch missing in an audience's language; `lowest30d`: a discount
   * shown without the lowest price of the last 30 days that EU law asks for. */
  kind: 'translation' | 'lowest30d';
  message: string;
  /** The same, as data, for a screen that words it in its operator's language. */
  field?: 'title' | 'pitch';
  /** The audiences' locales (translation) or the currencies (lowest30d) concerned. */
  where: string[];
}

const lang = (locale: string) => locale.split('-')[0];
const has = (text: Record<string, string>, locale: string) => Object.entries(text).some(([k, v]) => v && (k === locale || lang(k) === lang(locale)));

/** What an audience would see fall back or break, listed before the show goes live. */
export function readinessProblems(view: ShowView): ReadinessProblem[] {
  const problems: ReadinessProblem[] = [];
  for (const item of view.rundown) {
    const p = item.product;
    if (!p) continue;
    const at = { itemId: item.id, productId: p.id };
    const noTitle = view.locales.filter((l) => !has(p.title, l.locale)).map((l) => l.locale);
    const noPitch = view.locales.filter((l) => !has(p.pitch, l.locale)).map((l) => l.locale);
    if (noTitle.length) problems.push({ ...at, kind: 'translation', message: `${p.id}: no title in ${noTitle.join(', ')} (the overlay falls back)`, field: 'title', where: noTitle });
    if (noPitch.length && Object.keys(p.pitch).length) problems.push({ ...at, kind: 'translation', message: `${p.id}: no pitch in ${noPitch.join(', ')}`, field: 'pitch', where: noPitch });
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
  return problems;
}
