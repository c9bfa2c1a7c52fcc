import { describe, expect, it } from 'vitest';
import { applyEntry } from '../../../../src/main/show/reducer';
import { copyProductsAhead } from '../../../../src/main/show/products-copy';
import { ShowCore } from '../../../../src/main/show/show-core';
import { initialShowState } from '../../../../src/main/show/state';
import { ownCopy } from '../../../../src/shared/own';
import type { Actor, JournalEntry, ShowEvent } from '../../../../src/shared/events';
import { tempDir } from '../../../helpers/temp-dir';
import { longestBlockDuring } from '../../../helpers/event-loop';

const actor: Actor = { id: 'owner', client: 'test' };
const products = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ id: `p-${from + i}`, title: { pl: `Produkt ${from + i}` }, price: { PLN: 10 }, stock: null }));
type Patches = Extract<ShowEvent, { type: 'catalogue.upserted' }>['products'];
const upsert = (rev: number, list: Patches): JournalEntry => ({ rev, at: rev, actor, command: 'catalogue.import', events: [{ type: 'catalogue.upserted', products: list }] });

describe('products copied ahead of a catalogue change', () => {
  it('gives the same show as copying them in the change, and leaves the show it copied untouched', async () => {
    const before = applyEntry(initialShowState(), upsert(1, products(0, 3000)));
    const copy = await copyProductsAhead(before.products);
    const ahead = applyEntry(before, upsert(2, [...products(2990, 20), { id: 'p-5', stock: 4 }]), copy);
    const inPlace = applyEntry(before, upsert(2, [...products(2990, 20), { id: 'p-5', stock: 4 }]));
    expect(ahead).toEqual(inPlace);
    expect(ahead.productCount).toBe(3010);
    expect(Object.keys(before.products)).toHaveLength(3000);
    expect(before.products['p-5'].stock).toBeNull();
    // Taken once: a second change could not reuse a record that is now the show's.
    expect(copy.take()).toBeNull();
  });

  it('is not used for a show whose products changed since it was made', async () => {
    const before = applyEntry(initialShowState(), upsert(1, products(0, 10)));
    const copy = await copyProductsAhead(before.products);
    const changed = applyEntry(before, upsert(2, [{ id: 'p-1', stock: 1 }]));
    const after = applyEntry(changed, upsert(3, [{ id: 'p-2', stock: 2 }]), copy);
    expect(after.products['p-1'].stock).toBe(1);
    expect(after.products['p-2'].stock).toBe(2);
    expect(copy.take()).not.toBeNull();
  });
});

describe('a catalogue part imported into a big show', () => {
  // Retried: other work on a shared machine can pause this process mid-measurement; copying in one piece fails every try.
  it('holds the event loop less than half as long as copying every product in one piece would', { retry: 2 }, async () => {
    const { dir, cleanup } = await tempDir();
    const { core } = await ShowCore.open(dir);
    try {
      await importIntoBigShow(core);
    } finally {
      await core.close();
      await cleanup();
    }
  });
});

/** 80,000 products in four parts, then one part of 300 timed: the longest the event loop was held. */
async function importIntoBigShow(core: ShowCore): Promise<void> {
  for (let from = 0; from < 80_000; from += 20_000) await core.execute({ type: 'catalogue.import', products: products(from, 20_000) }, actor);
  const started = performance.now();
  ownCopy(core.current.products);
  const wholeCopy = performance.now() - started;
  const longest = await longestBlockDuring(() => core.execute({ type: 'catalogue.import', products: products(79_800, 300) }, actor));
  expect(core.current.productCount).toBe(80_100);
  expect(Object.keys(core.current.products)).toHaveLength(80_100);
  // What remains in one piece is checking and journaling the part: the ids of the last part are known.
  expect(longest).toBeLessThan(wholeCopy / 2);
}
