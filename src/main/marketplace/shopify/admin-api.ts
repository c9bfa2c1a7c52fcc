import { z } from 'zod';
import { MarketplaceError } from '../connector';
import { call, readJson, type AnswerLimits } from '../http-answer';
import { boundedWait, retryAfterMs } from '../../retry';
import { isSafeShopAddress } from '../../../shared/marketplace';

/** The Admin API version the queries are written against: a stable version, supported for a year. */
export const SHOPIFY_API_VERSION = '2025-07';
/** Waiting longer than this inside one poll holds the poller up; the poller's own wait is better. */
const MAX_INLINE_WAIT_MS = 10_000;

export interface AdminApiOptions extends AnswerLimits {
  /** `your-shop.myshopify.com`, or an http(s) base URL (a proxy, or a fake on loopback in tests). */
  shop: string;
  accessToken: string;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** The leaky bucket Shopify reports after every query (`extensions.cost.throttleStatus`). */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

interface CostExtension {
  requestedQueryCost?: number;
  throttleStatus?: ThrottleStatus;
}

// The bucket is only followed when Shopify reports it as numbers; anything else is as if unsaid.
const Points = z.number().finite().nonnegative();
const CostReport = z.object({
  cost: z
    .object({
      requestedQueryCost: Points.optional().catch(undefined),
      throttleStatus: z.object({ maximumAvailable: Points, currentlyAvailable: Points, restoreRate: Points }).optional().catch(undefined)
    })
    .optional()
    .catch(undefined)
});

interface GraphqlError {
  message?: string;
  extensions?: { code?: string; requiredAccess?: string };
}

/** `https://{shop}/admin/api/{version}/graphql.json`; a URL form keeps its scheme and host. */
export function adminEndpoint(shop: string): string {
  const base = /^https?:\/\//.test(shop) ? shop.replace(/\/+$/, '') : `https://${shop}`;
  return `${base}/admin/api/${SHOPIFY_API_VERSION}/graphql.json`;
}

/**
 * How long until the bucket holds `cost` points: the deficit refilled at `restoreRate` per second,
 * counting what has refilled since the status was read at `readAt`. 0 when it already does.
 */
export function throttleWaitMs(status: ThrottleStatus, cost: number, readAt: number, now: number): number {
  if (!(status.restoreRate > 0)) return 0;
  const needed = Math.min(cost, status.maximumAvailable);
  const refilled = (Math.max(0, now - readAt) / 1000) * status.restoreRate;
  const available = Math.min(status.maximumAvailable, status.currentlyAvailable + refilled);
  const deficit = needed - available;
  return deficit > 0 ? Math.ceil((deficit / status.restoreRate) * 1000) : 0;
}

/**
 * The Admin GraphQL API of one shop: every query with the access token and a timeout, the cost
 * bucket followed so a page is not sent into an empty bucket, and every way a call can fail turned
 * into the `MarketplaceError` the poller knows how to wait on.
 */
export class AdminApi {
  private bucket: { status: ThrottleStatus; readAt: number } | null = null;
  /** The cost each operation last asked for: what the next call of it will need. */
  private readonly costs = new Map<string, number>();

  constructor(private readonly options: AdminApiOptions) {}

  async query<T>(operationName: string, query: string, variables: Record<string, unknown>): Promise<T> {
    if (!this.options.accessToken) throw new MarketplaceError('config', 'no Shopify Admin API access token is set: give accessToken in the marketplace settings');
    if (!isSafeShopAddress(this.options.shop)) throw new MarketplaceError('config', 'the shop address must be https (plain http only to this computer): the access token would travel in the clear');
    await this.waitForBucket(operationName);
    const body = await this.post(operationName, query, variables);
    const reported = CostReport.safeParse(body.extensions);
    const cost: CostExtension | undefined = reported.success ? reported.data.cost : undefined;
    if (cost?.throttleStatus) this.bucket = { status: cost.throttleStatus, readAt: this.now() };
    if (typeof cost?.requestedQueryCost === 'number') this.costs.set(operationName, cost.requestedQueryCost);
    const errors = Array.isArray(body.errors) ? (body.errors as GraphqlError[]) : [];
    if (errors.length > 0) throw this.queryFailure(errors, cost);
    if (!body.data || typeof body.data !== 'object') throw new MarketplaceError('bad_response', `Shopify answered ${operationName} without data`);
    return body.data as T;
  }

