import type { IncomingOrder, RecentOrder } from '../../shared/sales';
import type { SaleChange } from '../../shared/events';
import { hashOf, OrderIds } from './order-ids';

/** Product ids, locales, currencies and sources repeat across orders: stored once, referred to by number. */
export class Interner {
  private readonly ids = new Map<string, number>();

  constructor(private readonly list: string[] = ['']) {
    list.forEach((name, id) => id > 0 && this.ids.set(name, id));
  }

  id(name: string | null): number {
    if (name === null) return 0;
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.list.push(name) - 1;
      this.ids.set(name, id);
    }
    return id;
  }

  name(id: number): string | null {
    return id === 0 ? null : this.list[id];
  }

  /** The id of a name already seen, or 0: a lookup that interns nothing. */
  existing(name: string): number {
    return this.ids.get(name) ?? 0;
  }

  names(): string[] {
    return this.list.slice();
  }
}

/** An order row's status: counted in the totals, or taken out (refunded, cancelled). */
export const COUNTED = 1;
export const VOIDED = 2;

/** The numeric columns, in the order a snapshot stores them. */
export const COLUMNS = ['status', 'units', 'amount', 'at', 'product', 'currency', 'locale', 'onAir', 'source'] as const;
export type ColumnName = (typeof COLUMNS)[number];
export type Column = Uint8Array | Int32Array | Float64Array;
/** A typed-array class, made empty or viewing bytes already in memory (a snapshot's). */
export type ArrayType = (new (n: number) => Column | Uint16Array) & (new (buffer: ArrayBuffer, offset: number, length: number) => Column | Uint16Array) & { BYTES_PER_ELEMENT: number };
export const COLUMN_TYPES: Record<ColumnName, ArrayType> = {
  status: Uint8Array,
  units: Int32Array,
  amount: Float64Array,
  at: Float64Array,
  product: Int32Array,
  currency: Int32Array,
  locale: Int32Array,
  onAir: Int32Array,
  source: Int32Array
};

/**
 * The orders, one typed-array column per field (about 45 bytes an order plus its id), grown by
 * doubling. Rows never move, so a row number is a stable handle on an order.
 */
export class OrderTable {
  size = 0;
  status = new Uint8Array(1024);
  units = new Int32Array(1024);
  amount = new Float64Array(1024);
  at = new Float64Array(1024);
  product = new Int32Array(1024);
  currency = new Int32Array(1024);
  locale = new Int32Array(1024);
  onAir = new Int32Array(1024);
  source = new Int32Array(1024);
  /** The marketplace's order id per row (what repeats are recognised by). */
  ids = new OrderIds();

  add(status: number, source: string, order: SaleChange, names: Interner): number {
    if (this.size === this.status.length) this.grow();
    const row = this.size++;
    this.status[row] = status;
    this.units[row] = order.units;
    this.amount[row] = order.amount;
    this.at[row] = order.at;
    this.product[row] = names.id(order.productId);
    this.currency[row] = names.id(order.currency);
    this.locale[row] = names.id(order.locale);
    this.onAir[row] = names.id(order.onAir);
    this.source[row] = names.id(source);
    this.ids.push(order.orderId);
    return row;
  }

  order(row: number, names: Interner): Pick<IncomingOrder, 'productId' | 'units' | 'amount' | 'currency' | 'at'> {
    return { productId: names.name(this.product[row])!, units: this.units[row], amount: this.amount[row], currency: names.name(this.currency[row])!, at: this.at[row] };
  }

  recent(row: number, names: Interner): RecentOrder {
    return { productId: names.name(this.product[row])!, units: this.units[row], locale: names.name(this.locale[row]), at: this.at[row] };
  }

  /** The used part of each column, copied: a snapshot must not change under a later order. */
  columns(): Record<ColumnName, Column> {
    return Object.fromEntries(COLUMNS.map((name) => [name, this[name].slice(0, this.size)])) as Record<ColumnName, Column>;
  }

  /** Adopts the columns as they are (a snapshot's): the first order added after grows them. */
  static from(columns: Record<ColumnName, Column>, ids: OrderIds): OrderTable {
    const table = new OrderTable();
    table.size = ids.size;
    if (ids.size > 0) for (const name of COLUMNS) (table as unknown as Record<ColumnName, Column>)[name] = columns[name];
    table.ids = ids;
    return table;
  }

  private grow(): void {
    for (const name of COLUMNS) {
      const old = this[name];
      const grown = new (old.constructor as new (n: number) => Column)(old.length * 2);
      grown.set(old);
      (this as unknown as Record<ColumnName, Column>)[name] = grown;
    }
  }
}

/**
 * Finds an order's row by (source, order id): open addressing over a typed array. About 12 bytes an
 * order (its slot and its hash), and rebuilt from a snapshot's million orders in tens of
 * milliseconds, where a Map of a million fresh strings takes a second. Every row of the table is in
 * it. Each row's hash is kept, so doubling the slots (at 128k, 256k… orders, in the middle of a
 * poll) re-places integers instead of hashing every order id again while a pin waits.
 */
export class OrderIndex {
  private slots = new Int32Array(2048).fill(EMPTY);
  private hashes = new Uint32Array(1024);
  private count = 0;

  static build(table: OrderTable): OrderIndex {
    const index = new OrderIndex();
    index.slots = new Int32Array(capacityFor(table.size)).fill(EMPTY);
    index.hashes = new Uint32Array(Math.max(1024, table.size));
    for (let row = 0; row < table.size; row++) {
      index.hashes[row] = table.ids.hash(row, seedOf(table.source[row]));
      index.place(row);
    }
    index.count = table.size;
    return index;
  }

  /** The row of that order, or -1. `source` is the interned source id (0: never seen, so not found). */
  find(table: OrderTable, source: number, orderId: string): number {
    if (source === 0) return -1;
    const mask = this.slots.length - 1;
    for (let i = hashOf(seedOf(source), orderId) & mask; ; i = (i + 1) & mask) {
      const row = this.slots[i];
      if (row === EMPTY) return -1;
      if (table.source[row] === source && table.ids.equals(row, orderId)) return row;
    }
  }

  /** Indexes the row just added to the table. */
  add(table: OrderTable, row: number): void {
    if (row >= this.hashes.length) {
      const grown = new Uint32Array(Math.max(row + 1, this.hashes.length * 2));
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[row] = table.ids.hash(row, seedOf(table.source[row]));
    if ((this.count + 1) * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
      for (let r = 0; r < this.count; r++) this.place(r);
    }
    this.place(row);
    this.count++;
  }

  private place(row: number): void {
    const mask = this.slots.length - 1;
    let i = this.hashes[row] & mask;
    while (this.slots[i] !== EMPTY) i = (i + 1) & mask;
    this.slots[i] = row;
  }
}

const EMPTY = -1;

/** A power of two at least twice the rows: probes stay short. */
function capacityFor(rows: number): number {
  let capacity = 2048;
  while (capacity < rows * 2 + 2) capacity *= 2;
  return capacity;
}

/** FNV-1a's offset basis mixed with the source, so equal ids of two sources spread apart. */
const seedOf = (source: number) => (0x811c9dc5 ^ Math.imul(source, 0x9e3779b1)) >>> 0;
