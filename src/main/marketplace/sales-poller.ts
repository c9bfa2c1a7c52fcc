import type { Actor } from '../../shared/events';
import { IncomingOrder } from '../../shared/sales';
import type { MarketplaceStatus } from '../../shared/marketplace';
import type { ShowCore } from '../show/show-core';
import { backoff, boundedWait, SERVER_WAIT, timerDelay } from '../retry';
import { MarketplaceError, type MarketplaceConnector } from './connector';
import { reason, type Reason } from '../../shared/reason';
import { forEachSlice } from '../common/event-loop-turns';
import { ORDERS_PER_SLICE } from '../show/sales-intake';

const ACTOR: Actor = { id: 'studio', client: 'marketplace' };
const MAX_BACKOFF_MS = 60_000;
const STOP_WAIT_MS = 2000;
/**
 * Orders per journaled command: the core acknowledges a command in one piece (the sales book takes
 * its orders at once), so a long catch-up poll goes in pieces that each keep a pin waiting ~1 ms.
 */
const BATCH = 1000;
/** A quiet marketplace's cursor is journaled this often, not after every empty poll. */
const QUIET_CURSOR_MS = 5 * 60_000;

export interface PollerHealth {
  status: MarketplaceStatus;
  lastError: string | null;
  lastErrorReason: Reason | null;
  lastSyncAt: number | null;
  retryAt: number | null;
}

/**
 * Polls one marketplace for orders and hands them to the core, one poll at a time. The cursor is
 * journaled with the orders it covers, so a restart resumes where the last acknowledged poll ended
 * and an order is neither lost nor (thanks to the core's keys) counted twice. Failures back off
 * with jitter; a rate limit waits as long as the API asked; a refused key waits for the user.
 */
export class SalesPoller {
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private stopped = false;
  private running: Promise<void> | null = null;
  private health: PollerHealth = { status: 'syncing', lastError: null, lastErrorReason: null, lastSyncAt: null, retryAt: null };
  private readonly listeners = new Set<() => void>();
  /** The cursor of the last poll; journaled with the orders it brought, or now and then when quiet. */
  private cursor: string | null = null;
  private cursorJournaledAt = Date.now();

  constructor(
    private readonly connector: MarketplaceConnector,
    private readonly core: ShowCore,
    private readonly random: () => number = Math.random
  ) {}

  start(): void {
    this.schedule(0);
  }

  /**
   * Stops polling. A poll in flight is waited for a moment, not for as long as a throttled
   * marketplace might keep it: whatever it brings after that is dropped (it will be read again).
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await Promise.race([this.running, new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref())]);
  }

  /** Polls now (after a settings change, or the control room's "sync now"). */
  pollNow(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    return (this.running ??= this.poll().finally(() => (this.running = null)));
  }

