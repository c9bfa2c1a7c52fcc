import type { IncomingOrder } from '../../src/shared/sales';

/** A paid order of one pair of lavender trousers from Poland, as a connector hands it to the core. */
export const order = (orderId: string, patch: Partial<IncomingOrder> = {}): IncomingOrder => ({
  orderId,
  productId: 'lav-01',
  units: 1,
  amount: 84.99,
  currency: 'PLN',
  locale: 'pl-PL',
  at: 1_700_000_000_000,
  status: 'paid',
  ...patch
});
