import { useEffect, useMemo, useState } from 'react';
import type { Product } from '../../../../shared/product';
import type { ShowView } from '../../../../shared/view';
import { useStudio } from '../../store/studio-store';

/** Products fetched by id because they sold without being in the rundown; asked once per id. */
const fetched = new Map<string, Product | null>();

/**
 * Sales name products by id. Most that sell are in the rundown (or on a deal); the rest are fetched
 * from the catalogue once, so the panel can still title them in the operator's language.
 */
export function useProducts(show: ShowView, ids: string[]): Map<string, Product> {
  const client = useStudio((s) => s.client);
  const [arrived, setArrived] = useState(0);
  const known = useMemo(() => {
    const byId = new Map(show.rundown.flatMap((i) => (i.product ? [[i.productId, i.product] as const] : [])));
    if (show.deal?.product) byId.set(show.deal.productId, show.deal.product);
    return byId;
  }, [show.rundown, show.deal]);
  const missing = ids.filter((id) => !known.has(id) && !fetched.has(id));
  const missingKey = missing.join('\n');

  useEffect(() => {
    if (!client || !missingKey) return;
    for (const id of missingKey.split('\n')) fetched.set(id, null);
    // Re-render whenever a fetch lands, even if the missing set changed meanwhile: the ids are
    // marked as fetched above, so no later run would ask for them again.
    void Promise.all(
      missingKey.split('\n').map((id) =>
        client.get<Product>(`/api/v1/products/${encodeURIComponent(id)}`).then(
          (p) => fetched.set(id, p),
          () => undefined // a product no longer in the catalogue keeps its id as its name
        )
      )
    ).then(() => setArrived((n) => n + 1));
  }, [client, missingKey]);

  return useMemo(() => {
    const all = new Map(known);
    for (const [id, p] of fetched) if (p && !all.has(id)) all.set(id, p);
    return all;
    // `arrived` marks a fetch finishing: the module-level cache changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [known, arrived]);
}
