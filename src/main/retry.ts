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

/**
 * Bounds on any wait a server asks for (`Retry-After`, a throttle hint): at least a second, so a
 * "retry now" cannot turn into a tight loop, and at most five minutes, so a typo or a hostile
 * answer cannot park the poller for days (or overflow a timer, which then fires at once).
 */
export const SERVER_WAIT = { minMs: 1000, maxMs: 5 * 60_000 } as const;

/** Node fires a timer longer than this (about 24.8 days) at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

// RFC 9110 delay-seconds are whole; Shopify sends `1.0`, so decimals pass too. Nothing signed or hex.
const DELAY_SECONDS = /^\d{1,12}(\.\d{1,6})?$/;
// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) and the two obsolete forms RFC 9110 still accepts.
const HTTP_DATE = /^[A-Za-z]{3},\s\d{2}\s[A-Za-z]{3}\s\d{4}\s\d{2}:\d{2}:\d{2}\sGMT$|^[A-Za-z]{6,9},\s\d{2}-[A-Za-z]{3}-\d{2}\s\d{2}:\d{2}:\d{2}\sGMT$|^[A-Za-z]{3}\s[A-Za-z]{3}\s[\s\d]\d\s\d{2}:\d{2}:\d{2}\s\d{4}$/;

/**
 * How long a `Retry-After` header asks to wait, in seconds or as an HTTP date, within `SERVER_WAIT`;
 * undefined when there is none or it is garbage (negative, hex, a word): then the caller's own
 * backoff applies.
 */
export function retryAfterMs(header: string | null | undefined, now: number = Date.now()): number | undefined {
  const text = header?.trim();
  if (!text) return undefined;
  if (DELAY_SECONDS.test(text)) return boundedWait(Number(text) * 1000);
  if (!HTTP_DATE.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isFinite(at) ? boundedWait(at - now) : undefined;
}

/** A wait kept within `SERVER_WAIT`; `fallback` (or the minimum) when it is not a number at all. */
export function boundedWait(ms: number | undefined, fallback: number = SERVER_WAIT.minMs): number {
  const wait = typeof ms === 'number' && !Number.isNaN(ms) ? ms : fallback;
  return Math.min(SERVER_WAIT.maxMs, Math.max(SERVER_WAIT.minMs, Math.ceil(wait)));
}

/** A delay a timer can hold: NaN and negatives are 0, anything past Node's limit is the limit. */
export function timerDelay(ms: number): number {
  return Number.isFinite(ms) ? Math.min(MAX_TIMER_MS, Math.max(0, ms)) : ms > 0 ? MAX_TIMER_MS : 0;
}
