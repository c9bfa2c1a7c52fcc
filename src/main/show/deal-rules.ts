import type { DealEndReason, ShowEvent } from '../../shared/events';
import type { ShowState } from './state';

/**
 * A deal belongs to its product: when the events of one command leave that product sold out, the
 * deal ends in the same journal entry, so no overlay ever counts down beside "Sold out".
 */
export function endDealIfSoldOut(state: ShowState, events: ShowEvent[]): ShowEvent[] {
  const deal = state.deal;
  if (!deal || events.length === 0) return events;
  const before = Object.hasOwn(state.products, deal.productId) ? state.products[deal.productId].stock : null;
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
