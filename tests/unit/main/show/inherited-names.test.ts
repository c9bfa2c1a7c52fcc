import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShowCore } from '../../../../src/main/show/show-core';
import { applyEntry } from '../../../../src/main/show/reducer';
import { initialShowState } from '../../../../src/main/show/state';
import { own } from '../../../../src/shared/own';
import type { Actor } from '../../../../src/shared/events';
import { tempDir } from '../../../helpers/temp-dir';
import { order } from '../../../helpers/orders';

const actor: Actor = { id: 'studio', client: 'test' };
let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

describe('names every object inherits, inside the show', () => {
  it('stores a product under "__proto__" as data: the catalogue gains a product, no object gains a prototype', () => {
    const state = applyEntry(initialShowState(), { rev: 1, at: 1, actor, command: 'catalogue.import', events: [{ type: 'catalogue.upserted', products: [{ id: '__proto__', stock: 1 }, { id: 'toString', stock: 2 }] }] });
    expect(Object.keys(state.products).sort()).toEqual(['__proto__', 'toString']);
    expect(own(state.products, '__proto__')).toMatchObject({ id: '__proto__', stock: 1, title: {} });
    expect(({} as Record<string, unknown>).stock).toBeUndefined();
    expect(own(state.products, 'valueOf')).toBeUndefined();
  });

  it('keeps a marketplace called "constructor" its own sales cursor, moved only when it changes, across a restart', async () => {
    let { core } = await ShowCore.open(dir);
    await core.execute({ type: 'catalogue.import', products: [{ id: 'lav-01', title: { en: 'Lavender' }, stock: 5 }] }, actor);
    const first = await core.execute({ type: 'sales.record', source: 'constructor', cursor: 'c-1', orders: [order('o-1')] }, actor);
    expect(first.events).toHaveLength(1);
    // Same cursor, an order already counted: nothing to journal.
    expect((await core.execute({ type: 'sales.record', source: 'constructor', cursor: 'c-1', orders: [order('o-1')] }, actor)).events).toEqual([]);
    expect(own(core.current.salesCursors, 'constructor')).toBe('c-1');
    expect(own(core.current.salesCursors, 'toString')).toBeUndefined();
    expect(core.current.products['lav-01'].stock).toBe(4);
    const before = core.current;
    await core.close();
    ({ core } = await ShowCore.open(dir));
    expect(core.current).toEqual(before);
    await core.close();
  });
});