  view(): PollerHealth {
    return this.health;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.pollNow(), timerDelay(ms));
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    if (this.stopped) return;
    const source = this.connector.source;
    try {
      const fetched = await this.connector.fetchOrders(this.cursor ?? this.core.current.salesCursors[source] ?? null);
      if (this.stopped) return;
      const { cursor } = fetched;
      // One order the studio cannot take (an amount beyond its limits) must not refuse the whole
      // poll for ever: it is skipped, and said. Checked in slices, so a long poll never holds a pin.
      const orders: IncomingOrder[] = [];
      let clashes = 0;
      const classifier = this.core.sales.classifier(source);
      await forEachSlice(fetched.orders, ORDERS_PER_SLICE, (slice) => {
        const checked = slice.flatMap((o) => {
          const parsed = IncomingOrder.safeParse(o);
          return parsed.success ? [parsed.data] : [];
        });
        // Checked before recording: once recorded, a new order under a known id is only a "repeat".
        clashes += this.core.sales.clashes(source, checked);
        classifier.take(checked);
        orders.push(...checked);
      });
      if (this.stopped) return;
      const skipped = fetched.orders.length - orders.length;
      // Marketplaces repeat orders from poll to poll: a poll that only repeats what the book already
      // has moves nothing but the cursor, and that is journaled only now and then.
      const news = classifier.changes(null).length > 0;
      const journalCursor = news || Date.now() - this.cursorJournaledAt > QUIET_CURSOR_MS;
      if (journalCursor) {
        // The cursor goes with the last part: a crash between parts re-reads, and repeats count once.
        for (let i = 0; i < orders.length - BATCH; i += BATCH) await this.core.execute({ type: 'sales.record', source, orders: orders.slice(i, i + BATCH) }, ACTOR);
        const last = orders.length > BATCH ? orders.slice(Math.floor((orders.length - 1) / BATCH) * BATCH) : orders;
        await this.core.execute({ type: 'sales.record', source, cursor, orders: last }, ACTOR);
        this.cursorJournaledAt = Date.now();
      }
      this.cursor = cursor;
      this.failures = 0;
      const notes = [
        skipped > 0 && `${skipped} order line${skipped === 1 ? '' : 's'} could not be read (outside the studio's limits) and ${skipped === 1 ? 'was' : 'were'} skipped`,
        clashes > 0 && `${clashes} order${clashes === 1 ? '' : 's'} came under the id of another order already counted and ${clashes === 1 ? 'was' : 'were'} not counted`
      ].filter((n): n is string => !!n);
      const note = notes.length ? notes.join('; ') : null;
      const noteReason = skipped > 0 && clashes > 0 ? reason('marketplace.skippedAndClashed', { skipped, clashed: clashes }) : skipped > 0 ? reason('marketplace.skipped', { lines: skipped }) : clashes > 0 ? reason('marketplace.clashed', { orders: clashes }) : null;
      this.update({ status: 'ok', lastError: note, lastErrorReason: noteReason, lastSyncAt: Date.now(), retryAt: null });
      this.schedule(this.connector.pollSeconds * 1000);
    } catch (err) {
      this.failed(err);
    }
  }

  private failed(err: unknown): void {
    const error = err instanceof MarketplaceError ? err : new MarketplaceError('unavailable', (err as Error).message ?? String(err));
    if (error.kind === 'auth' || error.kind === 'config') {
      this.update({ status: 'failed', lastError: error.message, lastErrorReason: failureReason(error), lastSyncAt: this.health.lastSyncAt, retryAt: null });
      return;
    }
    this.failures++;
    const jittered = backoff(this.failures - 1, { baseMs: this.connector.pollSeconds * 1000, capMs: MAX_BACKOFF_MS }, this.random);
    // What the marketplace asked for counts only within bounds (see SERVER_WAIT); a wait it did not
    // give, or gave as garbage, is our own backoff.
    const asked = error.retryAfterMs;
    const wait = asked !== undefined && Number.isFinite(asked) ? Math.max(jittered, boundedWait(asked)) : Math.max(jittered, SERVER_WAIT.minMs);
    this.update({ status: 'backing_off', lastError: error.message, lastErrorReason: failureReason(error), lastSyncAt: this.health.lastSyncAt, retryAt: Date.now() + wait });
    this.schedule(wait);
  }

  private update(health: PollerHealth): void {
    this.health = health;
    for (const listener of this.listeners) listener();
  }
}

/** What kind of failure, as a code the desk words; the marketplace's own words ride along as `detail`. */
function failureReason(error: MarketplaceError): Reason {
  const detail = { detail: error.message };
  switch (error.kind) {
    case 'auth':
      return reason('marketplace.auth', detail);
    case 'config':
      return reason('marketplace.config', detail);
    case 'rate_limited':
      return reason('marketplace.rateLimited', detail);
    case 'unavailable':
      return reason('marketplace.unavailable', detail);
    case 'bad_response':
      return reason('marketplace.badResponse', detail);
  }
}
