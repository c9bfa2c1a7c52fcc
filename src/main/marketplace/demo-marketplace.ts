import { randomBytes } from 'node:crypto';
import type { ShowLocale } from '../../shared/locale';
import type { IncomingOrder } from '../../shared/sales';
import type { ShowState } from '../show/state';
import { hasOwn, own } from '../../shared/own';
import type { MarketplaceConnector, ProductFetch } from './connector';

/**
 * A live show of 90 minutes sells a few hundred orders: about three a minute for the product on air,
 * three times that while a flash deal runs on it, so a 40-unit product lasts minutes, not seconds.
 */
const ON_AIR_ORDERS_PER_SECOND = 0.05;
const DEAL_BOOST = 3;
/** Products seen earlier in the rundown still sell, rarely: one order every few minutes between them. */
const OFF_AIR_ORDERS_PER_SECOND = 0.004;
/** The share of orders refunded later, as shops see it (2–5 %), each decided when the order is made. */
const REFUND_SHARE = 0.03;
const REFUND_DELAY_MS = { min: 30_000, max: 10 * 60_000 };
/** Recent orders a poll repeats, as real APIs' overlapping windows do. */
const REPEAT_SHARE = 0.1;
/** A first poll after a long pause simulates at most this much, not a night of sales. */
const MAX_CATCH_UP_MS = 10 * 60_000;

export interface DemoOptions {
  seed?: number;
  now?: () => number;
  pollSeconds?: number;
  /** How many times faster than a real show it sells (rehearsals, tests); 1 by default. */
  pace?: number;
}

/**
 * A simulated marketplace for newcomers and tests, faithful to a shop: orders arrive while the show
 * is live (mostly for the product on air, more during a flash deal on it), from every show locale
 * in its currency, never more than the stock; about 3 % of orders are refunded a while later (each
 * only once, and only orders it made); polls repeat some orders, as real APIs do.
 *
 * Order ids are never reused, across restarts and switching the demo off and on: each instance tags
 * its ids with when it started and a few random bytes. Which seconds it simulates follows the
 * journaled sales cursor, so a restart neither simulates a second twice nor counts an order twice.
 * Seeded and driven by the clock it is given, so a test can replay it.
 */
export class DemoMarketplace implements MarketplaceConnector {
  readonly source = 'demo';
  readonly pollSeconds: number;
  /** Every order it made, by id, in its final state. */
  readonly record = new Map<string, IncomingOrder>();
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly pace: number;
  private readonly idPrefix: string;
  private sequence = 0;
  /** Refunds to come: order id and when. */
  private readonly refunds: { orderId: string; dueAt: number }[] = [];
  /** Units sold in this poll, not yet taken off the show's stock. */
  private readonly stockSold = new Map<string, number>();

  constructor(
    private readonly show: () => ShowState,
    options: DemoOptions = {}
  ) {
    this.random = mulberry32(options.seed ?? 20261122);
    this.now = options.now ?? Date.now;
    this.pollSeconds = options.pollSeconds ?? 2;
    this.pace = options.pace ?? 1;
    this.idPrefix = `demo-${this.now().toString(36)}${randomBytes(3).toString('hex')}`;
  }

  async fetchOrders(cursor: string | null): Promise<{ orders: IncomingOrder[]; cursor: string }> {
    const now = this.now();
    const from = cursor === null ? now : Math.max(Number(cursor) || now, now - MAX_CATCH_UP_MS);
    const orders: IncomingOrder[] = [];
    this.stockSold.clear();
    for (let second = from; second + 1000 <= now; second += 1000) orders.push(...this.secondOfSales(second));
    const end = from + Math.floor((now - from) / 1000) * 1000;
    orders.push(...this.refundsDue(now));
    const fresh = new Set(orders.map((o) => o.orderId));
    for (const order of [...this.record.values()].slice(-50)) {
      if (!fresh.has(order.orderId) && this.random() < REPEAT_SHARE) orders.push(order);
    }
    return { orders, cursor: String(end) };
  }

