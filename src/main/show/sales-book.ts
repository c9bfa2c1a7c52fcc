import type { JournalEntry, SaleChange } from '../../shared/events';
import type { IncomingOrder } from '../../shared/sales';
import type { MinuteSales, ProductSales, SalesCounters, SalesView } from '../../shared/sales';

/** The book's own record per product: what faces see, and the time on air the report needs. */
interface BookProduct extends ProductSales {
  /** Milliseconds on air over the show (finished spells; `onAirMs(now)` adds the running one). */
  onAirMs: number;
}
import type { OrderLedger } from './decide';
import type { JournalPosition } from './journal';
import { COUNTED, Interner, OrderTable, VOIDED, type Column, type ColumnName } from './order-table';
import { OrderIndex, orderHash } from './order-index';
import { ChangesText } from './changes-text';
import { OrderIds, type OrderIdsImage } from './order-ids';
import type { PendingOrders } from './pending-orders';
import { add, emptyCounters, hasKeys, roundCounters, roundRevenue } from './sales-counters';

const RECENT_SIZE = 20;
const CHART_MINUTES = 120;

/**
 * Every order the show heard of, and the totals they make. A projection of the journal's
 * `sales.recorded` events, like the reducer's state, but mutable: a show can take a million orders
 * and copying them per event is not an option. The core applies entries in journal order, on replay
 * and live, so the book is always the fold of the journal.
 *
 * Orders are kept column-wise in typed arrays (see OrderTable) so a million fit in well under
 * 200 MB, and the whole book can be captured as an image for a snapshot (see sales-snapshot.ts), so a
 * restart replays only the journal's tail instead of every order of the show.
 */
export class SalesBook implements OrderLedger {
  private table = new OrderTable();
  /** (source, order id) → row: how a repeat is recognised. Built when first needed after a restore (see `orderIndex`). */
  private index: OrderIndex | null = new OrderIndex();
  private names = new Interner();
  /** The journal revision of the last entry applied. */
  private revision = 0;
  private totals = emptyCounters();
  private refunds = 0;
  private readonly byProduct = new Map<string, BookProduct>();
  private readonly byLocale = new Map<string, SalesCounters>();
  /** Per product, then locale ('' when unknown), for the report only (the live view does not carry it). */
  private readonly byProductLocale = new Map<string, Map<string, SalesCounters>>();
  private readonly perMinute = new Map<number, MinuteSales>();
  /** Rows of counted orders, newest last; trimmed in bulk so an order costs no array copy. */
  private recentRows: number[] = [];
  private onAir: { productId: string; since: number } | null = null;
  private cached: SalesView | null = null;

  /**
   * Decides what incoming orders change, without changing anything: repeats drop out here.
   * `pending` holds what entries not yet on disk (so not yet in the book) did to orders.
   */
  classify(source: string, orders: IncomingOrder[], onAir: string | null, pending?: PendingOrders): SaleChange[] {
    const classifier = this.classifier(source, pending);
    classifier.take(orders);
    return classifier.changes(onAir);
  }

  /**
   * The same, a slice of orders at a time (a big poll is classified between other work): a repeat
   * within the command is known across slices. What was on air is filled in at the end, when the
   * command is decided.
   */
  classifier(source: string, pending?: PendingOrders): OrderClassifier {
    const seenInBatch = new Map<string, number>();
    const changes: SaleChange[] = [];
    const text = new ChangesText();
    return {
      take: (orders) => {
        const first = changes.length;
        for (const order of orders) {
          const key = order.orderId;
          const status = seenInBatch.get(key) ?? pending?.statusOf(source, key) ?? this.statusOf(source, key);
          const voids = order.status !== 'paid';
          let effect: SaleChange['effect'] | null = null;
          if (status === 0) effect = voids ? 'voidedUnseen' : 'counted';
          else if (status === COUNTED && voids) effect = 'voided';
          if (!effect) continue;
          seenInBatch.set(key, effect === 'counted' ? COUNTED : VOIDED);
          // Spelled out, not spread: a spread of the checked order took most of classifying's time. Same key order, so the same journal bytes.
          changes.push({ orderId: order.orderId, productId: order.productId, units: order.units, amount: order.amount, currency: order.currency, locale: order.locale, at: order.at, status: order.status, effect, onAir: null });
        }
        text.write(changes, first);
      },
      changes: (onAir) => {
        for (const change of changes) if (change.effect === 'counted') change.onAir = onAir;
        text.finish(changes, onAir);
        return changes;
      }
    };
  }

