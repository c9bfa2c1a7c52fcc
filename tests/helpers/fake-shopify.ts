import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendHostileBody, type HostileBody } from './hostile-bodies';

export interface FakeLine {
  id: number;
  productId: number;
  quantity: number;
  /** Units not refunded or removed. */
  currentQuantity: number;
  /** The presentment unit price, as Shopify's decimal string. */
  unitPrice: string;
  /** Discount amounts allocated to the line, presentment money. */
  discounts: string[];
}

export interface FakeOrder {
  id: number;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  financialStatus: 'PAID' | 'PENDING' | 'AUTHORIZED' | 'PARTIALLY_REFUNDED' | 'REFUNDED' | 'VOIDED';
  customerLocale: string;
  currency: string;
  lines: FakeLine[];
}

export interface FakeProduct {
  id: number;
  title: string;
  translations: Record<string, string>;
  /** Per country: the price the shop's market there sells at. */
  prices: Record<string, { amount: string; currencyCode: string; compareAt?: string }>;
  image: string;
}

interface GraphqlCall {
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
  answer: 'ok' | 'throttled' | '429' | '401' | 'canned';
  /** The orders this call's page carried. */
  served: number[];
}

const ORDER_OPERATION = 'StudioOrders';
const PRODUCT_OPERATION = 'StudioProducts';

/**
 * A Shopify store's Admin GraphQL API on loopback, as far as the studio uses it: the access token is
 * checked (401 with Shopify's error body otherwise), orders are paged by cursor in `updated_at` order
 * honouring `first`, `after` and the `updated_at:>=` filter, every reply reports its cost, a leaky
 * bucket answers "Throttled" when it is empty, and a 429 with Retry-After can be ordered. It keeps
 * its own ledger of what was sold, to compare the studio's totals with.
 */
export class FakeShopify {
  orders: FakeOrder[] = [];
  products: FakeProduct[] = [];
  shopLocales = [{ locale: 'en', primary: true, published: true }];
  /** Answer the next N calls with HTTP 429 and `Retry-After: 1`. */
  rateLimitNext = 0;
  /** The Retry-After those 429s carry (null: none). */
  retryAfter: string | null = '1.0';
  /** Answer every call with this body instead (huge, or endless and slow). */
  hostile: HostileBody | null = null;
  /** Replies to give, in turn, to the next calls (an access-denied error, a 503…). */
  replyNext: { status: number; body: unknown }[] = [];
  readonly calls: GraphqlCall[] = [];
  readonly bucket = { maximumAvailable: 1000, currentlyAvailable: 1000, restoreRate: 50, at: Date.now() };
  private server!: Server;
  private nextId = 5_000_000_000;

  constructor(readonly accessToken: string) {}

  /** What the studio's `shop` setting points at. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** A new order, updated now. */
  addOrder(patch: Partial<Omit<FakeOrder, 'lines'>> & { lines: Omit<FakeLine, 'id' | 'currentQuantity' | 'discounts'>[] & Partial<FakeLine>[] }): FakeOrder {
    const now = new Date().toISOString();
    const order: FakeOrder = {
      id: this.nextId++,
      createdAt: now,
      updatedAt: now,
      cancelledAt: null,
      financialStatus: 'PAID',
      customerLocale: 'en',
      currency: 'EUR',
      ...patch,
      lines: patch.lines.map((l) => ({ id: this.nextId++, discounts: [], currentQuantity: l.quantity, ...l }) as FakeLine)
    };
    this.orders.push(order);
    return order;
  }

  /** The whole order refunded later (its `updated_at` moves, so a poll by `updated_at` sees it). */
  refund(order: FakeOrder): void {
    order.financialStatus = 'REFUNDED';
    for (const line of order.lines) line.currentQuantity = 0;
    this.touch(order);
  }

  /** One line refunded in full; the rest of the order stays sold. */
  refundLine(order: FakeOrder, line: FakeLine): void {
    line.currentQuantity = 0;
    order.financialStatus = 'PARTIALLY_REFUNDED';
    this.touch(order);
  }

  /** A pending payment (bank transfer, cash on delivery) arrives. */
  markPaid(order: FakeOrder): void {
    order.financialStatus = 'PAID';
    this.touch(order);
  }

  cancel(order: FakeOrder): void {
    order.cancelledAt = new Date().toISOString();
    order.financialStatus = 'VOIDED';
    this.touch(order);
  }

  /**
   * The store's own account of what is sold: paid lines, less refunded and cancelled ones. `orders`
   * counts order lines, one per product, as the studio's ticker does.
   */
  ledger(): { orders: number; units: number; revenue: Record<string, number> } {
    const sold = { orders: 0, units: 0, revenue: {} as Record<string, number> };
    const cents: Record<string, number> = {};
    for (const order of this.orders) {
      if (order.cancelledAt || !['PAID', 'AUTHORIZED', 'PARTIALLY_REFUNDED'].includes(order.financialStatus)) continue;
      for (const line of order.lines) {
        if (line.currentQuantity === 0) continue;
        sold.orders++;
        sold.units += line.quantity;
        const lineCents = toCents(line.unitPrice) * line.quantity - line.discounts.reduce((s, d) => s + toCents(d), 0);
        cents[order.currency] = (cents[order.currency] ?? 0) + lineCents;
      }
    }
    for (const [currency, total] of Object.entries(cents)) sold.revenue[currency] = total / 100;
    return sold;
  }

