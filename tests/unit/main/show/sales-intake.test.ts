import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShowCore } from '../../../../src/main/show/show-core';
import { ORDERS_PER_SLICE } from '../../../../src/main/show/sales-intake';
import { JOURNAL_FILE } from '../../../../src/main/show/journal';
import type { Actor } from '../../../../src/shared/events';
import type { IncomingOrder } from '../../../../src/shared/sales';
import { tempDir } from '../../../helpers/temp-dir';
import { order } from '../../../helpers/orders';

const marketplace: Actor = { id: 'studio', client: 'marketplace' };
const producer: Actor = { id: 'owner', client: 'test', role: 'producer' };
let dir: string;
let cleanup: () => Promise<void>;
let core: ShowCore;

/** A big poll: `n` distinct paid orders (a few slices' worth). */
const poll = (n: number, prefix = 'o'): IncomingOrder[] => Array.from({ length: n }, (_, i) => order(`${prefix}-${i}`));
const record = (orders: IncomingOrder[], source = 'demo') => core.execute({ type: 'sales.record', source, orders }, marketplace);

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  ({ core } = await ShowCore.open(dir));
  await core.execute({ type: 'catalogue.import', products: [{ id: 'lav-01', title: { pl: 'Spodnie' }, price: { PLN: 84.99 }, stock: null }] }, marketplace);
  await core.execute({ type: 'rundown.add', productId: 'lav-01' }, marketplace);
});
afterEach(async () => {
  await core.close();
  await cleanup();
});

describe('taking a big batch of orders in slices', () => {
  it('serves a pin that arrives while a big poll is still being checked, before the poll is decided', async () => {
    const recording = record(poll(ORDERS_PER_SLICE * 8));
    // Sent after the poll: without slices the poll would be decided first and take the earlier revision.
    const pinned = await core.execute({ type: 'rundown.pin', itemId: core.current.rundown[0].id }, producer);
    const recorded = await recording;
    expect(pinned.revision).toBeLessThan(recorded.revision);
    expect(core.sales.view().orders).toBe(ORDERS_PER_SLICE * 8);
    // The orders were decided after the pin: they are credited to the product it put on air.
    expect(core.sales.view().byProduct['lav-01'].unitsWhileOnAir).toBe(ORDERS_PER_SLICE * 8);
  });

  it('counts an order once when webhooks bring it at every moment of a poll that also has it (checking, classifying, deciding)', async () => {
    const big = poll(ORDERS_PER_SLICE * 6);
    const recording = record(big);
    const hooks = [];
    for (let turn = 0; turn < 24; turn++) {
      // Orders of the poll's first slice, one a turn: some arrive after the poll classified them.
      hooks.push(record([big[turn]]));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const results = await Promise.all([recording, ...hooks]);
    expect(core.sales.view().orders).toBe(ORDERS_PER_SLICE * 6);
    // Each command was decided against the others: the journal credits every order once.
    const counted = results.flatMap((r) => r.events.flatMap((e) => (e.type === 'sales.recorded' ? e.changes : []))).filter((c) => c.effect === 'counted');
    expect(counted).toHaveLength(ORDERS_PER_SLICE * 6);
  });

  it('refuses a big poll with one broken order far into it, naming that order, and journals nothing of it', async () => {
    const orders = poll(ORDERS_PER_SLICE * 4);
    (orders[ORDERS_PER_SLICE * 3 + 7] as { amount: number }).amount = -1;
    const before = await readFile(join(dir, JOURNAL_FILE), 'utf8');
    await expect(record(orders)).rejects.toMatchObject({ status: 400, message: expect.stringContaining(`orders.${ORDERS_PER_SLICE * 3 + 7}.amount`) });
    expect(await readFile(join(dir, JOURNAL_FILE), 'utf8')).toBe(before);
    expect(core.sales.view().orders).toBe(0);
  });

  it('journals a big poll as one entry, in the same line a whole check would write, and replays it to the same totals', async () => {
    const orders = poll(ORDERS_PER_SLICE * 3 + 1);
    await core.execute({ type: 'sales.record', source: 'demo', cursor: 'c9', orders }, marketplace);
    const lines = (await readFile(join(dir, JOURNAL_FILE), 'utf8')).trim().split('\n');
    const last = JSON.parse(lines.at(-1)!);
    expect(last.events).toEqual([{ type: 'sales.recorded', source: 'demo', cursor: 'c9', changes: orders.map((o) => ({ ...o, effect: 'counted', onAir: null })) }]);
    const totals = core.sales.view();
    await core.close();
    ({ core } = await ShowCore.open(dir));
    expect(core.sales.view()).toEqual(totals);
    expect(core.current.salesCursors.demo).toBe('c9');
  });

  it('journals a big poll\'s orders as the schema gives them: unknown fields dropped, a missing locale null, fields in the schema\'s order', async () => {
    const sent = poll(ORDERS_PER_SLICE + 2).map((o, i) => {
      const { orderId, locale, ...rest } = o;
      // Fields in another order, a buyer's e-mail the studio never keeps, and every other order without a locale.
      return i % 2 ? { buyerEmail: 'a@b.pl', ...rest, orderId } : { ...rest, locale, orderId };
    });
    await core.execute({ type: 'sales.record', source: 'demo', orders: sent as IncomingOrder[] }, marketplace);
    const line = (await readFile(join(dir, JOURNAL_FILE), 'utf8')).trim().split('\n').at(-1)!;
    const expected = poll(ORDERS_PER_SLICE + 2).map((o, i) => ({ ...o, locale: i % 2 ? null : o.locale, effect: 'counted', onAir: null }));
    expect(line).toContain(JSON.stringify(expected));
    expect(line).not.toContain('buyerEmail');
  });

  it('refuses a big poll from a role that may not record sales before reading any of it', async () => {
    const moderator: Actor = { id: 'tablet', client: 'test', role: 'moderator' };
    await expect(core.execute({ type: 'sales.record', source: 'demo', orders: poll(ORDERS_PER_SLICE * 2) }, moderator)).rejects.toMatchObject({ status: 403 });
  });
});