  /**
   * How many paid `orders` carry the id of an order already held for another product or currency:
   * a marketplace reusing ids. Such an order is taken for a repeat and never counted, so the studio
   * and the shop no longer agree. (Amounts and quantities are not compared: shops restate them.)
   */
  clashes(source: string, orders: IncomingOrder[]): number {
    const src = this.names.existing(source);
    let clashes = 0;
    for (const order of orders) {
      if (order.status !== 'paid') continue;
      const row = this.orderIndex().find(this.table, src, order.orderId);
      if (row < 0) continue;
      const known = this.table.order(row, this.names);
      if (known.productId !== order.productId || known.currency !== order.currency) clashes++;
    }
    return clashes;
  }

  apply(entry: JournalEntry): void {
    this.revision = entry.rev;
    for (const event of entry.events) {
      if (event.type === 'sales.recorded') {
        const sourceId = this.names.id(event.source);
        for (const change of event.changes) this.applyChange(event.source, sourceId, change);
      } else if (event.type === 'onAir.pinned') this.tuneIn(event.productId, event.since);
      else if (event.type === 'onAir.cleared') this.tuneOut(entry.at);
    }
  }

  /** Journal lines a rebuild needs: the cheap test runs before any line is parsed. */
  static wants(line: string): boolean {
    return line.includes('"sales.recorded"') || line.includes('"onAir.');
  }