  private async post(operationName: string, query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
    const res = await call('Shopify', adminEndpoint(this.options.shop), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-shopify-access-token': this.options.accessToken },
      body: JSON.stringify({ query, variables, operationName })
    }, this.options);
    const retryAfter = retryAfterMs(res.headers.get('retry-after'));
    const refuse = async (error: MarketplaceError) => {
      // The body of a refusal is not read: it could be as large or as slow as the server likes.
      await res.body?.cancel().catch(() => {});
      return error;
    };
    if (res.status === 401 || res.status === 403) {
      throw await refuse(new MarketplaceError('auth', `Shopify refused the access token (${res.status}): check the Admin API access token and its read_orders and read_products scopes`));
    }
    if (res.status === 402 || res.status === 404 || res.status === 423) {
      throw await refuse(new MarketplaceError('config', `Shopify answered ${res.status} for ${this.options.shop}: check the shop address (the store may be closed, frozen or locked)`));
    }
    if (res.status === 429) throw await refuse(new MarketplaceError('rate_limited', 'Shopify is rate-limiting the app', retryAfter ?? 2000));
    if (res.status >= 500) throw await refuse(new MarketplaceError('unavailable', `Shopify answered ${res.status}`, retryAfter));
    const body = await readJson('Shopify', res, this.options);
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
    throw new MarketplaceError('bad_response', `Shopify answered ${res.status} with something that is not a GraphQL reply`);
  }

  private queryFailure(errors: GraphqlError[], cost: CostExtension | undefined): MarketplaceError {
    const codes = errors.map((e) => String(e?.extensions?.code ?? ''));
    // Messages end up in the status line: a hostile server's are cut short.
    const text = errors.slice(0, 5).map((e) => String(e?.message ?? 'error').slice(0, 200)).join('; ');
    if (codes.includes('THROTTLED') || errors.some((e) => e?.message === 'Throttled')) {
      const status = cost?.throttleStatus;
      const wait = status ? throttleWaitMs(status, cost?.requestedQueryCost ?? status.maximumAvailable, 0, 0) : 1000;
      // The hint is computed from numbers the server sent: a restore rate near 0 must not mean days.
      return new MarketplaceError('rate_limited', 'Shopify throttled the query: its cost bucket is empty', boundedWait(wait));
    }
    if (codes.includes('ACCESS_DENIED')) {
      const scope = errors.find((e) => e?.extensions?.requiredAccess)?.extensions?.requiredAccess;
      return new MarketplaceError('auth', `Shopify denied access: ${text}${scope ? ` (the app needs ${scope})` : ''}`);
    }
    if (codes.includes('MAX_COST_EXCEEDED')) return new MarketplaceError('config', `Shopify refused the query as too costly: ${text}`);
    if (codes.includes('INTERNAL_SERVER_ERROR')) return new MarketplaceError('unavailable', `Shopify failed: ${text}`);
    return new MarketplaceError('bad_response', `Shopify refused the query: ${text}`);
  }

  /** Waits while the bucket refills when the last reply says the next page would be throttled. */
  private async waitForBucket(operationName: string): Promise<void> {
    const cost = this.costs.get(operationName);
    if (!this.bucket || cost === undefined) return;
    const wait = throttleWaitMs(this.bucket.status, cost, this.bucket.readAt, this.now());
    if (wait === 0) return;
    if (wait > MAX_INLINE_WAIT_MS) throw new MarketplaceError('rate_limited', 'Shopify\'s cost bucket is nearly empty', wait);
    await (this.options.sleep ?? sleep)(wait);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
