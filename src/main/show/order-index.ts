import { hashOf } from './order-ids';
import type { OrderTable } from './order-table';
import { CHUNK_MASK, CHUNK_SHIFT, RowChunks } from './row-chunks';

/** A free slot. Slots hold row + 1, so a fresh (zeroed) array is all free without a fill. */
const EMPTY = 0;
/** Rows re-placed from the old slots into the doubled ones per order added (see `add`). */
const MOVES_PER_ADD = 4;

/**
 * Finds an order's row by (source, order id): open addressing over a typed array. About 12 bytes an
 * order (its slot and its hash), and rebuilt from a snapshot's million orders in tens of
 * milliseconds, where a Map of a million fresh strings takes a second. Every row of the table is in
 * it. Each row's hash is kept, so doubling the slots re-places integers instead of hashing ids again,
 * and it does so a few rows per order added: doubling at once held a poll for ~10 ms at 262k orders.
 */
export class OrderIndex {
  private slots = new Int32Array(2048);
  /** While the slots double: the previous ones, which still find every row below `moving`. */
  private old: Int32Array | null = null;
  /** Rows below this were in the index when the slots doubled; those below `moved` are in the new slots too. */
  private moving = 0;
  private moved = 0;
  private readonly hashes = new RowChunks(Uint32Array);
  private count = 0;

  static build(table: OrderTable): OrderIndex {
    const index = new OrderIndex();
    index.slots = new Int32Array(capacityFor(table.size));
    for (let row = 0; row < table.size; row++) {
      index.hashes.room(row);
      index.hashes.set(row, table.ids.hash(row, seedOf(table.sourceOf(row))));
      index.place(index.slots, row);
    }
    index.count = table.size;
    return index;
  }

  /** The row of that order, or -1. `source` is the interned source id (0: never seen, so not found). */
  find(table: OrderTable, source: number, orderId: string, hash = orderHash(source, orderId)): number {
    if (source === 0) return -1;
    const row = this.probe(this.slots, hash, table, source, orderId);
    return row < 0 && this.old ? this.probe(this.old, hash, table, source, orderId) : row;
  }

  /** Indexes the row just added to the table (`hash`: its `orderHash`, when the caller has it already). */
  add(table: OrderTable, row: number, hash = table.ids.hash(row, seedOf(table.sourceOf(row)))): void {
    if ((row & CHUNK_MASK) === 0) this.hashes.room(row);
    this.hashes.chunks[row >>> CHUNK_SHIFT][row & CHUNK_MASK] = hash;
    if (!this.old && (this.count + 1) * 2 > this.slots.length) {
      // The old slots keep answering for the rows they hold until all are moved (an eighth of the
      // new capacity later), so no single order pays for re-placing them all.
      this.old = this.slots;
      this.slots = new Int32Array(this.slots.length * 2);
      this.moving = this.count;
      this.moved = 0;
    }
    this.place(this.slots, row);
    this.count++;
    if (this.old) {
      const until = Math.min(this.moving, this.moved + MOVES_PER_ADD);
      for (; this.moved < until; this.moved++) this.place(this.slots, this.moved);
      if (this.moved === this.moving) this.old = null;
    }
  }

  private probe(slots: Int32Array, hash: number, table: OrderTable, source: number, orderId: string): number {
    const mask = slots.length - 1;
    const hashes = this.hashes.chunks;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const slot = slots[i];
      if (slot === EMPTY) return -1;
      const row = slot - 1;
      // The row's kept hash first: most rows met on the way are other orders, told apart without reading their ids.
      if (hashes[row >>> CHUNK_SHIFT][row & CHUNK_MASK] === hash && table.sourceOf(row) === source && table.ids.equals(row, orderId)) return row;
    }
  }

  private place(slots: Int32Array, row: number): void {
    const mask = slots.length - 1;
    let i = this.hashes.chunks[row >>> CHUNK_SHIFT][row & CHUNK_MASK] & mask;
    while (slots[i] !== EMPTY) i = (i + 1) & mask;
    slots[i] = row + 1;
  }
}

/** A power of two at least twice the rows: probes stay short. */
function capacityFor(rows: number): number {
  let capacity = 2048;
  while (capacity < rows * 2 + 2) capacity *= 2;
  return capacity;
}

/** FNV-1a's offset basis mixed with the source, so equal ids of two sources spread apart. */
const seedOf = (source: number) => (0x811c9dc5 ^ Math.imul(source, 0x9e3779b1)) >>> 0;

/** Where an order's lookup starts: computed once when it is both looked up and added. */
export const orderHash = (source: number, orderId: string) => hashOf(seedOf(source), orderId);
