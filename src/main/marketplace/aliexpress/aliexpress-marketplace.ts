import type { ShowLocale } from '../../../shared/locale';
import type { ProductPatch } from '../../../shared/product';
import type { IncomingOrder } from '../../../shared/sales';
import type { MarketplaceConnector, ProductFetch } from '../connector';
import { amountOf, callGateway, listOf, type GatewayOptions } from './gateway';

/** Late status changes (a refund, an invalidation) are caught by re-reading this much of the past. */
const OVERLAP_MS = 15 * 60_000;
const FIRST_WINDOW_MS = 5 * 60_000;
const PAGE_SIZE = 50;
const MAX_PAGES = 100;
const STATUSES = ['Payment Completed', 'Invalid'];

export interface AliExpressOptions extends GatewayOptions {
  trackingId: string;
  shipToCountry?: string;
  pollSeconds?: number;
}

interface AffiliateOrder {
  order_id?: string | number;
  sub_order_id?: string | number;
  product_id?: string | number;
  product_count?: string | number;
  paid_amount?: string | number;
  settled_currency?: string;
  order_status?: string;
  effect_detail_status?: string;
  paid_time?: string;
  tracking_id?: string;
}

interface AffiliateProduct {
  product_id?: string | number;
  product_title?: string;
  target_sale_price?: string | number;
  target_sale_price_currency?: string;
  target_original_price?: string | number;
  product_main_image_url?: string;
  /** The affiliate link, carrying the studio's tracking id: sales through it count for the show. */
  promotion_link?: string;
  product_detail_url?: string;
}

/** The studio's id for an AliExpress product: the same from an import and from an order. */
export const studioProductId = (aliexpressId: string | number) => `ae-${String(aliexpressId).replace(/^ae-/, '')}`;

/**
 * AliExpress Open Platform: the affiliate orders of the show's tracking id as the sales feed, and
 * product details in every show locale's language and currency for the catalogue.
 */
export class AliExpressMarketplace implements MarketplaceConnector {
  readonly source = 'aliexpress';
  readonly pollSeconds: number;

  constructor(private readonly options: AliExpressOptions) {
    // The affiliate APIs are limited per app; a poll every 30 s stays well inside them.
    this.pollSeconds = options.pollSeconds ?? 30;
  }

  async fetchOrders(cursor: string | null): Promise<{ orders: IncomingOrder[]; cursor: string }> {
    const now = (this.options.now ?? Date.now)();
    const from = cursor === null ? now - FIRST_WINDOW_MS : Number(cursor) - OVERLAP_MS;
    const orders: IncomingOrder[] = [];
    for (const status of STATUSES) {
      for (let page = 1; page <= MAX_PAGES; page++) {
        const result = await callGateway(this.options, 'aliexpress.affiliate.order.list', {
          start_time: pacificTime(from),
          end_time: pacificTime(now),
          status,
          page_no: page,
          page_size: PAGE_SIZE
        });
        for (const raw of listOf<AffiliateOrder>(result.orders, 'order')) {
          const order = this.toOrder(raw);
          if (order) orders.push(order);
        }
        // A page count that is not a whole number (a hostile or broken answer) means this page is the last.
        if (page >= pageCount(result.total_page_no)) break;
      }
    }
    return { orders, cursor: String(now) };
  }

