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

export interface GoalProgress {
  /** What has been reached so far, in the goal's unit. */
  reached: number;
  target: number;
  /** 0..1, capped: a goal beaten twice over still fills the bar once. */
  fraction: number;
}

/** How far the show is toward its goal, from the sales totals. */
export function goalProgress(goal: SalesGoal, sales: { units: number; revenue: Record<string, number> }): GoalProgress {
  const reached = 'units' in goal ? sales.units : (sales.revenue[goal.currency] ?? 0);
  const target = 'units' in goal ? goal.units : goal.revenue;
  return { reached, target, fraction: Math.max(0, Math.min(1, reached / target)) };
}
