import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ShowCore } from '../../../../src/main/show/show-core';
import { JOURNAL_FILE } from '../../../../src/main/show/journal';
import { SALES_SNAPSHOT_FILE } from '../../../../src/main/show/sales-snapshot';
import type { Actor } from '../../../../src/shared/events';
import type { IncomingOrder } from '../../../../src/shared/sales';
import { tempDir } from '../../../helpers/temp-dir';
import { order } from '../../../helpers/orders';

const actor: Actor = { id: 'studio', client: 'marketplace' };
let dir: string;
let cleanup: () => Promise<void>;
let core: ShowCore;

const record = (orders: IncomingOrder[], source = 'demo') => core.execute({ type: 'sales.record', source, orders }, actor);
const reopen = async (options = {}) => {
  await core.close();
  ({ core } = await ShowCore.open(dir, options));
};

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  ({ core } = await ShowCore.open(dir, { snapshotEvery: 2 }));
  await core.execute({ type: 'catalogue.import', products: [{ id: 'lav-01', title: { pl: 'Spodnie' }, price: { PLN: 84.99 }, stock: null }, { id: 'kni-02', title: { pl: 'Sweter' }, price: { PLN: 150.99 }, stock: null }] }, actor);
  await core.execute({ type: 'rundown.add', productId: 'lav-01' }, actor);
  await core.execute({ type: 'rundown.add', productId: 'kni-02' }, actor);
});
afterEach(async () => {
  await core.close();
  await cleanup();
});

describe('restarting from the sales snapshot', () => {
  it('writes the sales book beside the journal and restarts with exactly the totals it had', async () => {
    await core.execute({ type: 'rundown.pin', itemId: core.current.rundown[0].id }, actor);
    await record([order('A'), order('B', { units: 2, amount: 169.98, locale: 'de-DE', currency: 'EUR' })]);
    await record([order('C', { productId: 'kni-02' }), order('A', { status: 'refunded' })]);
    await core.execute({ type: 'rundown.pin', itemId: core.current.rundown[1].id }, actor);
    const before = core.sales.view();
    await reopen();
    expect((await stat(join(dir, SALES_SNAPSHOT_FILE))).size).toBeGreaterThan(0);
    expect(core.sales.view()).toEqual(before);
    expect([...core.sales.productLocaleTotals()]).toHaveLength(3);
  });

  it('still recognises a repeat or a refund of an order counted before the snapshot', async () => {
    await record([order('A', { units: 3, amount: 254.97 }), order('B')]);
    await reopen();
    await record([order('A', { units: 3, amount: 254.97 }), order('B', { status: 'refunded' })]);
    expect(core.sales.view()).toMatchObject({ orders: 1, units: 3, revenue: { PLN: 254.97 }, refunds: 1 });
  });

  it('replays the orders journaled after the snapshot on top of it', async () => {
    await record([order('A'), order('B')]);
    await reopen({ snapshotEvery: 1000 }); // a clean stop writes the snapshot
    const snapshotBytes = await readFile(join(dir, SALES_SNAPSHOT_FILE));
    await record([order('C', { units: 4 })]); // only in the journal from here on
    await record([order('A', { status: 'refunded' })]);
    const before = core.sales.view();
    // A crash: the process dies without close(), so no newer snapshot is written.
    const crashed = core;
    ({ core } = await ShowCore.open(dir));
    expect(await readFile(join(dir, SALES_SNAPSHOT_FILE))).toEqual(snapshotBytes);
    expect(core.sales.view()).toEqual(before);
    expect(core.sales.view()).toMatchObject({ orders: 2, units: 5, refunds: 1 });
    await crashed.close();
  });

  it('rebuilds from the journal when the sales snapshot is damaged', async () => {
    await record([order('A'), order('B', { units: 2, amount: 169.98 })]);
    const before = core.sales.view();
    await core.close();
    await writeFile(join(dir, SALES_SNAPSHOT_FILE), 'SCSALES1\u0000garbage');
    ({ core } = await ShowCore.open(dir));
    expect(core.sales.view()).toEqual(before);
  });

  it('refuses a journal shorter than the sales snapshot, and with recovery keeps the snapshot aside and counts only what the journal holds', async () => {
    await record([order('A')]);
    const journal = join(dir, JOURNAL_FILE);
    const lengthBefore = (await stat(journal)).size;
    await record([order('B')]);
    await core.close(); // the snapshot now includes B
    // The show folder was restored from an older backup of the journal, without the state snapshot.
    await truncate(journal, lengthBefore);
    await rm(join(dir, 'snapshot.json'));
    await expect(ShowCore.open(dir)).rejects.toThrow(/ends at revision 4 but the sales snapshot was taken at revision 5/);
    let report;
    ({ core, report } = await ShowCore.open(dir, { recoverJournal: true }));
    expect(core.sales.view()).toMatchObject({ orders: 1 });
    expect(report.recovered).toEqual([expect.objectContaining({ fromRevision: 4, kept: [expect.stringContaining(`${SALES_SNAPSHOT_FILE}.ahead-`)] })]);
    expect(await readdir(dir)).toContain(basename(report.recovered[0].kept[0]));
  });

  it('gives the same totals with or without snapshots, wherever the studio was restarted', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ id: fc.integer({ min: 0, max: 30 }), refund: fc.boolean(), product: fc.constantFrom('lav-01', 'kni-02'), restart: fc.boolean() }), { maxLength: 25 }),
        async (steps) => {
          await core.close();
          await cleanup();
          ({ dir, cleanup } = await tempDir());
          ({ core } = await ShowCore.open(dir, { snapshotEvery: 3 }));
          for (const step of steps) {
            await record([order(`o${step.id}`, { productId: step.product, status: step.refund ? 'refunded' : 'paid' })]);
            if (step.restart) await reopen({ snapshotEvery: 3 });
          }
          const withSnapshots = core.sales.view();
          await core.close();
          await rm(join(dir, SALES_SNAPSHOT_FILE), { force: true });
          ({ core } = await ShowCore.open(dir, { snapshotEvery: 3 }));
          expect(core.sales.view()).toEqual(withSnapshots);
        }
      ),
      { numRuns: 25 }
    );
  });
});

