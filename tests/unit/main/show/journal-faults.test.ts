import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ShowCore, type ShowCoreOptions } from '../../../../src/main/show/show-core';
import { JOURNAL_FILE, readJournal } from '../../../../src/main/show/journal';
import { DiskUnwritableError } from '../../../../src/main/disk-errors';
import type { Actor } from '../../../../src/shared/events';
import { tempDir } from '../../../helpers/temp-dir';
import { FaultyDisk, type DiskFault } from '../../../helpers/faulty-disk';
import { order } from '../../../helpers/orders';
import { until } from '../../../helpers/until';

const actor: Actor = { id: 'owner', client: 'test', role: 'producer' };
let dir: string;
let cleanup: () => Promise<void>;
let disk: FaultyDisk;
let core: ShowCore;

const open = async (options: ShowCoreOptions = {}) => (await ShowCore.open(dir, { journal: { wrapFile: disk.wrap, probe: disk.probe, probeEveryMs: 20 }, ...options })).core;
const pin = (n: number) => core.execute({ type: 'rundown.pin', itemId: core.current.rundown[n % 3].id }, actor);
const reopen = async () => {
  await core.close();
  core = await open();
};

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  disk = new FaultyDisk();
  core = await open();
  await core.execute({ type: 'catalogue.import', products: ['a', 'b', 'c'].map((id) => ({ id, title: { en: id }, stock: null })) }, actor);
  for (const productId of ['a', 'b', 'c']) await core.execute({ type: 'rundown.add', productId }, actor);
});
afterEach(async () => {
  await core.close();
  await cleanup();
});

const FAULTS: [string, DiskFault][] = [
  ['a write that stops after 1 byte (full disk)', { kind: 'short', bytes: 1 }],
  ['a write that stops after 0 bytes', { kind: 'short', bytes: 0 }],
  ['a write refused with ENOSPC', { kind: 'full' }],
  ['a sync that fails with EIO after the bytes were written', { kind: 'sync' }]
];

describe('a journal write that fails', () => {
  it.each(FAULTS)('%s is refused as journal_unwritable, the show stays as it was, and the next change works once the disk does', async (_name, fault) => {
    const before = core.current;
    disk.fault = fault;
    const refused = await pin(0).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(DiskUnwritableError);
    expect(refused).toMatchObject({ code: 'journal_unwritable', status: 503 });
    expect(core.current).toBe(before);
    expect(core.journalStatus()).toMatchObject({ writable: false, reason: expect.any(String) });
    // Still refused while the disk refuses, never acknowledged.
    await expect(pin(1)).rejects.toBeInstanceOf(DiskUnwritableError);
    disk.heal();
    const done = await pin(2);
    expect(done.revision).toBe(before.revision + 1);
    expect(core.journalStatus()).toEqual({ writable: true });
    const after = core.current;
    await reopen();
    expect(core.current).toEqual(after);
    // Nothing of the refused changes is left in the file: the lines are exactly the acknowledged ones.
    const lines = (await readFile(join(dir, JOURNAL_FILE), 'utf8')).split('\n').filter(Boolean);
    expect(lines.map((l) => JSON.parse(l).rev)).toEqual([1, 2, 3, 4, 5]);
  });

  it('cuts the bytes of a refused change off the file at once, so a crash before the next change cannot bring it back', async () => {
    disk.fault = { kind: 'sync' }; // the line reached the file, its sync failed
    await expect(pin(0)).rejects.toBeInstanceOf(DiskUnwritableError);
    const lines = (await readFile(join(dir, JOURNAL_FILE), 'utf8')).split('\n').filter(Boolean);
    expect(lines.map((l) => JSON.parse(l).rev)).toEqual([1, 2, 3, 4]);
  });

  it('drops every pending change of a failed batch and after it, acknowledges only what is on disk, and leaves no command hanging', async () => {
    disk.failAfterWrites = disk.writes + 1; // the first batch lands, the next one hits a full disk
    const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => pin(i)));
    const acknowledged = results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<{ revision: number }>).value.revision);
    const refused = results.filter((r) => r.status === 'rejected');
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(DiskUnwritableError);
    expect(core.current.revision).toBe(Math.max(...acknowledged));
    const { entries } = await readJournal(dir);
    expect(entries.at(-1)!.rev).toBe(core.current.revision);
    disk.heal();
    const next = await pin(1);
    expect(next.revision).toBe(Math.max(...acknowledged) + 1);
    const state = core.current;
    await reopen();
    expect(core.current).toEqual(state);
  });

  it('answers a command that changes nothing while a failing change is pending, instead of hanging', async () => {
    disk.fault = { kind: 'full' };
    const failing = pin(0);
    // Decided against the pending pin: the same item again changes nothing and waits for it.
    const noop = pin(0);
    await expect(failing).rejects.toBeInstanceOf(DiskUnwritableError);
    await expect(noop).resolves.toMatchObject({ revision: 4 });
  });

  it('says the journal is writable again once the disk takes writes, without any command', async () => {
    disk.fault = { kind: 'full' };
    await expect(pin(0)).rejects.toBeInstanceOf(DiskUnwritableError);
    await new Promise((r) => setTimeout(r, 60));
    expect(core.journalStatus().writable).toBe(false);
    disk.heal();
    await until('the journal writable again', () => core.journalStatus().writable, Boolean, 2000);
  });

  it('stays unwritable, without acknowledging, while even cutting the file back fails', async () => {
    disk.fault = { kind: 'sync' };
    await expect(pin(0)).rejects.toBeInstanceOf(DiskUnwritableError);
    disk.fault = { kind: 'truncate' };
    await expect(pin(1)).rejects.toBeInstanceOf(DiskUnwritableError);
    disk.heal();
    expect((await pin(2)).revision).toBe(5);
    await reopen();
    expect(core.current.revision).toBe(5);
  });
});

describe('orders while the journal fails', () => {
  const record = (orderId: string) => core.execute({ type: 'sales.record', source: 'demo', orders: [order(orderId, { productId: 'a' })] }, actor);

  it('counts orders of a refused batch nowhere, and counts them once when the marketplace sends them again', async () => {
    await record('o-1');
    disk.fault = { kind: 'short', bytes: 10 };
    await expect(record('o-2')).rejects.toBeInstanceOf(DiskUnwritableError);
    expect(core.sales.view()).toMatchObject({ orders: 1 });
    disk.heal();
    await record('o-2');
    await record('o-2');
    expect(core.sales.view()).toMatchObject({ orders: 2 });
  });

  it('recognises a repeat of an order still on its way to the disk, and shows totals only for what is durable', async () => {
    const first = record('o-9');
    // Decided before the first is durable: the book does not have it yet, the pending entry does.
    const repeat = record('o-9');
    expect(core.sales.view()).toMatchObject({ orders: 0 });
    await Promise.all([first, repeat]);
    expect(core.sales.view()).toMatchObject({ orders: 1 });
    const { entries } = await readJournal(dir);
    expect(entries.filter((e) => e.command === 'sales.record')).toHaveLength(1);
  });
});

describe('a part of the studio that fails on an acknowledged change', () => {
  it('never turns the acknowledged change into an error, and the change stays', async () => {
    const onListenerError = vi.fn();
    await core.close();
    core = await open({ onListenerError });
    core.subscribe(() => {
      throw new Error('a face broke');
    });
    const done = await pin(0);
    expect(done.revision).toBe(5);
    expect(onListenerError).toHaveBeenCalledWith(expect.objectContaining({ message: 'a face broke' }));
    await reopen();
    expect(core.current.onAir?.itemId).toBe(core.current.rundown[0].id);
  });
});
