import { z } from 'zod';
import { CurrencyCode } from './product';

/** One audience of the show: the language its overlays speak and the currency its prices are in. */
export const ShowLocale = z.object({
  locale: z.string().regex(/^[a-z]{2,3}-[A-Z]{2}$/, 'expected a locale such as "pl-PL"'),
  currency: CurrencyCode
});
export type ShowLocale = z.infer<typeof ShowLocale>;

export { pickText, formatPrice, type LocalizedPick } from './locale-text';
