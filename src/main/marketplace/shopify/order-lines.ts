import type { ShowLocale } from '../../../shared/locale';
import type { IncomingOrder, OrderStatus } from '../../../shared/sales';

/**
 * A Shopify order as the ticker needs it, whichever way it came (an Admin GraphQL page or a REST-shaped
 * webhook): no buyer data, amounts in thousandths of the presentment currency so sums stay exact.
 */
export interface ShopifyOrderFacts {
  /** The order's numeric id (`legacyResourceId` in GraphQL, `id` in REST). */
  orderId: string;
  /** Epoch ms the order was processed. */
  at: number;
  cancelled: boolean;
  /** `PAID`, `AUTHORIZED`, `PENDING`, `REFUNDED`…: GraphQL's enum; REST's lower-case names map onto it. */
  financialStatus: string;
  customerLocale: string | null;
  currency: string;
  lines: ShopifyLineFacts[];
}

export interface ShopifyLineFacts {
  /** The line item's numeric id. */
  lineId: string;
  /** The Shopify product's numeric id; null for a custom line without a product. */
  productId: string | null;
  quantity: number;
  /** Units refunded or removed since the order was placed. */
  refundedQuantity: number;
  unitPriceMilli: number | null;
  discountMilli: number;
}

/** The studio's id for a Shopify product: the same from an import and from an order. */
export const studioProductId = (shopifyId: string | number) => `sh-${numericId(shopifyId)}`;

