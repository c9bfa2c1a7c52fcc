import type { ShowLocale } from '../../shared/locale';
import type { ProductPatch } from '../../shared/product';
import type { IncomingOrder } from '../../shared/sales';

/** One marketplace, seen the same way whichever it is. */
export interface MarketplaceConnector {
  /** The source orders are keyed by: polls and webhooks of one shop share it. */
  readonly source: string;
  /** Seconds between polls when all is well (within the API's limits). */
  readonly pollSeconds: number;
  /** Orders since `cursor` (null: from now on) and where the next poll continues. */
  fetchOrders(cursor: string | null): Promise<{ orders: IncomingOrder[]; cursor: string }>;
  /** Products by marketplace id, in every show locale's language and currency. */
  fetchProducts(ids: string[], locales: ShowLocale[]): Promise<ProductFetch>;
}

export interface ProductFetch {
  products: ProductPatch[];
  rejected: { id: string; message: string }[];
  /** Things the user should know: a currency the marketplace could not price in, say. */
  notes: string[];
}

/**
 * Why a marketplace call failed, and so what to do: `auth` and `config` wait for the user (retrying
 * a wrong key only gets the app blocked); `rate_limited` waits as long as the API asked; the rest
 * backs off and tries again.
 */
export class MarketplaceError extends Error {
  constructor(
    readonly kind: 'auth' | 'config' | 'rate_limited' | 'unavailable' | 'bad_response',
    message: string,
    readonly retryAfterMs?: number
  ) {
    super(message);
    this.name = 'MarketplaceError';
  }
}
