import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShowCore } from '../../../../src/main/show/show-core';
import { AuditTrail } from '../../../../src/main/show/audit-trail';
import { JOURNAL_FILE, readJournal } from '../../../../src/main/show/journal';
import { SNAPSHOT_FILE } from '../../../../src/main/show/snapshot';
import { SALES_SNAPSHOT_FILE } from '../../../../src/main/show/sales-snapshot';
import type { Actor, JournalEntry } from '../../../../src/shared/events';
import type { IncomingOrder } from '../../../../src/shared/sales';
import { tempDir } from '../../../helpers/temp-dir';
import { order } from '../../../helpers/orders';

const marketplace: Actor = { id: 'studio', client: 'marketplace' };
const producer: Actor = { id: 'owner', client: 'test', role: 'producer' };
let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const poll = (n: number, prefix: string): IncomingOrder[] => Array.from({ length: n }, (_, i) => order(`${prefix}-${i}`));
/** What the journal file holds of each entry, by revision. */
const journaled = async () => new Map((await readJournal(dir)).entries.map((e) => [e.rev, e]));
const forgetSnapshots = () => Promise.all([SNAPSHOT_FILE, SALES_SNAPSHOT_FILE].map((f) => rm(join(dir, f), { force: true })));

async function showWithPolls(polls: number, options = {}): Promise<ShowCore> {
  const { core } = await ShowCore.open(dir, options);
  await core.execute({ type: 'catalogue.import', products: [{ id: 'lav-01', title: { pl: 'Spodnie' }, price: { PLN: 84.99 }, stock: null }] }, producer);
  for (let p = 0; p < polls; p++) await core.execute({ type: 'sales.record', source: 'demo', cursor: `c${p}`, orders: poll(1000, `p${p}`) }, marketplace);
  await core.execute({ type: 'product.setStock', productId: 'lav-01', stock: 3 }, producer);
  return core;
}

describe('the audit trail', () => {
  it("gives a poll's thousand orders back exactly as journaled, and who, what and when beside them", async () => {
    const core = await showWithPolls(2);
    const file = await journaled();
    const trail = core.recentEntries(100);
    expect(trail.map((e) => e.command)).toEqual(['catalogue.import', 'sales.record', 'sales.record', 'product.setStock']);
    for (const entry of trail) expect(JSON.parse(JSON.stringify(entry))).toEqual(file.get(entry.rev));
    const [, poll] = trail;
    expect(Object.keys(poll)).toEqual(['rev', 'at', 'actor', 'command', 'events']);
    expect(poll.events[0]).toMatchObject({ type: 'sales.recorded', source: 'demo', cursor: 'c0' });
    expect((poll.events[0] as { changes: unknown[] }).changes).toHaveLength(1000);
    await core.close();
  });

  it('holds the same after a restart from the journal alone', async () => {
    await (await showWithPolls(3)).close();
    await forgetSnapshots();
    const { core } = await ShowCore.open(dir, { auditSize: 2 });
    const file = await journaled();
    const trail = core.recentEntries(100);
    expect(trail.map((e) => e.rev)).toEqual([4, 5]);
    for (const entry of trail) expect(JSON.parse(JSON.stringify(entry))).toEqual(file.get(entry.rev));
    await core.close();
  });

  it('keeps the last entries it was given, newest last, within twice its size', () => {
    const trail = new AuditTrail(5);
    const entry = (rev: number): JournalEntry => ({ rev, at: rev, actor: producer, command: 'rundown.unpin', events: [] });
    for (let rev = 1; rev <= 23; rev++) trail.add(entry(rev));
    const kept = trail.recent(Infinity).map((e) => e.rev);
    expect(kept.length).toBeGreaterThanOrEqual(5);
    expect(kept.length).toBeLessThanOrEqual(10);
    expect(kept.at(-1)).toBe(23);
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => 24 - kept.length + i));
    expect(trail.recent(3).map((e) => e.rev)).toEqual([21, 22, 23]);
  });

  it('does not keep the journal file in memory after opening a show whose last entries are big polls', async () => {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    // Buffers' memory is given back by a sweeper thread after a collection: wait for it.
    const gc = async () => {
      for (let i = 0; i < 3; i++) {
        collect();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    await (await showWithPolls(60)).close();
    const journalBytes = (await stat(join(dir, JOURNAL_FILE))).size;
    /** Bytes outside the heap held by a show opened with that audit trail (the sales book's tables, the trail's lines). */
    const heldWith = async (auditSize: number) => {
      // Closing leaves snapshots: each open replays the whole journal.
      await forgetSnapshots();
      await gc();
      const before = process.memoryUsage().arrayBuffers;
      const { core } = await ShowCore.open(dir, { auditSize });
      await gc();
      const held = process.memoryUsage().arrayBuffers - before;
      expect(core.sales.view().orders).toBe(60_000);
      await core.close();
      return held;
    };
    // Once first, so what the show that wrote the journal left behind is gone before measuring.
    await heldWith(0);
    const withoutTrail = await heldWith(0);
    const withTrail = await heldWith(2);
    expect(journalBytes).toBeGreaterThan(9 * 2 ** 20);
    // Two polls' lines (about 350 KB), not the journal's 10 MB.
    expect(withTrail - withoutTrail).toBeLessThan(2 ** 20);
  });
});
