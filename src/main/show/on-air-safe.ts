import type { ProductView, ShowView } from '../../shared/view';

/**
 * What the overlay pages (the audience's screens) may receive of the show: never the host's notes
 * or the moderators' messages to the host. Not drawing them is not enough: the page source and the
 * live feed of a browser source are one "inspect" away from a stream.
 */
export function onAirSafe(view: Partial<ShowView>): Partial<ShowView> {
  const { hostMessages: _messages, hostLocale: _locale, ...safe } = view;
  if (safe.rundown) safe.rundown = safe.rundown.map((item) => ({ ...item, product: item.product && withoutNotes(item.product) }));
  if (safe.deal) safe.deal = { ...safe.deal, product: safe.deal.product && withoutNotes(safe.deal.product) };
  return safe;
}

function withoutNotes(product: ProductView): ProductView {
  if (product.hostNotes === undefined) return product;
  const { hostNotes: _notes, ...rest } = product;
  return rest;
}
