import type { ShowTiming } from '../../shared/timing';
import { showTiming } from '../../shared/timing';
import type { ShowState } from './state';

/**
 * `ShowView.timing` as of the show's last change: one value per state, so the live feed, `GET
 * /api/v1/show` and a replay of the feed agree exactly. Faces count on from `onAir.since` and the
 * feed's `serverTime` with the same arithmetic (`showTiming`), as the overlays' countdowns do.
 */
export class TimingView {
  private last: { state: ShowState; timing: ShowTiming } | null = null;

  constructor(
    private readonly current: () => ShowState,
    private readonly now: () => number = Date.now
  ) {}

  value(): ShowTiming {
    const state = this.current();
    if (this.last && this.last.state === state) return this.last.timing;
    const fresh = showTiming(timedShow(state), this.now());
    // Same figures, same object: the live feed sends a part only when it is not the same object.
    const timing = this.last && sameTiming(this.last.timing, fresh) ? this.last.timing : fresh;
    this.last = { state, timing };
    return timing;
  }
}

function sameTiming(a: ShowTiming, b: ShowTiming): boolean {
  return (Object.keys(a) as (keyof ShowTiming)[]).every((k) => a[k] === b[k]);
}

/** What the clock arithmetic needs of the show's state (each rundown item carries its aired time). */
export function timedShow(state: ShowState) {
  return {
    rundown: state.rundown,
    onAir: state.onAir,
    lastOnAirItemId: state.lastOnAirItemId,
    plan: state.plan
  };
}
