// No schemas here: the control room and overlays import this without the validation library.
import type { SalesGoal } from './goal';

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
