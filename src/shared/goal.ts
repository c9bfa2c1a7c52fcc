import { z } from 'zod';
import { CurrencyCode } from './product';

/**
 * The producer's sales goal for the show: a number of units, or revenue in one of the show's
 * currencies (revenue in other currencies is not converted, so it does not count toward it).
 */
export const SalesGoal = z.union([
  z.strictObject({ units: z.number().int().positive().max(10_000_000) }),
  z.strictObject({ revenue: z.number().finite().positive().max(1e10), currency: CurrencyCode })
]);
export type SalesGoal = z.infer<typeof SalesGoal>;
