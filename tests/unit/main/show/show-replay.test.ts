import { appendFile, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShowCore } from '../../../../src/main/show/show-core';
import { JOURNAL_FILE, serializeEntry } from '../../../../src/main/show/journal';
import { SNAPSHOT_FILE } from '../../../../src/main/show/snapshot';
import { SALES_SNAPSHOT_FILE } from '../../../../src/main/show/sales-snapshot';
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
