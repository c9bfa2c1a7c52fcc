import type { IncomingOrder, RecentOrder } from '../../shared/sales';
import type { SaleChange } from '../../shared/events';

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

  names(): string[] {
    return this.list.slice();
  }
}

/** The numeric columns, in the order a snapshot stores them. */
export const COLUMNS = ['status', 'units', 'amount', 'at', 'product', 'currency', 'locale', 'onAir', 'source'] as const;
export type ColumnName = (typeof COLUMNS)[number];
export type Column = Uint8Array | Int32Array | Float64Array;

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
  ids: string[] = [];

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

  static from(columns: Record<ColumnName, Column>, ids: string[]): OrderTable {
    const table = new OrderTable();
    table.size = ids.length;
    const capacity = Math.max(1024, ids.length);
    for (const name of COLUMNS) {
      const column = new (table[name].constructor as new (n: number) => Column)(capacity);
      column.set(columns[name]);
      (table as unknown as Record<ColumnName, Column>)[name] = column;
    }
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
