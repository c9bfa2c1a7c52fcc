import { z } from 'zod';
import { CurrencyCode, ProductId } from './product';

/**
 * Where an order stands. An order only moves forward: `paid` counts; `refunded` or `invalid`
 * (cancelled, fraud, chargeback) takes it back out, whichever order the deliveries arrive in.
 */
export const OrderStatus = z.enum(['paid', 'refunded', 'invalid']);
export type OrderStatus = z.infer<typeof OrderStatus>;

/**
 * One order as a connector reports it, already in the studio's terms: one product line, amounts in
 * major units of `currency`. No buyer data: the ticker never needs it.
 */
export const IncomingOrder = z.object({
  orderId: z.string().min(1).max(120),
  productId: ProductId,
  units: z.number().int().positive().max(100_000),
  amount: z.number().finite().nonnegative().max(1e9),
  currency: CurrencyCode,
  /** The show locale (market) the order came from, when the marketplace says. */
  locale: z.string().max(35).nullable().default(null),
  /** Epoch ms when it was paid, by the marketplace's clock. */
  at: z.number().int().nonnegative(),
  status: OrderStatus
});
export type IncomingOrder = z.infer<typeof IncomingOrder>;

/** Per product, per locale: what was sold (refunds already taken out). */
export interface SalesCounters {
  orders: number;
  units: number;
  revenue: Record<string, number>;
}

/**
 * What faces see per product. Time on air is not here: it changes with every pin, and a pin must
 * not resend every product's sales to every face (the show report has minutes on air).
 */
export interface ProductSales extends SalesCounters {
  /** Units sold while this product was on air: the lift a pin gave. */
  unitsWhileOnAir: number;
}

export interface MinuteSales {
  /** Epoch ms of the minute's start. */
  minute: number;
  orders: number;
  units: number;
}

/** A line of the "just bought" feed: what and where, never who. */
export interface RecentOrder {
  productId: string;
  units: number;
  locale: string | null;
  at: number;
}

export interface SalesView extends SalesCounters {
  refunds: number;
  byProduct: Record<string, ProductSales>;
  byLocale: Record<string, SalesCounters>;
  /** The last two hours, one entry per minute that had orders. */
  perMinute: MinuteSales[];
  recent: RecentOrder[];
}

export const NO_SALES: SalesView = { orders: 0, units: 0, revenue: {}, refunds: 0, byProduct: {}, byLocale: {}, perMinute: [], recent: [] };
