import type { Product } from '../../shared/product';
import { hasOwn } from '../../shared/own';
import { nextTurn } from '../common/event-loop-turns';

/** Products copied per event-loop turn: about 3 ms of work. */
const PRODUCTS_PER_TURN = 5000;

/** The ids of one products record, so the next copy need not list them again (~20 ms at 100,000). */
export interface ProductIds {
  readonly of: Readonly<Record<string, Product>>;
  readonly ids: readonly string[];
}

/**
 * A copy of the show's products made ahead of a catalogue change, a slice per event-loop turn. The
 * reducer copies the whole record for every change to it, and at 100,000 products that copy held the
 * event loop for ~55 ms on each 1,000-product part of an import, while every pin waited. Handed to
 * the reducer, this copy is filled instead, once, and only if the show still has the very products
 * it was made from; otherwise the reducer copies as before.
 */
export interface ProductsCopy {
  readonly from: Readonly<Record<string, Product>>;
  /** The copy, to fill; null once taken (an entry's second catalogue change copies again). */
  take(): Record<string, Product> | null;
  /** Whether a change took it: the show's products are then this record with the change's products in. */
  readonly taken: boolean;
  /** The ids of the record the change made from this copy, given the products it upserted. */
  idsAfter(upserted: readonly { id: string }[], products: Readonly<Record<string, Product>>): ProductIds;
}

export async function copyProductsAhead(products: Readonly<Record<string, Product>>, known?: ProductIds | null): Promise<ProductsCopy> {
  const ids = known?.of === products ? known.ids : Object.keys(products);
  const copy = Object.create(null) as Record<string, Product>;
  for (let start = 0; start < ids.length; start += PRODUCTS_PER_TURN) {
    if (start > 0) await nextTurn();
    const end = Math.min(ids.length, start + PRODUCTS_PER_TURN);
    for (let i = start; i < end; i++) copy[ids[i]] = products[ids[i]];
  }
  let taken = false;
  return {
    from: products,
    take: () => {
      if (taken) return null;
      taken = true;
      return copy;
    },
    get taken() {
      return taken;
    },
    idsAfter: (upserted, after) => {
      const added = new Set<string>();
      for (const { id } of upserted) if (!hasOwn(products, id)) added.add(id);
      return { of: after, ids: added.size === 0 ? ids : ids.concat([...added]) };
    }
  };
}
