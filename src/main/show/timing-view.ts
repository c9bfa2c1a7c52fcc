import type { ShowTiming } from '../../shared/timing';
import { showTiming } from '../../shared/timing';
import { own } from '../../shared/own';
import type { ShowState } from './state';

/**
 * `ShowView.timing` as of now, kept for a second (or until the show changes) so the live feed does
 * not see a new value on every composition.
 */
export class TimingView {
  private last: { state: ShowState; second: number; timing: ShowTiming } | null = null;

  constructor(
    private readonly current: () => ShowState,
    private readonly now: () => number = Date.now
  ) {}

  value(): ShowTiming {
    const state = this.current();
    const now = this.now();
    const second = Math.floor(now / 1000);
    if (this.last && this.last.state === state && this.last.second === second) return this.last.timing;
    const fresh = showTiming(timedShow(state), now);
    // Same figures, same object: the live feed sends a part only when it is not the same object.
    const timing = this.last && sameTiming(this.last.timing, fresh) ? this.last.timing : fresh;
    this.last = { state, second, timing };
    return timing;
  }
}

function sameTiming(a: ShowTiming, b: ShowTiming): boolean {
  return (Object.keys(a) as (keyof ShowTiming)[]).every((k) => a[k] === b[k]);
}

/** What the clock arithmetic needs of the show's state. */
export function timedShow(state: ShowState) {
  return {
    rundown: state.rundown.map((i) => ({ ...i, airedMs: own(state.airedMs, i.id) ?? 0 })),
    onAir: state.onAir,
    lastOnAirItemId: state.lastOnAirItemId,
    plan: state.plan
  };
}