  async fetchProducts(ids: string[]): Promise<ProductFetch> {
    const products = this.show().products;
    return {
      products: ids.filter((id) => hasOwn(products, id)).map((id) => ({ id })),
      rejected: ids.filter((id) => !hasOwn(products, id)).map((id) => ({ id, message: 'the demo marketplace sells only the demo catalogue' })),
      notes: []
    };
  }

  /** Paid orders of its own whose refund is due, each refunded once. */
  private refundsDue(now: number): IncomingOrder[] {
    const due: IncomingOrder[] = [];
    for (let i = this.refunds.length - 1; i >= 0; i--) {
      if (this.refunds[i].dueAt > now) continue;
      const order = this.record.get(this.refunds[i].orderId);
      this.refunds.splice(i, 1);
      if (order?.status !== 'paid') continue;
      const refunded = { ...order, status: 'refunded' as const };
      this.record.set(order.orderId, refunded);
      due.push(refunded);
    }
    return due;
  }

  private secondOfSales(second: number): IncomingOrder[] {
    const show = this.show();
    const onAir = show.onAir ? show.products[show.onAir.productId] : undefined;
    if (!onAir || show.locales.length === 0) return [];
    const deal = show.deal && show.deal.endsAt > second ? show.deal : null;
    const boosted = deal?.productId === onAir.id;
    const orders: IncomingOrder[] = [];
    for (let n = poisson(ON_AIR_ORDERS_PER_SECOND * this.pace * (boosted ? DEAL_BOOST : 1), this.random); n > 0; n--) orders.push(...this.sell(onAir.id, second, deal));
    // Something seen earlier in the show, bought now: rare.
    const position = show.rundown.findIndex((i) => i.id === show.onAir!.itemId);
    const seen = show.rundown.slice(0, Math.max(0, position)).filter((i) => i.productId !== onAir.id);
    for (let n = seen.length ? poisson(OFF_AIR_ORDERS_PER_SECOND * this.pace, this.random) : 0; n > 0; n--) {
      orders.push(...this.sell(seen[Math.floor(this.random() * seen.length)].productId, second, deal));
    }
    return orders;
  }

  private sell(productId: string, second: number, deal: ShowState['deal']): IncomingOrder[] {
    const show = this.show();
    const product = own(show.products, productId);
    const market = weightedLocale(show.locales, this.random);
    const dealPrice = deal?.productId === productId ? deal.price[market.currency] : undefined;
    const price = dealPrice ?? product?.price[market.currency];
    if (!product || price === undefined) return [];
    const units = this.random() < 0.85 ? 1 : 2;
    const left = product.stock === null ? Infinity : product.stock - (this.stockSold.get(product.id) ?? 0);
    if (left < units) return [];
    this.stockSold.set(product.id, (this.stockSold.get(product.id) ?? 0) + units);
    const at = second + Math.floor(this.random() * 1000);
    const order: IncomingOrder = {
      orderId: `${this.idPrefix}-${++this.sequence}`,
      productId: product.id,
      units,
      amount: Math.round(price * units * 100) / 100,
      currency: market.currency,
      locale: market.locale,
      at,
      status: 'paid'
    };
    this.record.set(order.orderId, order);
    if (this.random() < REFUND_SHARE) {
      const delay = REFUND_DELAY_MS.min + this.random() * (REFUND_DELAY_MS.max - REFUND_DELAY_MS.min);
      this.refunds.push({ orderId: order.orderId, dueAt: at + delay / this.pace });
    }
    return [order];
  }
}

/** Larger markets first in the show's list sell more: weights 1, 1/2, 1/3… */
function weightedLocale(locales: ShowLocale[], random: () => number): ShowLocale {
  const weights = locales.map((_, i) => 1 / (i + 1));
  let roll = random() * weights.reduce((a, b) => a + b, 0);
  for (const [i, w] of weights.entries()) if ((roll -= w) <= 0) return locales[i];
  return locales[locales.length - 1];
}

function poisson(rate: number, random: () => number): number {
  const limit = Math.exp(-rate);
  let n = 0;
  for (let p = random(); p > limit; p *= random()) n++;
  return n;
}

/** A small, well-known seeded generator: the same seed gives the same show. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
