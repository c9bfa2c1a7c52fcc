import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '../../../../src/main/show/catalogue-import';
import { onAirSafe } from '../../../../src/main/show/on-air-safe';
import { mergeProduct } from '../../../../src/shared/product';
import type { ShowView } from '../../../../src/shared/view';

describe('host notes', () => {
  it('are read from hostNotes:LANG columns, whatever the header case, and merge per language', () => {
    const { products, rejected } = parseCatalogue('id,title:en,hostNotes:pl,HostNotes:EN\nlav-01,Trousers,"Pokaż kieszenie, potem metkę",Show the pockets\n', 'csv');
    expect(rejected).toEqual([]);
    expect(products[0].hostNotes).toEqual({ pl: 'Pokaż kieszenie, potem metkę', en: 'Show the pockets' });
    const merged = mergeProduct(mergeProduct(undefined, products[0]), { id: 'lav-01', hostNotes: { de: 'Taschen zeigen' } });
    expect(merged.hostNotes).toEqual({ pl: 'Pokaż kieszenie, potem metkę', en: 'Show the pockets', de: 'Taschen zeigen' });
  });

  it('are left out of what overlays receive, with the host messages and the host language', () => {
    const product = { ...mergeProduct(undefined, { id: 'a', title: { en: 'A' } }), hostNotes: { en: 'secret' } };
    const view: Partial<ShowView> = {
      rundown: [{ id: 'item-1', productId: 'a', scene: null, addedAt: 0, addedBy: 'owner', product, soldOut: false }],
      deal: { id: 'deal-1', productId: 'a', price: { EUR: 1 }, startedAt: 0, endsAt: 1, product },
      hostMessages: [{ id: 'msg-1', text: 'secret too', from: 'Ana', at: 0 }],
      hostLocale: 'pl-PL',
      title: 'Show'
    };
    const safe = onAirSafe(view);
    expect(JSON.stringify(safe)).not.toMatch(/secret|hostNotes|hostMessages|hostLocale/);
    expect(safe.rundown?.[0].product?.title).toEqual({ en: 'A' });
    expect(safe.title).toBe('Show');
    // The view given is not changed: producers still get the notes.
    expect(view.rundown?.[0].product?.hostNotes).toEqual({ en: 'secret' });
  });
});
