import type { IncomingOrder, RecentOrder } from '../../shared/sales';
import type { SaleChange } from '../../shared/events';
import { OrderIds } from './order-ids';
import { CHUNK_MASK, CHUNK_SHIFT, RowChunks, type RowArrayType } from './row-chunks';

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
 * The orders, one typed-array column per field (about 45 bytes an order plus its id), in chunks of
 * rows (see row-chunks.ts). Rows never move, so a row number is a stable handle on an order.
 */
export class OrderTable {
  size = 0;
  readonly status = new RowChunks(Uint8Array);
  readonly units = new RowChunks(Int32Array);
  readonly amount = new RowChunks(Float64Array);
  readonly at = new RowChunks(Float64Array);
  readonly product = new RowChunks(Int32Array);
  readonly currency = new RowChunks(Int32Array);
  readonly locale = new RowChunks(Int32Array);
  readonly onAir = new RowChunks(Int32Array);
  readonly source = new RowChunks(Int32Array);
  /** The marketplace's order id per row (what repeats are recognised by). */
  ids = new OrderIds();

  add(status: number, source: string, order: SaleChange, names: Interner): number {
    const row = this.size++;
    if ((row & CHUNK_MASK) === 0) for (const name of COLUMNS) this[name].room(row);
    const c = row >>> CHUNK_SHIFT;
    const i = row & CHUNK_MASK;
    this.status.chunks[c][i] = status;
    this.units.chunks[c][i] = order.units;
    this.amount.chunks[c][i] = order.amount;
    this.at.chunks[c][i] = order.at;
    this.product.chunks[c][i] = names.id(order.productId);
    this.currency.chunks[c][i] = names.id(order.currency);
    this.locale.chunks[c][i] = names.id(order.locale);
    this.onAir.chunks[c][i] = names.id(order.onAir);
    this.source.chunks[c][i] = names.id(source);
    this.ids.push(order.orderId);
    return row;
  }

  // One reader per column, so each reads a single kind of typed array (fast, where `get` would serve five).
  statusOf(row: number): number {
    return this.status.chunks[row >>> CHUNK_SHIFT][row & CHUNK_MASK];
  }

  sourceOf(row: number): number {
    return this.source.chunks[row >>> CHUNK_SHIFT][row & CHUNK_MASK];
  }

  order(row: number, names: Interner): Pick<IncomingOrder, 'productId' | 'units' | 'amount' | 'currency' | 'at'> {
    return { productId: names.name(this.product.get(row))!, units: this.units.get(row), amount: this.amount.get(row), currency: names.name(this.currency.get(row))!, at: this.at.get(row) };
  }

  recent(row: number, names: Interner): RecentOrder {
    return { productId: names.name(this.product.get(row))!, units: this.units.get(row), locale: names.name(this.locale.get(row)), at: this.at.get(row) };
  }

  /** Each column's rows joined and copied: a snapshot must not change under a later order. */
  columns(): Record<ColumnName, Column> {
    return Object.fromEntries(COLUMNS.map((name) => [name, this[name].joined(this.size)])) as Record<ColumnName, Column>;
  }

  /** Takes the columns of a snapshot (see RowChunks.adopt: no copy but for the last partial chunk). */
  static from(columns: Record<ColumnName, Column>, ids: OrderIds): OrderTable {
    const table = new OrderTable();
    table.size = ids.size;
    for (const name of COLUMNS) (table as unknown as Record<ColumnName, RowChunks<Column>>)[name] = RowChunks.adopt(COLUMN_TYPES[name] as RowArrayType<Column>, columns[name], ids.size);
    table.ids = ids;
    return table;
  }
}