  /** The order as Shopify's REST-shaped webhook payload, buyer data and all (the studio must drop it). */
  webhookPayload(order: FakeOrder): Record<string, unknown> {
    const money = (amount: string) => ({ shop_money: { amount, currency_code: order.currency }, presentment_money: { amount, currency_code: order.currency } });
    const total = order.lines.reduce((s, l) => s + toCents(l.unitPrice) * l.currentQuantity, 0) / 100;
    return {
      id: order.id,
      admin_graphql_api_id: `gid://shopify/Order/${order.id}`,
      created_at: order.createdAt,
      processed_at: order.createdAt,
      updated_at: order.updatedAt,
      cancelled_at: order.cancelledAt,
      financial_status: order.financialStatus.toLowerCase(),
      customer_locale: order.customerLocale,
      presentment_currency: order.currency,
      currency: order.currency,
      email: 'buyer@example.com',
      customer: { id: 1, email: 'buyer@example.com', first_name: 'Ada', last_name: 'Lovelace' },
      shipping_address: { name: 'Ada Lovelace', address1: '12 Any Street', city: 'London' },
      current_total_price_set: money(total.toFixed(2)),
      line_items: order.lines.map((l) => ({
        id: l.id,
        admin_graphql_api_id: `gid://shopify/LineItem/${l.id}`,
        product_id: l.productId,
        quantity: l.quantity,
        current_quantity: l.currentQuantity,
        price: l.unitPrice,
        price_set: money(l.unitPrice),
        discount_allocations: l.discounts.map((d) => ({ amount: d, amount_set: money(d), discount_application_index: 0 }))
      })),
      refunds: order.lines
        .filter((l) => l.currentQuantity < l.quantity)
        .map((l) => ({ id: l.id + 1, refund_line_items: [{ line_item_id: l.id, quantity: l.quantity - l.currentQuantity }] }))
    };
  }

