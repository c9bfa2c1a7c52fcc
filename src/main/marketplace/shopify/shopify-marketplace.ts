import type { ShowLocale } from '../../../shared/locale';
import type { ProductPatch } from '../../../shared/product';
import type { IncomingOrder } from '../../../shared/sales';
import { z } from 'zod';
import { MarketplaceError, type MarketplaceConnector, type ProductFetch } from '../connector';
import { AdminApi, type AdminApiOptions } from './admin-api';
import { factsFromGraphql, incomingOrders, milli, numericId, studioProductId, type GraphqlOrder } from './order-lines';

/** Polls and webhooks of the shop record orders under this source, so each order counts once. */
export const SHOPIFY_SOURCE = 'shopify';
/** Orders are re-read this far behind the last one seen: Shopify's search index lags a little. */
const OVERLAP_MS = 2 * 60_000;
const FIRST_WINDOW_MS = 5 * 60_000;
/**
 * 10 orders of at most 10 lines keeps a page's requested cost (2 + 10 × (1 + 2 + 10 × 7) ≈ 730)
 * under Shopify's 1,000-point ceiling for one query. Lines past the tenth of an order are not read.
 */
const ORDERS_PER_PAGE = 10;
const LINES_PER_ORDER = 10;
const MAX_PAGES = 200;
const PRODUCTS_PER_QUERY = 50;

export interface ShopifyOptions extends AdminApiOptions {
  pollSeconds?: number;
  /** The show's audiences, to tell which one an order came from. */
  locales: () => readonly ShowLocale[];
}

// No customer, email, address or buyer field is asked for: the ticker never needs to know who.
const ORDERS_QUERY = `query StudioOrders($first: Int!, $lines: Int!, $after: String, $query: String!) {
  orders(first: $first, after: $after, sortKey: UPDATED_AT, query: $query) {
    pageInfo { hasNextPage endCursor }
    nodes {
      legacyResourceId createdAt processedAt updatedAt cancelledAt
      displayFinancialStatus customerLocale presentmentCurrencyCode
      lineItems(first: $lines) {
        nodes {
          id quantity currentQuantity
          product { legacyResourceId }
          originalUnitPriceSet { presentmentMoney { amount currencyCode } }
          discountAllocations { allocatedAmountSet { presentmentMoney { amount currencyCode } } }
        }
      }
    }
  }
}`;

// The Admin API has no @inContext: titles come from the product's translations, prices from its
// contextual pricing for the audience's country.
const PRODUCTS_QUERY = `query StudioProducts($ids: [ID!]!, $country: CountryCode!, $locale: String!) {
  shopLocales { locale primary }
  nodes(ids: $ids) {
    ... on Product {
      legacyResourceId title
      featuredMedia { preview { image { url } } }
      translations(locale: $locale) { key value }
      contextualPricing(context: { country: $country }) {
        minVariantPricing { price { amount currencyCode } compareAtPrice { amount currencyCode } }
      }
    }
  }
}`;

// What the studio reads of an orders page. A page not shaped like this is a `bad_response` (the
// poller backs off); an order or a line not shaped like this is left out, and the rest still count.
const Line = z.looseObject({ id: z.string().max(200), quantity: z.number().int().nonnegative() });
const Order = z.looseObject({
  legacyResourceId: z.string().max(64),
  updatedAt: z.string().max(64),
  lineItems: z.looseObject({ nodes: z.array(z.unknown()).transform((lines) => lines.filter((l) => Line.safeParse(l).success)) }).optional().catch(undefined)
});
const OrdersPage = z.object({
  orders: z.object({
    pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().max(10_000).nullable() }),
    nodes: z.array(z.unknown()).transform((nodes) => nodes.flatMap((n) => {
      const order = Order.safeParse(n);
      return order.success ? [order.data as unknown as GraphqlOrder] : [];
    }))
  })
});

