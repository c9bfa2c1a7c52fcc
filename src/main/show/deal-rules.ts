import type { DealEndReason, ShowEvent } from '../../shared/events';
import type { Prices, Product } from '../../shared/product';
import { CommandError } from './command-error';
import type { ShowState } from './state';
import { own } from '../../shared/own';

/**
 * A deal price is a discount: at or above the regular price it would be announced as a deal while
 * costing the viewer as much or more (and show no struck-through price to explain it).
 */
export function refuseDealAboveRegular(product: Product, price: Prices): void {
  const dearer = Object.entries(price).filter(([currency, amount]) => (own(product.price, currency) ?? Infinity) <= amount);
  if (dearer.length === 0) return;
  const list = dearer.map(([currency, amount]) => `${amount} ${currency} (regular ${product.price[currency]})`).join(', ');
  throw new CommandError('invalid_command', 400, `price: a deal price must be below the regular price: ${list}`);
}

/**
 * A deal belongs to its product: when the events of one command leave that product sold out, the
 * deal ends in the same journal entry, so no overlay ever counts down beside "Sold out".
 */
export function endDealIfSoldOut(state: ShowState, events: ShowEvent[]): ShowEvent[] {
  const deal = state.deal;
  if (!deal || events.length === 0) return events;
  const before = own(state.products, deal.productId)?.stock ?? null;
  const after = stockAfter(before, deal.productId, events);
  if (after !== 0 || before === 0) return events;
  return [...events, { type: 'deal.ended', dealId: deal.id, reason: 'sold-out' }];
}

/** The product's stock once `events` are applied, as the reducer will count it. */
function stockAfter(stock: number | null, productId: string, events: ShowEvent[]): number | null {
  let left = stock;
  for (const event of events) {
    if (event.type === 'catalogue.upserted') {
      for (const patch of event.products) if (patch.id === productId && patch.stock !== undefined) left = patch.stock;
    } else if (event.type === 'sales.recorded') {
      for (const change of event.changes) {
        if (change.effect === 'counted' && change.productId === productId && left !== null) left = Math.max(0, left - change.units);
      }
    }
  }
  return left;
}

/** The studio's timer ends a deal at its end time; anyone ending it earlier stopped it. */
export function endReason(state: ShowState, dealId: string | undefined, now: number): DealEndReason {
  // A second of slack: the timer may fire a hair before the instant it was set for.
  return dealId !== undefined && state.deal !== null && now >= state.deal.endsAt - 1000 ? 'time-up' : 'stopped';
}