  async fetchProducts(ids: string[], locales: ShowLocale[]): Promise<ProductFetch> {
    const wanted = ids.map((id) => String(id).replace(/^ae-/, ''));
    const products = new Map<string, ProductPatch & { title: Record<string, string>; price: Record<string, number>; compareAt: Record<string, number> }>();
    const notes: string[] = [];
    for (const locale of locales) {
      const language = locale.locale.split('-')[0];
      for (let i = 0; i < wanted.length; i += 20) {
        const result = await callGateway(this.options, 'aliexpress.affiliate.productdetail.get', {
          product_ids: wanted.slice(i, i + 20).join(','),
          target_currency: locale.currency,
          target_language: language.toUpperCase(),
          ship_to_country: this.options.shipToCountry ?? locale.locale.split('-')[1],
          tracking_id: this.options.trackingId
        });
        for (const raw of listOf<AffiliateProduct>(result.products, 'product')) {
          if (!isId(raw.product_id)) continue;
          const id = studioProductId(raw.product_id);
          const product = products.get(id) ?? { id, title: {}, price: {}, compareAt: {}, source: 'aliexpress' };
          const currency = typeof raw.target_sale_price_currency === 'string' && /^[A-Z]{3}$/.test(raw.target_sale_price_currency) ? raw.target_sale_price_currency : locale.currency;
          const price = amountOf(raw.target_sale_price);
          const original = amountOf(raw.target_original_price);
          if (typeof raw.product_title === 'string' && raw.product_title) product.title[language] = raw.product_title;
          if (price !== null) product.price[currency] = price;
          if (price !== null && original !== null && original > price) product.compareAt[currency] = original;
          if (typeof raw.product_main_image_url === 'string' && raw.product_main_image_url) product.image = raw.product_main_image_url;
          // The buy link for this market: the tracked affiliate link, else the product's own page.
          const link = [raw.promotion_link, raw.product_detail_url].find((u) => typeof u === 'string' && /^https:\/\//.test(u) && u.length <= 2000);
          if (link) product.url = { ...product.url, [locale.locale]: link };
          if (currency !== locale.currency) {
            notes.push(`AliExpress priced ${id} in ${currency}, not ${locale.currency} (${locale.locale}): it does not offer ${locale.currency}; set that price in the catalogue`);
          }
          products.set(id, product);
        }
      }
    }
    const found = new Set(products.keys());
    return {
      products: [...products.values()],
      rejected: wanted.filter((id) => !found.has(studioProductId(id))).map((id) => ({ id, message: 'AliExpress returned no such product' })),
      notes: [...new Set(notes)]
    };
  }

  private toOrder(raw: AffiliateOrder): IncomingOrder | null {
    if (raw.tracking_id && raw.tracking_id !== this.options.trackingId) return null;
    const amount = amountOf(raw.paid_amount);
    const units = Number(raw.product_count ?? 1);
    // Fields of another type than the platform documents make the line unreadable, not the poll.
    if (!isId(raw.order_id) || !isId(raw.product_id) || amount === null || typeof raw.settled_currency !== 'string' || !raw.settled_currency || !(units > 0)) return null;
    const refunded = /refund/i.test(raw.effect_detail_status ?? '');
    return {
      // One order can hold several products: each sub-order is its own line.
      orderId: `${raw.order_id}-${isId(raw.sub_order_id) ? raw.sub_order_id : raw.product_id}`,
      productId: studioProductId(raw.product_id),
      units: Math.floor(units),
      amount,
      currency: raw.settled_currency.toUpperCase(),
      locale: null,
      at: typeof raw.paid_time === 'string' && raw.paid_time ? fromPacificTime(raw.paid_time) : (this.options.now ?? Date.now)(),
      status: raw.order_status === 'Invalid' ? 'invalid' : refunded ? 'refunded' : 'paid'
    };
  }
}

function isId(value: unknown): value is string | number {
  return (typeof value === 'string' && value.length > 0 && value.length <= 64) || (typeof value === 'number' && Number.isFinite(value));
}

function pageCount(raw: unknown): number {
  const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : 1;
}

const PACIFIC = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Los_Angeles',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23'
});

/** `yyyy-MM-dd HH:mm:ss` in US Pacific time, as the order APIs take their window. */
export function pacificTime(ms: number): string {
  const parts = Object.fromEntries(PACIFIC.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** The inverse: a Pacific wall-clock time to epoch ms (the offset is found by formatting back). */
export function fromPacificTime(text: string): number {
  const asUtc = Date.parse(`${text.replace(' ', 'T')}Z`);
  if (!Number.isFinite(asUtc)) return Date.now();
  const offset = Date.parse(`${pacificTime(asUtc).replace(' ', 'T')}Z`) - asUtc;
  return asUtc - offset;
}
