import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShowCore } from '../../../../src/main/show/show-core';
import { ShowViewBuilder } from '../../../../src/main/show/show-view';
import { SNAPSHOT_FILE } from '../../../../src/main/show/snapshot';
import { SALES_SNAPSHOT_FILE } from '../../../../src/main/show/sales-snapshot';
import { slotRows } from '../../../../src/main/marketplace/report-timing';
import { salesReport } from '../../../../src/main/marketplace/report-rows';
import type { Actor } from '../../../../src/shared/events';
import { tempDir } from '../../../helpers/temp-dir';

const actor: Actor = { id: 'owner', client: 'test' };
const T0 = 1_700_000_000_000;
let dir: string;
let cleanup: () => Promise<void>;
let now: number;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  now = T0;
});
afterEach(() => cleanup());

const open = async () => (await ShowCore.open(dir, { now: () => now })).core;
const pin = (core: ShowCore, index: number) => core.execute({ type: 'rundown.pin', itemId: core.current.rundown[index].id }, actor);
const aired = (core: ShowCore) => core.current.rundown.map((item) => item.airedMs ?? 0);

/** Three items; the first on air 2.5 s, the second 1.5 s, the first again 6 s, then the pin comes off. */
async function airedShow(): Promise<ShowCore> {
  const core = await open();
  await core.execute({ type: 'catalogue.import', products: ['a', 'b', 'c'].map((id) => ({ id, title: { en: id.toUpperCase() } })) }, actor);
  for (const productId of ['a', 'b', 'c']) await core.execute({ type: 'rundown.add', productId }, actor);
  await pin(core, 0);
  now += 2500;
  await pin(core, 1);
  now += 1500;
  await pin(core, 0);
  now += 6000;
  await core.execute({ type: 'rundown.unpin' }, actor);
  return core;
}

describe("each rundown item's time on air", () => {
  it('adds up the slots that ended, from the journaled times of the entries that ended them', async () => {
    const core = await airedShow();
    expect(aired(core)).toEqual([8500, 1500, 0]);
    expect(new ShowViewBuilder().build(core.current).rundown.map((e) => e.airedSeconds)).toEqual([8, 1, 0]);
    await core.close();
  });

  it('is the same after a restart, from the snapshot and from the journal alone', async () => {
    await (await airedShow()).close();
    const fromSnapshot = await open();
    expect(aired(fromSnapshot)).toEqual([8500, 1500, 0]);
    await fromSnapshot.close();
    await Promise.all([SNAPSHOT_FILE, SALES_SNAPSHOT_FILE].map((f) => rm(join(dir, f), { force: true })));
    now += 60_000;
    const fromJournal = await open();
    expect(aired(fromJournal)).toEqual([8500, 1500, 0]);
    await fromJournal.close();
  });

  it('copies only the item whose slot ended: the state before the pin keeps its items and their times', async () => {
    const core = await airedShow();
    await pin(core, 1);
    const before = core.current;
    now += 4000;
    await pin(core, 2);
    const after = core.current;
    expect(before.rundown.map((item) => item.airedMs ?? 0)).toEqual([8500, 1500, 0]);
    expect(after.rundown.map((item) => item.airedMs ?? 0)).toEqual([8500, 5500, 0]);
    expect(after.rundown[0]).toBe(before.rundown[0]);
    expect(after.rundown[2]).toBe(before.rundown[2]);
    await core.close();
  });

  it('goes with an item taken off the rundown while on air, and counts nothing for the others', async () => {
    const core = await airedShow();
    await pin(core, 1);
    now += 3000;
    await core.execute({ type: 'rundown.remove', itemId: core.current.rundown[1].id }, actor);
    expect(core.current.onAir).toBeNull();
    expect(aired(core)).toEqual([8500, 0]);
    await core.close();
  });

  it('counts the slot on air in the report up to the report time, added to the slots that ended', async () => {
    const core = await airedShow();
    await pin(core, 0);
    const rows = slotRows(core.current, salesReport(core.current, core.sales, now + 2000), now + 2000);
    expect(rows.map((r) => r.airedSeconds)).toEqual([10, 1, 0]);
    await core.close();
  });

  it('opens a snapshot written when the times were kept in a record beside the rundown, each time on its item', async () => {
    const core = await airedShow();
    const ids = core.current.rundown.map((item) => item.id);
    await core.close();
    const file = join(dir, SNAPSHOT_FILE);
    const snapshot = JSON.parse(await readFile(file, 'utf8'));
    // As the version before wrote it: items without times, a record of them by item id (prototype-free, so any id).
    for (const item of snapshot.state.rundown) delete item.airedMs;
    snapshot.state.airedMs = { [ids[0]]: 8500, [ids[1]]: 1500, toString: 99, 'item-999': 7 };
    await writeFile(file, JSON.stringify(snapshot));
    const reopened = await open();
    expect(reopened.current.revision).toBe(snapshot.state.revision);
    expect(aired(reopened)).toEqual([8500, 1500, 0]);
    expect(Object.hasOwn(reopened.current, 'airedMs')).toBe(false);
    await reopened.close();
  });
});
