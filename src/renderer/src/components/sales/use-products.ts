import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { Product } from '@shared/product';
import type { ShowView } from '@shared/view';
import { useStudio } from '../../store/studio-store';

/**
 * Products fetched by id because they sold without being in the rundown; asked once per id, shared
 * by every panel that names them (top sellers, just bought…), so each re-renders when one lands.
 */
const fetched = new Map<string, Product | null>();
const listeners = new Set<() => void>();
let version = 0;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function landed(): void {
  version++;
  for (const listener of listeners) listener();
}

/**
 * Sales name products by id. Most that sell are in the rundown (or on a deal); the rest are fetched
 * from the catalogue once, so the panel can still title them in the operator's language.
 */
export function useProducts(show: ShowView, ids: string[]): Map<string, Product> {
  const client = useStudio((s) => s.client);
  const arrived = useSyncExternalStore(subscribe, () => version);
  const known = useMemo(() => {
    const byId = new Map(show.rundown.flatMap((i) => (i.product ? [[i.productId, i.product] as const] : [])));
    if (show.deal?.product) byId.set(show.deal.productId, show.deal.product);
    return byId;
  }, [show.rundown, show.deal]);
  const missingKey = ids.filter((id) => !known.has(id) && !fetched.has(id)).join('\n');

  useEffect(() => {
    if (!client || !missingKey) return;
    for (const id of missingKey.split('\n')) {
      if (fetched.has(id)) continue;
      fetched.set(id, null);
      client.get<Product>(`/api/v1/products/${encodeURIComponent(id)}`).then(
        (p) => {
          fetched.set(id, p);
          landed();
        },
        (err: { status?: number }) => {
          // A product no longer in the catalogue keeps its id as its name; a network blip asks again.
          if (err.status !== 404) fetched.delete(id);
        }
      );
    }
  }, [client, missingKey]);

  return useMemo(() => {
    const all = new Map(known);
    for (const [id, p] of fetched) if (p && !all.has(id)) all.set(id, p);
    return all;
    // `arrived` marks a fetch landing: the module-level cache changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [known, arrived]);
}