describe('where a restart starts reading the journal', () => {
  it('reads only the journal after the snapshots, not the lines before them', async () => {
    await record([order('A'), order('B', { units: 2, amount: 169.98 })]);
    await reopen({ snapshotEvery: 1000 }); // a clean stop writes both snapshots with their journal position
    await record([order('C')]);
    const before = core.sales.view();
    const state = core.current;
    await core.close();
    // Spoil the first line, keeping its length: a restart that read it would refuse the journal.
    const journal = join(dir, JOURNAL_FILE);
    const text = await readFile(journal, 'utf8');
    const firstEnd = text.indexOf('\n');
    await writeFile(journal, '#'.repeat(firstEnd) + text.slice(firstEnd));
    ({ core } = await ShowCore.open(dir));
    expect(core.sales.view()).toEqual(before);
    expect(core.current).toEqual(state);
    // Without the snapshots the whole journal is read, and the spoilt line is found.
    await core.close();
    await rm(join(dir, SALES_SNAPSHOT_FILE));
    await rm(join(dir, 'snapshot.json'));
    await expect(ShowCore.open(dir)).rejects.toThrow(/line 1/);
    ({ core } = await ShowCore.open(join(dir, 'elsewhere'))); // for afterEach
  });

  it('reads the whole journal when the position a snapshot names does not match the file', async () => {
    await record([order('A')]);
    await record([order('B')]);
    await core.close();
    const snapshotFile = join(dir, 'snapshot.json');
    const snapshot = JSON.parse(await readFile(snapshotFile, 'utf8'));
    snapshot.journal.offset -= 7;
    await writeFile(snapshotFile, JSON.stringify(snapshot));
    const journal = await readFile(join(dir, JOURNAL_FILE));
    ({ core } = await ShowCore.open(dir));
    expect(core.sales.view()).toMatchObject({ orders: 2 });
    expect(core.current.revision).toBe(snapshot.state.revision);
    // Nothing was taken for a torn line: the journal is as it was.
    expect(await readFile(join(dir, JOURNAL_FILE))).toEqual(journal);
  });
});
