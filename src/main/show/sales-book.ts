import type { JournalEntry, SaleChange } from '../../shared/events';
import type { IncomingOrder } from '../../shared/sales';
import type { MinuteSales, ProductSales, RecentOrder, SalesCounters, SalesView } from '../../shared/sales';
import type { OrderLedger } from './decide';

const COUNTED = 1;
const VOIDED = 2;
const RECENT_SIZE = 20;
const CHART_MINUTES = 120;

/**
 * Every order the show heard of, and the totals they make. A projection of the journal's
 * `sales.recorded` events, like the reducer's state, but mutable: a show can take a million orders
 * and copying them per event is not an option. The core applies entries in journal order, on replay
 * and live, so the book is always the fold of the journal.
 *
 * Orders are kept column-wise in typed arrays (about 40 bytes each plus the key) so a million fit
 * in well under 200 MB.
 */
export class SalesBook implements OrderLedger {
  private readonly index = new Map<string, number>();
  private readonly table = new OrderTable();
  private readonly names = new Interner();
  private totals = emptyCounters();
  private refunds = 0;
  private readonly byProduct = new Map<string, ProductSales>();
  private readonly byLocale = new Map<string, SalesCounters>();
  /** Per product and locale, for the report only (the live view does not carry it). */
  private readonly byProductLocale = new Map<string, SalesCounters>();
  private readonly perMinute = new Map<number, MinuteSales>();
  private recent: RecentOrder[] = [];
  private onAir: { productId: string; since: number } | null = null;
  private cached: SalesView | null = null;

  /** Decides what incoming orders change, without changing anything: repeats drop out here. */
  classify(source: string, orders: IncomingOrder[], onAir: string | null): SaleChange[] {
    const seenInBatch = new Map<string, number>();
    const changes: SaleChange[] = [];
    for (const order of orders) {
      const key = keyOf(source, order.orderId);
      const status = seenInBatch.get(key) ?? this.statusOf(key);
      const voids = order.status !== 'paid';
      let effect: SaleChange['effect'] | null = null;
      if (status === 0) effect = voids ? 'voidedUnseen' : 'counted';
      else if (status === COUNTED && voids) effect = 'voided';
      if (!effect) continue;
      seenInBatch.set(key, effect === 'counted' ? COUNTED : VOIDED);
      changes.push({ ...order, effect, onAir: effect === 'counted' ? onAir : null });
    }
    return changes;
  }

  apply(entry: JournalEntry): void {
    for (const event of entry.events) {
      if (event.type === 'sales.recorded') for (const change of event.changes) this.applyChange(event.source, change);
      else if (event.type === 'onAir.pinned') this.tuneIn(event.productId, event.since);
      else if (event.type === 'onAir.cleared') this.tuneOut(entry.at);
    }
  }

  /** Journal lines a rebuild needs: the cheap test runs before any line is parsed. */
  static wants(line: string): boolean {
    return line.includes('"sales.recorded"') || line.includes('"onAir.');
  }

  /** Keeps its identity until an order or a pin changes it, so the live feed sends it only then. */
  view(): SalesView {
    if (this.cached) return this.cached;
    const latest = Math.max(0, ...this.perMinute.keys());
    const perMinute = [...this.perMinute.values()].filter((m) => m.minute > latest - CHART_MINUTES * 60_000).sort((a, b) => a.minute - b.minute);
    this.cached = {
      ...roundCounters(this.totals),
      refunds: this.refunds,
      byProduct: Object.fromEntries([...this.byProduct].map(([id, p]) => [id, { ...p, ...roundCounters(p) }])),
      byLocale: Object.fromEntries([...this.byLocale].map(([locale, c]) => [locale, roundCounters(c)])),
      perMinute: perMinute.map((m) => ({ ...m })),
      recent: this.recent.slice()
    };
    return this.cached;
  }

  /** Time on air per product up to `now`, the running pin included (for the report). */
  onAirMs(now: number): Map<string, number> {
    const out = new Map([...this.byProduct].map(([id, p]) => [id, p.onAirMs]));
    if (this.onAir) out.set(this.onAir.productId, (out.get(this.onAir.productId) ?? 0) + Math.max(0, now - this.onAir.since));
    return out;
  }

  /** Sales per product and locale (null: the marketplace did not say), refunds taken out. */
  *productLocaleTotals(): Generator<{ productId: string; locale: string | null; sales: SalesCounters }> {
    for (const [pair, sales] of this.byProductLocale) {
      const [productId, locale] = pair.split('\u0000');
      yield { productId, locale: locale || null, sales: roundCounters(sales) };
    }
  }

  /** Every minute that had orders, the whole show long (the live view keeps two hours). */
  allMinutes(): MinuteSales[] {
    return [...this.perMinute.values()].filter((m) => m.orders !== 0 || m.units !== 0).sort((a, b) => a.minute - b.minute).map((m) => ({ ...m }));
  }

  get orderCount(): number {
    return this.index.size;
  }

