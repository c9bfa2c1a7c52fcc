/** A frame of the faces' displays: a burst of changes is merged into at most one message per frame. */
export const FRAME_MS = 16;
/** Messages the feed may send back to back after a quiet spell before a burst waits for frames. */
export const BURST_MESSAGES = 3;

/**
 * When the live feed may send its next message: at once while it has been quiet (a pin after a
 * pause reaches the overlays without waiting for a frame), and at most one message a frame while
 * changes keep arriving faster than that (order ingestion, a held-down "next" key), so a burst costs
 * the faces one merged patch a frame instead of one per change. A token bucket on monotonic time:
 * `BURST_MESSAGES` credits, one earned back per frame.
 */
export class FeedPace {
  private credit = BURST_MESSAGES;
  private creditAt: number;

  /** `performance.now()`: monotonic, so a clock change on the studio's machine cannot stall the feed. */
  constructor(private readonly now: () => number = () => performance.now()) {
    this.creditAt = now();
  }

  /** Milliseconds until a message may go out: 0 means now. */
  wait(): number {
    this.earn();
    return this.credit >= 1 ? 0 : Math.ceil((1 - this.credit) * FRAME_MS);
  }

  /** A message went out. */
  sent(): void {
    this.earn();
    this.credit = Math.max(0, this.credit - 1);
  }

  private earn(): void {
    const now = this.now();
    this.credit = Math.min(BURST_MESSAGES, this.credit + Math.max(0, now - this.creditAt) / FRAME_MS);
    this.creditAt = now;
  }
}