  private touch(order: FakeOrder): void {
    // Strictly later than before, even within the same millisecond.
    order.updatedAt = new Date(Math.max(Date.now(), Date.parse(order.updatedAt) + 1)).toISOString();
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify(json));
      };
      if (req.method !== 'POST' || !/^\/admin\/api\/\d{4}-\d{2}\/graphql\.json$/.test(req.url ?? '')) return send(404, { errors: 'Not Found' });
      let request: { query?: string; variables?: Record<string, unknown>; operationName?: string };
      try {
        request = JSON.parse(body);
      } catch {
        return send(400, { errors: { query: 'Required parameter missing or invalid' } });
      }
      const operationName = request.operationName ?? /query\s+(\w+)/.exec(request.query ?? '')?.[1] ?? '';
      const call: GraphqlCall = { operationName, query: request.query ?? '', variables: request.variables ?? {}, answer: 'ok', served: [] };
      this.calls.push(call);
      if (req.headers['x-shopify-access-token'] !== this.accessToken) {
        call.answer = '401';
        return send(401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
      }
      const canned = this.replyNext.shift();
      if (canned) {
        call.answer = 'canned';
        return send(canned.status, canned.body);
      }
      if (this.rateLimitNext > 0) {
        this.rateLimitNext--;
        call.answer = '429';
        return send(429, { errors: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' }, this.retryAfter === null ? {} : { 'retry-after': this.retryAfter });
      }
      if (this.hostile) return sendHostileBody(res, this.hostile);
      const requested = this.requestedCost(operationName, call.variables);
      this.refill();
      if (this.bucket.currentlyAvailable < requested) {
        call.answer = 'throttled';
        return send(200, {
          errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
          extensions: { cost: this.costReport(requested, null) }
        });
      }
      const { data, actual, served = [] } = this.answer(operationName, call.variables);
      call.served = served;
      this.bucket.currentlyAvailable -= actual;
      send(200, { data, extensions: { cost: this.costReport(requested, actual) } });
    });
  }

  private answer(operationName: string, variables: Record<string, unknown>): { data: unknown; actual: number; served?: number[] } {
    if (operationName === ORDER_OPERATION) return this.ordersPage(variables);
    if (operationName === PRODUCT_OPERATION) return this.productsAnswer(variables);
    return { data: null, actual: 1 };
  }

  /** `orders(first, after, sortKey: UPDATED_AT, query: "updated_at:>='…'")`. */
  private ordersPage(variables: Record<string, unknown>): { data: unknown; actual: number; served: number[] } {
    const first = Number(variables.first);
    const lines = Number(variables.lines);
    const since = /updated_at:>='([^']+)'/.exec(String(variables.query ?? ''))?.[1];
    const sorted = this.orders
      .filter((o) => !since || Date.parse(o.updatedAt) >= Date.parse(since))
      .sort((a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt) || a.id - b.id);
    const after = variables.after ? (JSON.parse(Buffer.from(String(variables.after), 'base64').toString()) as { updatedAt: string; id: number }) : null;
    const rest = after ? sorted.filter((o) => Date.parse(o.updatedAt) > Date.parse(after.updatedAt) || (o.updatedAt === after.updatedAt && o.id > after.id)) : sorted;
    const page = rest.slice(0, first);
    const last = page.at(-1);
    const cursor = last ? Buffer.from(JSON.stringify({ updatedAt: last.updatedAt, id: last.id })).toString('base64') : null;
    const nodes = page.map((o) => ({
      legacyResourceId: String(o.id),
      createdAt: o.createdAt,
      processedAt: o.createdAt,
      updatedAt: o.updatedAt,
      cancelledAt: o.cancelledAt,
      displayFinancialStatus: o.financialStatus,
      customerLocale: o.customerLocale,
      presentmentCurrencyCode: o.currency,
      lineItems: {
        nodes: o.lines.slice(0, lines).map((l) => ({
          id: `gid://shopify/LineItem/${l.id}`,
          quantity: l.quantity,
          currentQuantity: l.currentQuantity,
          product: { legacyResourceId: String(l.productId) },
          originalUnitPriceSet: { presentmentMoney: { amount: l.unitPrice, currencyCode: o.currency } },
          discountAllocations: l.discounts.map((d) => ({ allocatedAmountSet: { presentmentMoney: { amount: d, currencyCode: o.currency } } }))
        }))
      }
    }));
    const actual = 2 + nodes.reduce((s, n) => s + 3 + n.lineItems.nodes.length * 7, 0);
    return { data: { orders: { pageInfo: { hasNextPage: rest.length > first, endCursor: cursor }, nodes } }, actual, served: page.map((o) => o.id) };
  }

  private productsAnswer(variables: Record<string, unknown>): { data: unknown; actual: number } {
    const ids = (variables.ids as string[]).map((gid) => Number(gid.split('/').at(-1)));
    const country = String(variables.country);
    const locale = String(variables.locale);
    const nodes = ids.map((id) => {
      const p = this.products.find((x) => x.id === id);
      if (!p) return null;
      const price = p.prices[country] ?? p.prices.default;
      const translation = p.translations[locale];
      return {
        legacyResourceId: String(p.id),
        title: p.title,
        featuredMedia: { preview: { image: { url: p.image } } },
        translations: translation ? [{ key: 'title', value: translation, locale }] : [],
        contextualPricing: {
          minVariantPricing: {
            price: { amount: price.amount, currencyCode: price.currencyCode },
            compareAtPrice: price.compareAt ? { amount: price.compareAt, currencyCode: price.currencyCode } : null
          }
        }
      };
    });
    return { data: { shopLocales: this.shopLocales.map(({ locale: l, primary }) => ({ locale: l, primary })), nodes }, actual: 2 + nodes.length * 9 };
  }

  private requestedCost(operationName: string, variables: Record<string, unknown>): number {
    if (operationName === ORDER_OPERATION) return 2 + Number(variables.first) * (3 + Number(variables.lines) * 7);
    if (operationName === PRODUCT_OPERATION) return 2 + (variables.ids as unknown[]).length * 9;
    return 1;
  }

  private refill(): void {
    const now = Date.now();
    this.bucket.currentlyAvailable = Math.min(this.bucket.maximumAvailable, this.bucket.currentlyAvailable + ((now - this.bucket.at) / 1000) * this.bucket.restoreRate);
    this.bucket.at = now;
  }

  private costReport(requested: number, actual: number | null) {
    const { maximumAvailable, currentlyAvailable, restoreRate } = this.bucket;
    return { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: { maximumAvailable, currentlyAvailable: Math.floor(currentlyAvailable), restoreRate } };
  }
}

function toCents(amount: string): number {
  const [whole, fraction = ''] = amount.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}

/** Posts a webhook as Shopify signs it: base64 HMAC-SHA256 of the exact body bytes under `secret`. */
export async function sendWebhook(
  url: string,
  options: { secret: string; topic: string; payload: unknown; eventId?: string; signature?: string; body?: string }
): Promise<{ status: number; body: any }> {
  const body = options.body ?? JSON.stringify(options.payload);
  const signature = options.signature ?? createHmac('sha256', options.secret).update(body, 'utf8').digest('base64');
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-shopify-topic': options.topic,
      'x-shopify-hmac-sha256': signature,
      'x-shopify-shop-domain': 'studio-test.myshopify.com',
      'x-shopify-api-version': '2025-07',
      'x-shopify-webhook-id': `wh-${Math.random().toString(36).slice(2)}`,
      'x-shopify-event-id': options.eventId ?? `ev-${Math.random().toString(36).slice(2)}`,
      'x-shopify-triggered-at': new Date().toISOString()
    },
    body
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed };
}
