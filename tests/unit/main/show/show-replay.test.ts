import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShowCore } from '../../../../src/main/show/show-core';
import { JOURNAL_FILE, serializeEntry } from '../../../../src/main/show/journal';
import { SNAPSHOT_FILE } from '../../../../src/main/show/snapshot';
import { SALES_SNAPSHOT_FILE } from '../../../../src/main/show/sales-snapshot';
import { initialShowState } from '../../../../src/main/show/state';
import type { Actor, JournalEntry } from '../../../../src/shared/events';
import { tempDir } from '../../../helpers/temp-dir';

const actor: Actor = { id: 'owner', client: 'test' };
let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const forgetSnapshots = () => Promise.all([SNAPSHOT_FILE, SALES_SNAPSHOT_FILE].map((f) => rm(join(dir, f), { force: true })));

/** A show of `n` entries: a product, then its stock set n-1 times. */
async function writeShow(n: number): Promise<void> {
  const { core } = await ShowCore.open(dir);
  await core.execute({ type: 'catalogue.import', products: [{ id: 'a', title: { en: 'A' } }] }, actor);
  for (let stock = 1; stock < n; stock++) await core.execute({ type: 'product.setStock', productId: 'a', stock }, actor);
  await core.close();
}

describe('opening a show from its journal', () => {
  it('starts the audit trail with the last entries it replayed, newest last, however long the journal', async () => {
    await writeShow(23);
    await forgetSnapshots();
    const { core, report } = await ShowCore.open(dir, { auditSize: 5 });
    expect(report.replayed).toBe(23);
    expect(core.current.products.a.stock).toBe(22);
    expect(core.recentEntries(100).map((e) => e.rev)).toEqual([19, 20, 21, 22, 23]);
    await core.close();
  });

  it('keeps no audit trail when asked for none', async () => {
    await writeShow(4);
    await forgetSnapshots();
    const { core } = await ShowCore.open(dir, { auditSize: 0 });
    expect(core.recentEntries(100)).toEqual([]);
    await core.close();
  });

  it('refuses an entry it cannot apply at its own line, and recovery keeps exactly that line and those after it aside', async () => {
    await writeShow(4);
    await forgetSnapshots();
    const alien = { rev: 5, at: 1, actor, command: 'show.fly', events: [{ type: 'show.flown' }] } as unknown as JournalEntry;
    const tail = serializeEntry(alien) + serializeEntry({ ...alien, rev: 6 });
    await appendFile(join(dir, JOURNAL_FILE), tail);
    await expect(ShowCore.open(dir)).rejects.toThrow(/line 5 \(revision 5\): the entry can no longer be applied/);
    const { core, report } = await ShowCore.open(dir, { recoverJournal: true });
    expect(core.current.revision).toBe(4);
    expect(await readFile(report.recovered[0].kept[0], 'utf8')).toBe(tail);
    await core.close();
  });
});

describe('opening a show an older version wrote', () => {
  it('starts from its snapshot lacking newer fields (aired time in a record) and replays its unchecked lines to the same show', async () => {
    const item = (n: number) => ({ id: `item-${n}`, productId: 'a', scene: null, addedAt: 0, addedBy: 'owner' });
    // Written before graphics, plans, host messages and the base language, with aired time beside the rundown.
    const older = {
      revision: 3,
      title: 'Stary pokaz',
      locales: [{ locale: 'pl-PL', currency: 'PLN' }],
      products: { a: { id: 'a', title: { pl: 'A' }, pitch: {}, badge: {}, price: { PLN: 10 }, compareAt: {}, lowest30d: {}, stock: 5, images: [], buyUrl: null } },
      catalogueRevision: 1,
      rundown: [item(1), item(2)],
      onAir: { itemId: 'item-1', productId: 'a', since: 1_000 },
      rundownRevision: 3,
      lastOnAirItemId: 'item-1',
      nextItemNumber: 3,
      deal: null,
      theme: initialShowState().theme,
      salesCursors: {},
      goal: null,
      airedMs: { 'item-1': 500 }
    };
    await writeFile(join(dir, SNAPSHOT_FILE), JSON.stringify({ format: 1, state: older }));
    const entry = (rev: number, at: number, events: JournalEntry['events']) => `${JSON.stringify({ rev, at, actor, command: 'test', events })}\n`;
    const lines = [
      entry(1, 100, [{ type: 'catalogue.upserted', products: [{ id: 'a', title: { pl: 'A' }, price: { PLN: 10 }, stock: 5 }] }]),
      entry(2, 200, [{ type: 'rundown.itemAdded', item: item(1), index: 0 }, { type: 'rundown.itemAdded', item: item(2), index: 1 }]),
      entry(3, 1_000, [{ type: 'onAir.pinned', itemId: 'item-1', productId: 'a', since: 1_000 }]),
      entry(4, 4_000, [{ type: 'onAir.pinned', itemId: 'item-2', productId: 'a', since: 4_000 }]),
      entry(5, 5_000, [{ type: 'show.updated', title: 'Nowy tytuł' }])
    ];
    await writeFile(join(dir, JOURNAL_FILE), lines.join(''));
    const { core, report } = await ShowCore.open(dir);
    expect(report.replayed).toBe(2);
    const { airedMs: _record, ...olderShow } = older;
    expect(core.current).toStrictEqual({
      ...initialShowState(),
      ...olderShow,
      revision: 5,
      title: 'Nowy tytuł',
      rundown: [{ ...item(1), airedMs: 500 + 3_000 }, item(2)],
      onAir: { itemId: 'item-2', productId: 'a', since: 4_000 },
      rundownRevision: 4,
      lastOnAirItemId: 'item-2',
      // Counted from the snapshot's products: older snapshots carry no count, newer ones are not taken at their word.
      productCount: 1
    });
    expect(Object.keys(core.current).sort()).toEqual(Object.keys(initialShowState()).sort());
    await core.close();
  });

  it('counts the products a snapshot holds rather than trusting a count stored beside them', async () => {
    const product = (id: string) => ({ id, title: { pl: id }, pitch: {}, badge: {}, price: {}, compareAt: {}, lowest30d: {}, stock: null, images: [], buyUrl: null });
    const state = { ...initialShowState(), revision: 1, products: { a: product('a'), b: product('b') }, productCount: 40 };
    await writeFile(join(dir, SNAPSHOT_FILE), JSON.stringify({ format: 1, state }));
    await writeFile(join(dir, JOURNAL_FILE), `${JSON.stringify({ rev: 1, at: 1, actor, command: 'test', events: [{ type: 'catalogue.upserted', products: [{ id: 'a', title: { pl: 'a' } }, { id: 'b', title: { pl: 'b' } }] }] })}\n`);
    const { core } = await ShowCore.open(dir);
    expect(core.current.productCount).toBe(2);
    await core.execute({ type: 'catalogue.import', products: [{ id: 'b', title: { pl: 'B' } }, { id: 'c', title: { pl: 'C' } }] }, actor);
    expect(core.current.productCount).toBe(3);
    await core.close();
  });
});