// A products answer: product nodes the studio cannot read are left out (and named as not found).
const Money = z.object({ amount: z.string().max(40), currencyCode: z.string().regex(/^[A-Z]{3}$/) });
const ProductNode = z.looseObject({
  legacyResourceId: z.string().max(64),
  title: z.string().max(1000).optional().catch(undefined),
  featuredMedia: z.object({ preview: z.object({ image: z.object({ url: z.string().max(2000) }).nullish() }).nullish() }).nullish().catch(undefined),
  translations: z.array(z.object({ key: z.string(), value: z.string().max(1000) })).optional().catch(undefined),
  contextualPricing: z.object({ minVariantPricing: z.object({ price: Money.optional(), compareAtPrice: Money.nullish() }).nullish() }).nullish().catch(undefined)
});
const ProductsAnswerShape = z.object({
  shopLocales: z.array(z.object({ locale: z.string().max(35), primary: z.boolean() })).optional().catch(undefined),
  nodes: z.array(z.unknown()).transform((nodes) => nodes.map((n) => {
    const node = ProductNode.safeParse(n);
    return node.success ? (node.data as ProductsAnswer['nodes'][number]) : null;
  }))
});

function readProductsAnswer(answer: unknown): ProductsAnswer {
  const read = ProductsAnswerShape.safeParse(answer);
  if (!read.success) throw new MarketplaceError('bad_response', 'Shopify answered the products query with something the studio cannot read');
  return read.data;
}

function readOrdersPage(answer: unknown): z.infer<typeof OrdersPage> {
  const page = OrdersPage.safeParse(answer);
  if (!page.success) throw new MarketplaceError('bad_response', 'Shopify answered the orders query with a page the studio cannot read');
  return page.data;
}

interface MoneyV2 {
  amount: string;
  currencyCode: string;
}

interface ProductsAnswer {
  shopLocales?: { locale: string; primary: boolean }[];
  nodes: ({
    legacyResourceId?: string;
    title?: string;
    featuredMedia?: { preview?: { image?: { url?: string } | null } | null } | null;
    translations?: { key: string; value: string }[];
    contextualPricing?: { minVariantPricing?: { price?: MoneyV2; compareAtPrice?: MoneyV2 | null } | null } | null;
  } | null)[];
}

type ProductDraft = ProductPatch & { title: Record<string, string>; price: Record<string, number>; compareAt: Record<string, number> };

/**
 * A Shopify store through the Admin GraphQL API: its orders, newest changes first, as the sales
 * feed (refunds and cancellations made later are seen because orders are read by `updated_at`), and
 * its products in every show audience's language and currency for the catalogue.
 */
export class ShopifyMarketplace implements MarketplaceConnector {
  readonly source = SHOPIFY_SOURCE;
  readonly pollSeconds: number;
  private readonly api: AdminApi;

  constructor(private readonly options: ShopifyOptions) {
    // A page costs little of the bucket in practice; 10 s keeps the ticker lively and the bucket full.
    this.pollSeconds = options.pollSeconds ?? 10;
    this.api = new AdminApi(options);
  }

