import type { ShowCore } from './show/show-core';
import type { CatalogueIndex } from './show/catalogue-search';
import type { Presence } from './access/presence';
import { own } from '../shared/own';

/**
 * The catalogue search follows the products: the whole catalogue at start (catching up with
 * anything imported before), then each upsert as it is journaled, indexed over the next turns.
 */
export function followCatalogue(core: ShowCore, catalogue: CatalogueIndex): () => void {
  catalogue.upsert(Object.values(core.current.products));
  return core.subscribe((state, entry) => {
    for (const event of entry.events) {
      // In slices after the acknowledgement: a pin queued behind an import part is answered first.
      if (event.type === 'catalogue.upserted') catalogue.upsertSoon(event.products.flatMap((p) => own(state.products, p.id) ?? []));
    }
  });
}

/** Every acknowledged command by an operator (not the studio itself) counts as that operator acting. */
export function followOperators(core: ShowCore, presence: Presence): () => void {
  return core.subscribe((_state, entry) => {
    const { id, name, role } = entry.actor;
    if (role) presence.acted({ id, name: name ?? id, role }, entry.at);
  });
}