/** `gid://shopify/Product/123`, `sh-123` or `123` → `123`. */
export function numericId(id: string | number): string {
  return String(id).replace(/^gid:\/\/shopify\/\w+\//, '').replace(/^sh-/, '');
}

/**
 * Which statuses count. Authorized counts (the payment is secured; many shops capture at shipping);
 * pending does not (bank transfer or cash on delivery not paid yet): it is left out, not sent as
 * void, so it counts once it is paid. Voided or expired authorizations take a counted order back out.
 */
const COUNTED = new Set(['PAID', 'AUTHORIZED', 'PARTIALLY_PAID', 'PARTIALLY_REFUNDED']);
const VOID = new Set(['VOIDED', 'EXPIRED']);

/** One incoming order per product line, keyed `<order id>:<line item id>` by polls and webhooks alike. */
export function incomingOrders(order: ShopifyOrderFacts, locales: readonly ShowLocale[]): IncomingOrder[] {
  const orderStatus = statusOf(order);
  if (orderStatus === null) return [];
  const locale = showLocaleOf(order.customerLocale, order.currency, locales);
  const out: IncomingOrder[] = [];
  for (const line of order.lines) {
    if (!line.lineId || line.productId === null || !(line.quantity > 0) || line.unitPriceMilli === null) continue;
    const fullyRefunded = line.refundedQuantity >= line.quantity;
    const status: OrderStatus = orderStatus === 'paid' && fullyRefunded ? 'refunded' : orderStatus;
    out.push({
      orderId: `${order.orderId}:${line.lineId}`,
      productId: studioProductId(line.productId),
      units: line.quantity,
      amount: Math.max(0, line.unitPriceMilli * line.quantity - line.discountMilli) / 1000,
      currency: order.currency,
      locale,
      at: order.at,
      status
    });
  }
  return out;
}

function statusOf(order: ShopifyOrderFacts): OrderStatus | null {
  if (order.cancelled || VOID.has(order.financialStatus)) return 'invalid';
  if (order.financialStatus === 'REFUNDED') return 'refunded';
  return COUNTED.has(order.financialStatus) ? 'paid' : null;
}

/**
 * The show audience an order came from, when the order's language and currency point at exactly
 * one: `pl` paying PLN is `pl-PL`; `en` paying EUR in a show with `en-IE` and `de-DE` is `en-IE`; a
 * language the show does not speak, or two audiences that fit equally, is null.
 */
export function showLocaleOf(customerLocale: string | null, currency: string | null, locales: readonly ShowLocale[]): string | null {
  const wanted = customerLocale?.replace('_', '-').toLowerCase() || null;
  const language = wanted?.split('-')[0] ?? null;
  let fits = locales.filter((l) => (!currency || l.currency === currency) && (!language || l.locale.split('-')[0].toLowerCase() === language));
  if (fits.length > 1 && wanted?.includes('-')) fits = fits.filter((l) => l.locale.toLowerCase() === wanted);
  return fits.length === 1 ? fits[0].locale : null;
}

/** A Shopify decimal string (`"19.99"`) in thousandths, exactly; null when it is not one. */
export function milli(amount: unknown): number | null {
  const text = typeof amount === 'number' ? String(amount) : typeof amount === 'string' ? amount.trim() : '';
  const match = /^(\d+)(?:\.(\d{1,3})\d*)?$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0'));
}

/** Epoch ms of an ISO date, or `fallback` when it is missing or unreadable. */
export function timeOf(iso: unknown, fallback: number): number {
  const ms = typeof iso === 'string' ? Date.parse(iso) : NaN;
  return Number.isFinite(ms) ? ms : fallback;
}

// ---- Admin GraphQL shape ----

interface Money {
  amount?: string;
  currencyCode?: string;
}

export interface GraphqlOrder {
  legacyResourceId: string;
  createdAt?: string;
  processedAt?: string;
  updatedAt: string;
  cancelledAt?: string | null;
  displayFinancialStatus?: string | null;
  customerLocale?: string | null;
  presentmentCurrencyCode?: string;
  lineItems?: { nodes?: GraphqlLine[] };
}

interface GraphqlLine {
  id: string;
  quantity: number;
  currentQuantity?: number;
  product?: { legacyResourceId?: string } | null;
  originalUnitPriceSet?: { presentmentMoney?: Money };
  discountAllocations?: { allocatedAmountSet?: { presentmentMoney?: Money } }[];
}

export function factsFromGraphql(order: GraphqlOrder, now: number): ShopifyOrderFacts {
  return {
    orderId: numericId(order.legacyResourceId),
    at: timeOf(order.processedAt ?? order.createdAt, now),
    cancelled: Boolean(order.cancelledAt),
    financialStatus: (order.displayFinancialStatus ?? '').toUpperCase(),
    customerLocale: order.customerLocale ?? null,
    currency: (order.presentmentCurrencyCode ?? '').toUpperCase(),
    lines: (order.lineItems?.nodes ?? []).map((line) => ({
      lineId: numericId(line.id),
      productId: line.product?.legacyResourceId ? numericId(line.product.legacyResourceId) : null,
      quantity: line.quantity,
      // currentQuantity leaves out refunded and removed units (Shopify's advice over summing refunds).
      refundedQuantity: typeof line.currentQuantity === 'number' ? Math.max(0, line.quantity - line.currentQuantity) : 0,
      unitPriceMilli: milli(line.originalUnitPriceSet?.presentmentMoney?.amount),
      discountMilli: sum((line.discountAllocations ?? []).map((d) => milli(d.allocatedAmountSet?.presentmentMoney?.amount) ?? 0))
    }))
  };
}

// ---- REST-shaped webhook payload (orders/create, orders/updated, orders/cancelled) ----

interface RestMoneySet {
  presentment_money?: { amount?: string; currency_code?: string };
}

export interface RestOrder {
  id?: number | string;
  created_at?: string;
  processed_at?: string;
  updated_at?: string;
  cancelled_at?: string | null;
  financial_status?: string | null;
  customer_locale?: string | null;
  presentment_currency?: string;
  current_total_price_set?: RestMoneySet;
  line_items?: RestLine[];
  refunds?: { refund_line_items?: { line_item_id?: number | string; quantity?: number }[] }[];
}

interface RestLine {
  id?: number | string;
  product_id?: number | string | null;
  quantity?: number;
  current_quantity?: number;
  price_set?: RestMoneySet;
  discount_allocations?: { amount_set?: RestMoneySet }[];
}

/** Null when the payload is not an order the studio can read (no id, no currency). */
export function factsFromWebhook(order: RestOrder, now: number): ShopifyOrderFacts | null {
  const currency = order.presentment_currency ?? order.current_total_price_set?.presentment_money?.currency_code;
  if (order.id === undefined || !currency) return null;
  const refunded = new Map<string, number>();
  for (const refund of order.refunds ?? []) {
    for (const item of refund.refund_line_items ?? []) {
      const id = String(item.line_item_id);
      refunded.set(id, (refunded.get(id) ?? 0) + (item.quantity ?? 0));
    }
  }
  return {
    orderId: numericId(order.id),
    at: timeOf(order.processed_at ?? order.created_at, now),
    cancelled: Boolean(order.cancelled_at),
    financialStatus: (order.financial_status ?? '').toUpperCase(),
    customerLocale: order.customer_locale ?? null,
    currency: currency.toUpperCase(),
    lines: (order.line_items ?? []).map((line) => {
      const quantity = line.quantity ?? 0;
      const removed = typeof line.current_quantity === 'number' ? quantity - line.current_quantity : 0;
      return {
        lineId: numericId(line.id ?? ''),
        productId: line.product_id === null || line.product_id === undefined ? null : numericId(line.product_id),
        quantity,
        refundedQuantity: Math.max(0, removed, refunded.get(String(line.id)) ?? 0),
        unitPriceMilli: milli(line.price_set?.presentment_money?.amount),
        discountMilli: sum((line.discount_allocations ?? []).map((d) => milli(d.amount_set?.presentment_money?.amount) ?? 0))
      };
    })
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
