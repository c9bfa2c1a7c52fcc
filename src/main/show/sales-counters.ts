import type { IncomingOrder, SalesCounters } from '../../shared/sales';

export function emptyCounters(): SalesCounters {
  return { orders: 0, units: 0, revenue: {} };
}

export function add(counters: SalesCounters, order: Pick<IncomingOrder, 'units' | 'amount' | 'currency'>, sign: 1 | -1): void {
  counters.orders += sign;
  counters.units += sign * order.units;
  counters.revenue[order.currency] = (counters.revenue[order.currency] ?? 0) + sign * order.amount;
}

/** Sums of cents drift in floating point; faces get them rounded to the cent (and never a "-0.00" once all is refunded). */
export function roundCounters(c: SalesCounters): SalesCounters {
  return { orders: c.orders, units: c.units, revenue: roundRevenue(c.revenue) };
}

export function roundRevenue(revenue: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  // Keys are currency codes the schema checked (three capital letters): plain assignment is safe.
  for (const currency in revenue) out[currency] = Math.round(revenue[currency] * 100) / 100 || 0;
  return out;
}

export function hasKeys(record: Record<string, number>): boolean {
  for (const _ in record) return true;
  return false;
}
