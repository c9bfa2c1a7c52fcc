import type { ShowLocale } from '../../shared/locale';
import type { IncomingOrder } from '../../shared/sales';
import type { ShowState } from '../show/state';
import { hasOwn } from '../../shared/own';
import type { MarketplaceConnector, ProductFetch } from './connector';

/** Orders per second across all markets while a product is on air; a flash deal multiplies it. */
const ON_AIR_RATE = 0.6;
const DEAL_BOOST = 4;
const REFUND_SHARE = 0.03;
const REPEAT_SHARE = 0.1;
/** A first poll after a long pause simulates at most this much, not a night of sales. */
const MAX_CATCH_UP_MS = 10 * 60_000;

export interface DemoOptions {
  seed?: number;
  now?: () => number;
  pollSeconds?: number;
}

/**
 * A simulated marketplace for newcomers and tests: orders arrive while the show is live (mostly for
 * the product on air, in bursts during a flash deal), from every show locale in its currency, never
 * more than the stock; a few are refunded later, and polls repeat some orders, as real APIs do.
 * Seeded and driven by the clock it is given, so a test can replay it exactly. It keeps its own
 * record of every order's final state to check the studio's totals against.
 */
export class DemoMarketplace implements MarketplaceConnector {
  readonly source = 'demo';
  readonly pollSeconds: number;
  /** Every order it made, by id, in its final state. */
  readonly record = new Map<string, IncomingOrder>();
  private readonly random: () => number;
  private readonly now: () => number;
  private sequence = 0;
  /** Units sold in this poll, not yet taken off the show's stock. */
  private readonly stockSold = new Map<string, number>();

  constructor(
    private readonly show: () => ShowState,
    options: DemoOptions = {}
  ) {
    this.random = mulberry32(options.seed ?? 20261122);
    this.now = options.now ?? Date.now;
    this.pollSeconds = options.pollSeconds ?? 2;
  }

  async fetchOrders(cursor: string | null): Promise<{ orders: IncomingOrder[]; cursor: string }> {
    const now = this.now();
    const from = cursor === null ? now : Math.max(Number(cursor) || now, now - MAX_CATCH_UP_MS);
    const orders: IncomingOrder[] = [];
    this.stockSold.clear();
    for (let second = from; second + 1000 <= now; second += 1000) orders.push(...this.secondOfSales(second));
    const end = from + Math.floor((now - from) / 1000) * 1000;
    // Like a real API's overlapping windows: some orders come again, some come back refunded.
    const earlier = [...this.record.values()];
    for (const order of earlier.slice(-50)) {
      const roll = this.random();
      if (order.status === 'paid' && roll < REFUND_SHARE) {
        const refunded = { ...order, status: 'refunded' as const };
        this.record.set(order.orderId, refunded);
        orders.push(refunded);
      } else if (roll < REFUND_SHARE + REPEAT_SHARE) {
        orders.push(order);
      }
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

  private secondOfSales(second: number): IncomingOrder[] {
    const show = this.show();
    const onAir = show.onAir ? show.products[show.onAir.productId] : undefined;
    if (!onAir || show.locales.length === 0) return [];
    const deal = show.deal && show.deal.endsAt > second ? show.deal : null;
    const rate = ON_AIR_RATE * (deal ? DEAL_BOOST : 1);
    const orders: IncomingOrder[] = [];
    for (let n = poisson(rate, this.random); n > 0; n--) {
      // Most buy what is on air; some buy something seen earlier in the rundown.
      const pick = this.random() < 0.75 || show.rundown.length === 0 ? onAir.id : show.rundown[Math.floor(this.random() * show.rundown.length)].productId;
      const product = show.products[pick];
      const market = weightedLocale(show.locales, this.random);
      const dealPrice = deal?.productId === product?.id ? deal.price[market.currency] : undefined;
      const price = dealPrice ?? product?.price[market.currency];
      if (!product || price === undefined) continue;
      const units = this.random() < 0.8 ? 1 : 2;
      const left = product.stock === null ? Infinity : product.stock - (this.stockSold.get(product.id) ?? 0);
      if (left < units) continue;
      this.stockSold.set(product.id, (this.stockSold.get(product.id) ?? 0) + units);
      const order: IncomingOrder = {
        orderId: `demo-${++this.sequence}`,
        productId: product.id,
        units,
        amount: Math.round(price * units * 100) / 100,
        currency: market.currency,
        locale: market.locale,
        at: second + Math.floor(this.random() * 1000),
        status: 'paid'
      };
      this.record.set(order.orderId, order);
      orders.push(order);
    }
    return orders;
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
