import { z } from 'zod';
import { CommandSchema, type Command } from '../../shared/command-registry';
import { MAX_ORDERS_PER_RECORD } from '../../shared/commands';
import { IncomingOrder } from '../../shared/sales';
import { describeZodError } from '../common/zod-errors';
import { forEachSlice } from '../common/event-loop-turns';
import { CommandError } from './command-error';
import { checkedOrder } from './order-check';
import type { OrderLedger } from './decide';
import type { SalesBook } from './sales-book';
import type { PendingOrders } from './pending-orders';

export type RecordSales = Extract<Command, { type: 'sales.record' }>;

/**
 * Orders checked or classified before the event loop gets a turn: a quarter of a millisecond of
 * work on this machine, so a pin's request waits at most that long behind a poll of ten thousand.
 */
export const ORDERS_PER_SLICE = 250;
const OrderSlice = z.array(IncomingOrder);

/** A `sales.record` with more orders than one slice: taken in slices. */
export function isBigSalesRecord(input: unknown): input is { type: 'sales.record'; orders: unknown[] } {
  if (typeof input !== 'object' || input === null) return false;
  const { type, orders } = input as { type?: unknown; orders?: unknown };
  return type === 'sales.record' && Array.isArray(orders) && orders.length > ORDERS_PER_SLICE;
}

/**
 * How the core takes a big batch of orders without holding the event loop: the command's shape is
 * checked a slice at a time, then, in turn with every other sales command (so two polls never both
 * count an order neither had seen), its orders are classified a slice at a time. Only the last step
 * (deciding, applying, appending to the journal) is one piece, and it is small.
 */
export class SalesIntake {
  private lane: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  constructor(
    private readonly book: SalesBook,
    private readonly pending: PendingOrders
  ) {}

  /** A sales command is being taken in slices: a small one must wait its turn behind it. */
  get busy(): boolean {
    return this.waiting > 0;
  }

  /** The command's shape, checked a slice of orders at a time; refused with the whole check's own sentence. */
  async check(input: { orders: unknown[] }): Promise<RecordSales> {
    const envelope = CommandSchema.safeParse({ ...input, orders: [] });
    const orders: IncomingOrder[] = [];
    let valid = envelope.success && input.orders.length <= MAX_ORDERS_PER_RECORD;
    if (valid) {
      await forEachSlice(input.orders, ORDERS_PER_SLICE, (slice) => {
        if (!valid) return;
        const before = orders.length;
        for (const value of slice) {
          const order = checkedOrder(value);
          if (!order) break;
          orders.push(order);
        }
        if (orders.length - before === slice.length) return;
        // The schema has the last word on a slice the plain check refused.
        orders.length = before;
        const parsed = OrderSlice.safeParse(slice);
        if (parsed.success) orders.push(...parsed.data);
        else valid = false;
      });
    }
    if (!valid) {
      // Rare (a hostile or broken caller): the whole check says where, as it does for any command.
      const whole = CommandSchema.safeParse(input);
      throw new CommandError('invalid_command', 400, whole.success ? 'orders: invalid' : describeZodError(whole.error));
    }
    return { ...(envelope.data as RecordSales), orders };
  }

  /**
   * Runs `decide` (which decides, applies and appends, synchronously up to the append) once every
   * earlier sales command has been appended, with this command's orders classified ahead. The
   * ledger it gets answers the decision with those changes, crediting what is on air then.
   */
  take<T>(command: RecordSales, decide: (ledger: OrderLedger) => Promise<T>): Promise<T> {
    this.waiting++;
    const turn = this.lane.then(async () => {
      try {
        const classifier = this.book.classifier(command.source, this.pending);
        await forEachSlice(command.orders, ORDERS_PER_SLICE, (slice) => classifier.take(slice));
        // Wrapped: the lane moves on once the entry is appended, not once it is on disk.
        return { acknowledged: decide({ classify: (_source, _orders, onAir) => classifier.changes(onAir) }) };
      } finally {
        this.waiting--;
      }
    });
    this.lane = turn.catch(() => {});
    return turn.then(({ acknowledged }) => acknowledged);
  }
}
