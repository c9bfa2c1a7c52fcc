import type { JournalEntry } from '../../shared/events';
import { COUNTED, VOIDED } from './order-table';

/**
 * What journal entries still on their way to the disk do to orders: the book takes an entry only
 * once it is durable, but the next command must already see it (a repeat in the next poll is a repeat).
 */
export class PendingOrders {
  /** Entries added and not yet in the book, oldest first. */
  private entries: JournalEntry[] = [];
  /**
   * (source, order id) → status, from `entries`, built only when a command asks while some are
   * pending: the next poll is mostly classified once the previous one is on disk, and building it
   * for every entry cost a thousand keys per poll inside the append.
   */
  private byKey: Map<string, number> | null = null;

  add(entry: JournalEntry): void {
    this.entries.push(entry);
    if (this.byKey) this.index(this.byKey, entry);
  }

  /** The entry is in the book now: what it did is read from there. */
  settle(entry: JournalEntry): void {
    // Entries settle in journal order: this one and any before it are in the book.
    this.entries = this.entries.filter((pending) => pending.rev > entry.rev);
    this.byKey = null;
  }

  /** Forgets everything: after a failed write the pending entries that remain are added again. */
  clear(): void {
    this.entries = [];
    this.byKey = null;
  }

  statusOf(source: string, orderId: string): number | undefined {
    if (this.entries.length === 0) return undefined;
    if (!this.byKey) {
      this.byKey = new Map();
      for (const entry of this.entries) this.index(this.byKey, entry);
    }
    return this.byKey.get(orderKey(source, orderId));
  }

  /** A later entry's word on an order overrides an earlier one's. */
  private index(byKey: Map<string, number>, entry: JournalEntry): void {
    for (const event of entry.events) {
      if (event.type !== 'sales.recorded') continue;
      for (const change of event.changes) byKey.set(orderKey(event.source, change.orderId), change.effect === 'counted' ? COUNTED : VOIDED);
    }
  }
}

const orderKey = (source: string, orderId: string) => `${source}\n${orderId}`;
