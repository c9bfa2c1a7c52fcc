import { describe, expect, it } from 'vitest';
import { applyEntry } from '../../../../src/main/show/reducer';
import { initialShowState, showWith, type ShowState } from '../../../../src/main/show/state';
import { mergeProduct } from '../../../../src/shared/product';

/** A show where every field holds something other than its default, so a field left behind shows. */
function busyShow(): ShowState {
  return {
    revision: 41,
    title: 'Wieczór z biżuterią',
    locales: [{ locale: 'pl-PL', currency: 'PLN' }],
    products: { a: mergeProduct(undefined, { id: 'a', title: { pl: 'Pierścionek' }, price: { PLN: 99 }, stock: 3 }) },
    productCount: 1,
    catalogueRevision: 7,
    rundown: [{ id: 'item-1', productId: 'a', scene: null, addedAt: 5, addedBy: 'owner', airedMs: 1200 }],
    onAir: { itemId: 'item-1', productId: 'a', since: 100 },
    rundownRevision: 40,
    lastOnAirItemId: 'item-1',
    nextItemNumber: 2,
    deal: { id: 'deal-1', productId: 'a', price: { PLN: 79 }, startedAt: 50, endsAt: 9_000 },
    theme: { ...initialShowState().theme, accent: '#ff0066' },
    salesCursors: { demo: 'c-12' },
    goal: { units: 50 },
    baseLanguage: 'pl',
    graphics: [],
    nextGraphicNumber: 4,
    plan: { ...initialShowState().plan, autoAdvance: true },
    hostLocale: 'de',
    hostMessages: [{ id: 'm-1', text: 'Halo', from: 'mod', at: 3 }]
  };
}

describe('showWith, the copy every change to the show makes', () => {
  it('keeps every field the change does not name, and leaves the state it copied untouched', () => {
    const before = busyShow();
    const frozen = structuredClone(before);
    const after = showWith(before, { title: 'Nowy tytuł', revision: 42 });
    expect(after).not.toBe(before);
    expect(after).toStrictEqual({ ...frozen, title: 'Nowy tytuł', revision: 42 });
    expect(before).toStrictEqual(frozen);
  });

  it('sets a field to null when the change says null (the pin comes off, the deal ends)', () => {
    const after = showWith(busyShow(), { onAir: null, deal: null, goal: null, lastOnAirItemId: null });
    expect(after.onAir).toBeNull();
    expect(after.deal).toBeNull();
    expect(after.goal).toBeNull();
    expect(after.lastOnAirItemId).toBeNull();
    expect(after.hostLocale).toBe('de');
  });

  it('gives a replayed entry every field of the show before it, with only what the entry changed', () => {
    const before = busyShow();
    const after = applyEntry(before, { rev: 42, at: 2_100, actor: { id: 'owner', client: 'test' }, command: 'rundown.unpin', events: [{ type: 'onAir.cleared', itemId: 'item-1' }] });
    expect(after).toStrictEqual({
      ...before,
      revision: 42,
      onAir: null,
      rundownRevision: 42,
      rundown: [{ ...before.rundown[0], airedMs: 1200 + 2000 }]
    });
    expect(before.rundown[0].airedMs).toBe(1200);
  });
});
