export interface BackoffPolicy {
  /** The wait after the first failure, before jitter. */
  baseMs: number;
  /** No wait grows beyond this, before jitter. */
  capMs: number;
}

/**
 * How long to wait before retry number `attempt` (0 for the first): doubling from `baseMs` up to
 * `capMs`, then jittered down by up to half, so many clients failing together do not retry in step.
 */
export function backoff(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  // The exponent stops growing long before it could overflow: the cap is reached by then anyway.
  const exponential = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(Math.max(0, attempt), 30));
  return Math.round(exponential * (0.5 + random() * 0.5));
}