  /**
   * Orders updated since the cursor (Shopify's clock, not ours; each poll re-reads a little before
   * it), so refunds and cancellations made later are seen. Orders are selected by update time, so
   * an order paid before the show and only fulfilled or edited during it comes along too: it is
   * not the show's sale, and only orders paid since the studio started selling here count.
   */
  async fetchOrders(cursor: string | null): Promise<{ orders: IncomingOrder[]; cursor: string }> {
    const now = (this.options.now ?? Date.now)();
    const { since, latest: last } = readCursor(cursor, now);
    const from = Number.isFinite(last) ? last - OVERLAP_MS : since;
    let latest = Number.isFinite(last) ? last : from;
    const orders: IncomingOrder[] = [];
    let after: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await this.api.query<unknown>('StudioOrders', ORDERS_QUERY, {
        first: ORDERS_PER_PAGE,
        lines: LINES_PER_ORDER,
        after,
        query: `updated_at:>='${new Date(from).toISOString()}'`
      });
      const data = readOrdersPage(answer);
      for (const node of data.orders.nodes) {
        orders.push(...incomingOrders(factsFromGraphql(node, now), this.options.locales()));
        const updated = Date.parse(node.updatedAt);
        if (Number.isFinite(updated) && updated > latest) latest = updated;
      }
      if (!data.orders.pageInfo.hasNextPage || !data.orders.pageInfo.endCursor) break;
      after = data.orders.pageInfo.endCursor;
    }
    return { orders: paidSince(orders, since), cursor: `${new Date(since).toISOString()}|${new Date(latest).toISOString()}` };
  }

  async fetchProducts(ids: string[], locales: ShowLocale[]): Promise<ProductFetch> {
    // The caller's own spelling of each id (`123`, `sh-123`, a gid), to name the ones refused.
    const asGiven = new Map(ids.map((id) => [numericId(id), id]));
    const wanted = [...asGiven.keys()];
    const valid = wanted.filter((id) => /^\d+$/.test(id));
    const products = new Map<string, ProductDraft>();
    const notes: string[] = [];
    for (const audience of locales) {
      const [language, country] = audience.locale.split('-');
      for (let i = 0; i < valid.length; i += PRODUCTS_PER_QUERY) {
        const batch = valid.slice(i, i + PRODUCTS_PER_QUERY).map((id) => `gid://shopify/Product/${id}`);
        const data = readProductsAnswer(await this.api.query<unknown>('StudioProducts', PRODUCTS_QUERY, { ids: batch, country, locale: language }));
        const primary = data.shopLocales?.find((l) => l.primary)?.locale.split('-')[0] ?? null;
        for (const node of data.nodes) {
          if (!node?.legacyResourceId) continue;
          const id = studioProductId(node.legacyResourceId);
          const product = products.get(id) ?? { id, title: {}, price: {}, compareAt: {}, source: 'shopify' };
          notes.push(...this.addAudience(product, node, audience, language, primary));
          products.set(id, product);
        }
      }
    }
    const found = new Set(products.keys());
    return {
      products: [...products.values()],
      rejected: wanted
        .filter((id) => !found.has(studioProductId(id)))
        .map((id) => ({ id: asGiven.get(id) ?? id, message: /^\d+$/.test(id) ? 'Shopify returned no such product' : 'not a Shopify product id' })),
      notes: [...new Set(notes)]
    };
  }

  /** One audience's title and price of a product; what Shopify could not give comes back as notes. */
  private addAudience(product: ProductDraft, node: NonNullable<ProductsAnswer['nodes'][number]>, audience: ShowLocale, language: string, primary: string | null): string[] {
    const notes: string[] = [];
    if (node.title && primary) product.title[primary] = node.title;
    const translated = node.translations?.find((t) => t.key === 'title')?.value;
    if (translated) product.title[language] = translated;
    else if (!product.title[language] && node.title) {
      if (!primary) product.title[language] = node.title;
      else notes.push(`Shopify has no ${language} title for ${product.id}: the ${audience.locale} overlay falls back to another language`);
    }
    const pricing = node.contextualPricing?.minVariantPricing;
    const price = pricing?.price;
    const amount = price ? milli(price.amount) : null;
    if (price && amount !== null) {
      product.price[price.currencyCode] = amount / 1000;
      const compareAt = pricing?.compareAtPrice;
      const original = compareAt?.currencyCode === price.currencyCode ? milli(compareAt.amount) : null;
      if (original !== null && original > amount) product.compareAt[price.currencyCode] = original / 1000;
      if (price.currencyCode !== audience.currency) {
        notes.push(`Shopify priced ${product.id} in ${price.currencyCode}, not ${audience.currency} (${audience.locale}): the shop's market for that country does not sell in ${audience.currency}; set that price in the catalogue`);
      }
    } else {
      notes.push(`Shopify gave no price for ${product.id} in ${audience.locale}`);
    }
    const image = node.featuredMedia?.preview?.image?.url;
    if (image) product.image = image;
    return notes;
  }
}

/**
 * The poll cursor is `SINCE|LATEST`: when the studio started selling on this shop, and the latest
 * `updated_at` seen. Before the first poll the show starts now (less the first window).
 */
export function readCursor(cursor: string | null | undefined, now: number): { since: number; latest: number } {
  const [since, latest] = (cursor ?? '').split('|');
  const start = Date.parse(since);
  return { since: Number.isFinite(start) ? start : now - FIRST_WINDOW_MS, latest: latest === undefined ? NaN : Date.parse(latest) };
}

/** A paid order from before the show is not the show's sale; a refund or a cancellation always passes. */
export function paidSince(orders: IncomingOrder[], since: number): IncomingOrder[] {
  return orders.filter((o) => o.status !== 'paid' || o.at >= since);
}
