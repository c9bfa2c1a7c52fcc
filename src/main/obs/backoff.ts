import { backoff } from '../retry';
import type { ObsFailure } from './obs-rpc';

/**
 * How long to wait before the next attempt: exponential from 250 ms with jitter, so several studios
 * do not hammer a restarting OBS in step. A refused port is cheap to retry and OBS coming back should
 * be noticed well within a second (the card must be whole a second after OBS is back); anything slower (timeouts, a far-away host) backs off further.
 */
export function backoffDelay(attempt: number, failure: ObsFailure['kind'], random: () => number = Math.random): number {
  return backoff(attempt, { baseMs: 250, capMs: failure === 'unreachable' ? 500 : 4000 }, random);
}
