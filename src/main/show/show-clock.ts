import { performance } from 'node:perf_hooks';
import type { Actor } from '../../shared/events';
import { dueAdvance, type DueAdvance } from '../../shared/timing';
import type { ShowCore } from './show-core';
import type { ShowState } from './state';
import { timedShow } from './timing-view';

/** Who the journal says advanced the rundown when a slot was up. */
export const RUNDOWN_TIMER: Actor = { id: 'studio', client: 'rundown-timer' };

/** How often a failed advance (a refusing disk) is tried again. */
export const RETRY_MS = 250;

/** The clocks the show clock reads: wall time to place journaled times, monotonic time to measure. */
export interface ClockSource {
  wallNow(): number;
  monoNow(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const SYSTEM_CLOCK: ClockSource = {
  wallNow: Date.now,
  monoNow: () => performance.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout)
};

type ClockCore = Pick<ShowCore, 'current' | 'subscribe' | 'execute'>;

/**
 * The follower that advances the rundown when a slot is up. It reads the slot's start from the
 * journaled state, so after a restart it resumes exactly; the wall clock is read once per slot to
 * anchor it, and the rest is measured on the monotonic clock, so a wall clock set forward or back
 * neither fires nor delays an advance.
 */
export class ShowClock {
  private anchored: { due: DueAdvance; monoAt: number } | null = null;
  private timer: unknown = null;
  private unsubscribe: (() => void) | null = null;
  private stopped = false;

  constructor(
    private readonly core: ClockCore,
    private readonly clock: ClockSource = SYSTEM_CLOCK
  ) {}

  start(): () => void {
    this.unsubscribe = this.core.subscribe((state) => this.follow(state));
    this.follow(this.core.current);
    return () => this.stop();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    this.cancel();
  }

  /** The advance being timed, and when it fires on the monotonic clock (tests and the bench read it). */
  get pending(): { due: DueAdvance; monoAt: number } | null {
    return this.anchored;
  }

  private follow(state: ShowState): void {
    const due = dueAdvance(timedShow(state));
    const same = this.anchored && due && this.anchored.due.itemId === due.itemId && this.anchored.due.since === due.since && this.anchored.due.dueAt === due.dueAt;
    if (same) return;
    this.cancel();
    if (!due || this.stopped) return;
    this.anchored = { due, monoAt: this.clock.monoNow() + (due.dueAt - this.clock.wallNow()) };
    this.arm(this.anchored.monoAt - this.clock.monoNow());
  }

  private arm(ms: number): void {
    this.timer = this.clock.setTimer(() => this.fire(), Math.max(0, ms));
  }

  private fire(): void {
    this.timer = null;
    const anchored = this.anchored;
    if (!anchored || this.stopped) return;
    const early = anchored.monoAt - this.clock.monoNow();
    // Timers may fire a little early; wait out the rest rather than advance before the plan.
    if (early > 0) return this.arm(early);
    const { itemId, since } = anchored.due;
    this.core.execute({ type: 'rundown.slotUp', itemId, since }, RUNDOWN_TIMER).catch(() => {
      if (this.anchored === anchored && !this.stopped) this.arm(RETRY_MS);
    });
  }

  private cancel(): void {
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.timer = null;
    this.anchored = null;
  }
}
