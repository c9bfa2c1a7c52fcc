import { describe, expect, it } from 'vitest';
import { applyEvent } from '../../../../src/main/show/reducer';
import { initialShowState } from '../../../../src/main/show/state';

describe('catalogue upserts in the reducer', () => {
  it('gives a new record with every product, and leaves the one before untouched', () => {
    let state = initialShowState();
    state = applyEvent(state, { type: 'catalogue.upserted', products: Array.from({ length: 3000 }, (_, i) => ({ id: `p-${i}`, title: { en: `P${i}` } })) });
    const before = state;
    const after = applyEvent(before, { type: 'catalogue.upserted', products: [{ id: 'p-7', stock: 2 }, { id: 'new-1', title: { pl: 'Nowy' } }] });
    expect(after.products).not.toBe(before.products);
    expect(Object.keys(after.products)).toHaveLength(3001);
    expect(after.products['p-7']).toMatchObject({ title: { en: 'P7' }, stock: 2 });
    expect(after.products['p-8']).toBe(before.products['p-8']);
    expect(Object.keys(before.products)).toHaveLength(3000);
    expect(before.products['p-7'].stock).not.toBe(2);
    expect(Object.getPrototypeOf(after.products)).toBeNull();
  });

  it('counts each product once, however often an import or a later change names it', () => {
    let state = applyEvent(initialShowState(), { type: 'catalogue.upserted', products: [{ id: 'a', title: { en: 'A' } }, { id: 'b', title: { en: 'B' } }, { id: 'a', stock: 3 }] });
    expect(state.productCount).toBe(2);
    state = applyEvent(state, { type: 'catalogue.upserted', products: [{ id: 'b', stock: 1 }, { id: 'c', title: { en: 'C' } }] });
    expect(state.productCount).toBe(3);
    expect(state.productCount).toBe(Object.keys(state.products).length);
  });
});
