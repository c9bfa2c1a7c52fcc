import type { ClockSource } from '../../src/main/show/show-clock';

/**
 * A wall clock and a monotonic clock that move only when told, with the timers that go with them.
 * `jumpWall` moves the wall clock alone, as an NTP correction or a user changing the time would.
 */
export class FakeClock implements ClockSource {
  wall: number;
  mono = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private nextId = 1;

  constructor(wall = Date.UTC(2026, 11, 2, 18, 0, 0)) {
    this.wall = wall;
  }

  wallNow = () => this.wall;
  monoNow = () => this.mono;
  setTimer = (fn: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.set(id, { at: this.mono + ms, fn });
    return id;
  };
  clearTimer = (handle: unknown) => {
    this.timers.delete(handle as number);
  };

  /** Moves both clocks forward, firing each timer at its own time, in order. */
  async advance(ms: number, settle: () => Promise<void> = async () => {}): Promise<void> {
    const end = this.mono + ms;
    for (;;) {
      const next = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!next) break;
      const [id, timer] = next;
      this.wall += timer.at - this.mono;
      this.mono = timer.at;
      this.timers.delete(id);
      timer.fn();
      await settle();
    }
    this.wall += end - this.mono;
    this.mono = end;
  }

  jumpWall(ms: number): void {
    this.wall += ms;
  }

  get pendingTimers(): number {
    return this.timers.size;
  }
}