  /** Keeps its identity until an order changes it, so the live feed sends it only then (never for a pin). */
  view(): SalesView {
    if (this.cached) return this.cached;
    const latest = Math.max(0, ...this.perMinute.keys());
    const perMinute = [...this.perMinute.values()].filter((m) => m.minute > latest - CHART_MINUTES * 60_000).sort((a, b) => a.minute - b.minute);
    // Rebuilt after every poll for the live feed: spelled out in loops, since spreads and entry arrays per product took most of its time.
    const byProduct: [string, ProductSales][] = [];
    for (const [id, p] of this.byProduct) {
      // Products only ever on air, never ordered, are not sales: a pin leaves this view as it was.
      if (p.orders !== 0 || hasKeys(p.revenue)) byProduct.push([id, { orders: p.orders, units: p.units, revenue: roundRevenue(p.revenue), unitsWhileOnAir: p.unitsWhileOnAir }]);
    }
    const byLocale: [string, SalesCounters][] = [];
    for (const [locale, c] of this.byLocale) byLocale.push([locale, roundCounters(c)]);
    this.cached = {
      orders: this.totals.orders,
      units: this.totals.units,
      revenue: roundRevenue(this.totals.revenue),
      refunds: this.refunds,
      byProduct: Object.fromEntries(byProduct),
      byLocale: Object.fromEntries(byLocale),
      perMinute: perMinute.map((m) => ({ ...m })),
      recent: this.recentRows.slice(-RECENT_SIZE).reverse().map((row) => this.table.recent(row, this.names))
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
    for (const [productId, locales] of this.byProductLocale) {
      for (const [locale, sales] of locales) yield { productId, locale: locale || null, sales: roundCounters(sales) };
    }
  }

  /** Every minute that had orders, the whole show long (the live view keeps two hours). */
  allMinutes(): MinuteSales[] {
    return [...this.perMinute.values()].filter((m) => m.orders !== 0 || m.units !== 0).sort((a, b) => a.minute - b.minute).map((m) => ({ ...m }));
  }

  get orderCount(): number {
    return this.table.size;
  }

  get appliedRevision(): number {
    return this.revision;
  }

  /** Everything the book holds, copied, so a snapshot can be written while orders keep coming. */
  capture(): SalesBookImage {
    const aggregates: SalesBookAggregates = {
      totals: this.totals,
      refunds: this.refunds,
      byProduct: [...this.byProduct],
      byLocale: [...this.byLocale],
      byProductLocale: [...this.byProductLocale].map(([id, locales]) => [id, [...locales]]),
      perMinute: [...this.perMinute.values()],
      recentRows: this.recentRows.slice(-RECENT_SIZE),
      onAir: this.onAir
    };
    return { revision: this.revision, names: this.names.names(), ids: this.table.ids.image(), columns: this.table.columns(), aggregates: structuredClone(aggregates) };
  }

  static restore(image: SalesBookImage): SalesBook {
    const book = new SalesBook();
    const a = image.aggregates;
    book.revision = image.revision;
    book.names = new Interner(image.names);
    book.table = OrderTable.from(image.columns, OrderIds.from(image.ids));
    // Opening a show needs no lookup by order id: the first order to arrive builds the index.
    book.index = null;
    book.totals = a.totals;
    book.refunds = a.refunds;
    for (const [id, sales] of a.byProduct) book.byProduct.set(id, sales);
    for (const [locale, sales] of a.byLocale) book.byLocale.set(locale, sales);
    for (const [id, locales] of a.byProductLocale) book.byProductLocale.set(id, new Map(locales));
    for (const m of a.perMinute) book.perMinute.set(m.minute, m);
    book.recentRows = a.recentRows;
    book.onAir = a.onAir;
    return book;
  }

  private orderIndex(): OrderIndex {
    return (this.index ??= OrderIndex.build(this.table));
  }

  private statusOf(source: string, orderId: string): number {
    const row = this.orderIndex().find(this.table, this.names.existing(source), orderId);
    return row < 0 ? 0 : this.table.statusOf(row);
  }

  private applyChange(source: string, sourceId: number, change: SaleChange): void {
    const hash = orderHash(sourceId, change.orderId);
    const row = this.orderIndex().find(this.table, sourceId, change.orderId, hash);
    if (change.effect === 'counted' && row < 0) {
      const added = this.table.add(COUNTED, source, change, this.names);
      this.orderIndex().add(this.table, added, hash);
      this.count(change, change.locale, change.onAir, +1);
      this.recentRows.push(added);
      if (this.recentRows.length > RECENT_SIZE * 50) this.recentRows = this.recentRows.slice(-RECENT_SIZE);
    } else if (change.effect === 'voided' && row >= 0 && this.table.statusOf(row) === COUNTED) {
      this.table.status.set(row, VOIDED);
      // Take out exactly what was counted, whatever the refund message says.
      this.count(this.table.order(row, this.names), this.names.name(this.table.locale.get(row)), this.names.name(this.table.onAir.get(row)), -1);
      this.refunds++;
    } else if (change.effect === 'voidedUnseen' && row < 0) {
      this.orderIndex().add(this.table, this.table.add(VOIDED, source, change, this.names), hash);
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
      let sales = this.byLocale.get(locale);
      if (!sales) this.byLocale.set(locale, (sales = emptyCounters()));
      add(sales, order, sign);
    }
    let locales = this.byProductLocale.get(order.productId);
    if (!locales) this.byProductLocale.set(order.productId, (locales = new Map()));
    let pair = locales.get(locale ?? '');
    if (!pair) locales.set(locale ?? '', (pair = emptyCounters()));
    add(pair, order, sign);
    const minute = Math.floor(order.at / 60_000) * 60_000;
    let bucket = this.perMinute.get(minute);
    if (!bucket) this.perMinute.set(minute, (bucket = { minute, orders: 0, units: 0 }));
    bucket.orders += sign;
    bucket.units += sign * order.units;
  }

  private productSales(productId: string): BookProduct {
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
    // Time on air is not in the view (see ProductSales): the cached view stays valid.
  }
}

/** Classifies one command's orders, slice by slice (see SalesBook.classifier). */
export interface OrderClassifier {
  take(orders: IncomingOrder[]): void;
  /** The changes the orders make, counted ones credited to `onAir`. Call once, when deciding. */
  changes(onAir: string | null): SaleChange[];
}


/** The totals part of a captured book: small, stored as JSON. */
export interface SalesBookAggregates {
  totals: SalesCounters;
  refunds: number;
  byProduct: [string, BookProduct][];
  byLocale: [string, SalesCounters][];
  byProductLocale: [string, [string, SalesCounters][]][];
  perMinute: MinuteSales[];
  recentRows: number[];
  onAir: { productId: string; since: number } | null;
}

export interface SalesBookImage {
  /** The journal revision the image is the fold of. */
  revision: number;
  /** Where that revision's journal line ends (set when the image is written beside the journal). */
  journal?: JournalPosition;
  names: string[];
  ids: OrderIdsImage;
  columns: Record<ColumnName, Column>;
  aggregates: SalesBookAggregates;
  /** Read from a snapshot of an older format: the next snapshot rewrites it in the current one. */
  olderFormat?: boolean;
}