  private statusOf(key: string): number {
    const row = this.index.get(key);
    return row === undefined ? 0 : this.table.status[row];
  }

  private applyChange(source: string, change: SaleChange): void {
    const key = keyOf(source, change.orderId);
    const row = this.index.get(key);
    if (change.effect === 'counted' && row === undefined) {
      this.index.set(key, this.table.add(COUNTED, change, this.names));
      this.count(change, change.locale, change.onAir, +1);
      this.recent = [{ productId: change.productId, units: change.units, locale: change.locale, at: change.at }, ...this.recent].slice(0, RECENT_SIZE);
    } else if (change.effect === 'voided' && row !== undefined && this.table.status[row] === COUNTED) {
      this.table.status[row] = VOIDED;
      // Take out exactly what was counted, whatever the refund message says.
      this.count(this.table.order(row, this.names), this.names.name(this.table.locale[row]), this.names.name(this.table.onAir[row]), -1);
      this.refunds++;
    } else if (change.effect === 'voidedUnseen' && row === undefined) {
      this.index.set(key, this.table.add(VOIDED, change, this.names));
    } else {
      return;
    }
    this.cached = null;
  }

  private count(order: Pick<IncomingOrder, 'productId' | 'units' | 'amount' | 'currency' | 'at'>, locale: string | null, onAir: string | null, sign: 1 | -1): void {
    add(this.totals, order, sign);
    const product = this.productSales(order.productId);
    add(product, order, sign);
    if (onAir === order.productId) product.unitsWhileOnAir += sign * order.units;
    if (locale) {
      if (!this.byLocale.has(locale)) this.byLocale.set(locale, emptyCounters());
      add(this.byLocale.get(locale)!, order, sign);
    }
    const pair = `${order.productId}\u0000${locale ?? ''}`;
    if (!this.byProductLocale.has(pair)) this.byProductLocale.set(pair, emptyCounters());
    add(this.byProductLocale.get(pair)!, order, sign);
    const minute = Math.floor(order.at / 60_000) * 60_000;
    const bucket = this.perMinute.get(minute) ?? { minute, orders: 0, units: 0 };
    bucket.orders += sign;
    bucket.units += sign * order.units;
    this.perMinute.set(minute, bucket);
  }

  private productSales(productId: string): ProductSales {
    let sales = this.byProduct.get(productId);
    if (!sales) this.byProduct.set(productId, (sales = { ...emptyCounters(), unitsWhileOnAir: 0, onAirMs: 0 }));
    return sales;
  }

  private tuneIn(productId: string, since: number): void {
    this.tuneOut(since);
    this.onAir = { productId, since };
  }

  private tuneOut(at: number): void {
    if (!this.onAir) return;
    this.productSales(this.onAir.productId).onAirMs += Math.max(0, at - this.onAir.since);
    this.onAir = null;
    this.cached = null;
  }
}

const keyOf = (source: string, orderId: string) => `${source}\u0000${orderId}`;

function emptyCounters(): SalesCounters {
  return { orders: 0, units: 0, revenue: {} };
}

function add(counters: SalesCounters, order: Pick<IncomingOrder, 'units' | 'amount' | 'currency'>, sign: 1 | -1): void {
  counters.orders += sign;
  counters.units += sign * order.units;
  counters.revenue[order.currency] = (counters.revenue[order.currency] ?? 0) + sign * order.amount;
}

/** Sums of cents drift in floating point; faces get them rounded to the cent. */
function roundCounters(c: SalesCounters): SalesCounters {
  return { orders: c.orders, units: c.units, revenue: Object.fromEntries(Object.entries(c.revenue).map(([cur, v]) => [cur, Math.round(v * 100) / 100])) };
}

/** Product ids, locales and currencies repeat across orders: stored once, referred to by number. */
class Interner {
  private readonly ids = new Map<string, number>();
  private readonly list: string[] = [''];

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
}

/** The orders, one typed-array column per field, grown by doubling. */
class OrderTable {
  size = 0;
  status = new Uint8Array(1024);
  units = new Int32Array(1024);
  amount = new Float64Array(1024);
  at = new Float64Array(1024);
  product = new Int32Array(1024);
  currency = new Int32Array(1024);
  locale = new Int32Array(1024);
  onAir = new Int32Array(1024);

  add(status: number, order: SaleChange, names: Interner): number {
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
    return row;
  }

  order(row: number, names: Interner): Pick<IncomingOrder, 'productId' | 'units' | 'amount' | 'currency' | 'at'> {
    return { productId: names.name(this.product[row])!, units: this.units[row], amount: this.amount[row], currency: names.name(this.currency[row])!, at: this.at[row] };
  }

  private grow(): void {
    const double = <T extends Uint8Array | Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a);
      return b;
    };
    this.status = double(this.status);
    this.units = double(this.units);
    this.amount = double(this.amount);
    this.at = double(this.at);
    this.product = double(this.product);
    this.currency = double(this.currency);
    this.locale = double(this.locale);
    this.onAir = double(this.onAir);
  }
}
