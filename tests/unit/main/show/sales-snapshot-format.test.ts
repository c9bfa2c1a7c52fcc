import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { ShowCore } from '../../../../src/main/show/show-core';
import { JOURNAL_FILE } from '../../../../src/main/show/journal';
import { SALES_SNAPSHOT_FILE } from '../../../../src/main/show/sales-snapshot';
import type { Actor } from '../../../../src/shared/events';
import type { IncomingOrder } from '../../../../src/shared/sales';
import { tempDir } from '../../../helpers/temp-dir';
import { order } from '../../../helpers/orders';

/** A show folder as the studio wrote it before order ids were packed: its sales snapshot is 'SCSALES1'. */
const OLDER_SHOW = join(__dirname, 'fixtures', 'sales-snapshot-v1');
const actor: Actor = { id: 'studio', client: 'marketplace' };
let dir: string;
let cleanup: () => Promise<void>;
let core: ShowCore | null = null;

const open = async () => {
  await core?.close();
  ({ core } = await ShowCore.open(dir));
  return core!;
};
const record = (orders: IncomingOrder[], source = 'demo') => core!.execute({ type: 'sales.record', source, orders }, actor);
/** Spoils the journal's first line, keeping its length: a show that opens anyway was read from its snapshots. */
const spoilFirstJournalLine = async () => {
  const text = await readFile(join(dir, JOURNAL_FILE), 'utf8');
  const firstEnd = text.indexOf('\n');
  await writeFile(join(dir, JOURNAL_FILE), '#'.repeat(firstEnd) + text.slice(firstEnd));
};

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => {
  await core?.close();
  core = null;
  await cleanup();
});

describe('a sales snapshot written by an older version', () => {
  it('opens from it with the totals it had, recognises its orders (accented and emoji ids too) and is rewritten in the current format at stop', async () => {
    await cp(OLDER_SHOW, dir, { recursive: true });
    await spoilFirstJournalLine();
    await open();
    // The fixture's orders: A, 'zamówienie-ż😀' ×2 and B (refunded) from demo; A ×3 from shopify; C invalid.
    expect(core!.sales.view()).toMatchObject({ orders: 3, units: 6, revenue: { PLN: 509.94, EUR: 0 }, refunds: 1 });
    await record([order('A'), order('zamówienie-ż😀', { units: 2, amount: 169.98 }), order('C', { status: 'invalid' })]);
    await record([order('A', { units: 3, amount: 254.97, status: 'refunded' })], 'shopify');
    const after = core!.sales.view();
    expect(after).toMatchObject({ orders: 2, units: 3, refunds: 2 });
    await core!.close();
    core = null;
    expect((await readFile(join(dir, SALES_SNAPSHOT_FILE))).subarray(0, 8).toString()).toBe('SCSALES2');
    await open();
    expect(core!.sales.view()).toEqual(after);
  });
});

describe('a damaged sales snapshot', () => {
  beforeEach(async () => {
    await open();
    await core!.execute({ type: 'catalogue.import', products: [{ id: 'lav-01', title: { pl: 'Spodnie' }, price: { PLN: 84.99 }, stock: null }] }, actor);
    await record([order('A'), order('B', { units: 2, amount: 169.98 }), order('Ć', { units: 5, amount: 424.95 })]);
  });

  /** What a refund of each order takes out comes from the order rows, which a bad snapshot would spoil. */
  const refundAll = async () => {
    await record([order('A', { status: 'refunded' }), order('B', { status: 'refunded' }), order('Ć', { status: 'refunded' })]);
    expect(core!.sales.view()).toMatchObject({ orders: 0, units: 0, revenue: { PLN: 0 }, refunds: 3, byProduct: { 'lav-01': { orders: 0, units: 0 } } });
  };

  it('is not trusted when one byte of an order changed: the journal rebuilds the same orders', async () => {
    const before = core!.sales.view();
    await core!.close();
    core = null;
    const file = join(dir, SALES_SNAPSHOT_FILE);
    const bytes = await readFile(file);
    // The units column holds 1, 2, 5: turn the 5 into a 6 (a flipped bit on disk).
    const five = bytes.indexOf(Buffer.from([1, 0, 0, 0, 2, 0, 0, 0, 5, 0, 0, 0])) + 8;
    expect(five).toBeGreaterThan(8);
    bytes[five] = 6;
    await writeFile(file, bytes);
    expect((await open()).sales.view()).toEqual(before);
    await refundAll();
  });

  it('is not trusted when cut short: the journal rebuilds the same orders', async () => {
    const before = core!.sales.view();
    await core!.close();
    core = null;
    const file = join(dir, SALES_SNAPSHOT_FILE);
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 40));
    expect((await open()).sales.view()).toEqual(before);
    await refundAll();
  });

  it('is not trusted when a hand-made file with a valid CRC names a product it does not hold', async () => {
    const before = core!.sales.view();
    await core!.close();
    core = null;
    const file = join(dir, SALES_SNAPSHOT_FILE);
    const forged = await readFile(file);
    // The product column holds name id 1 (lav-01) three times: make one 99, and sign the file again.
    const productAt = forged.indexOf(Buffer.from([1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0]));
    expect(productAt).toBeGreaterThan(8);
    forged[productAt] = 99;
    forged.writeUInt32LE(crc32(forged.subarray(0, forged.length - 4)), forged.length - 4);
    await writeFile(file, forged);
    expect((await open()).sales.view()).toEqual(before);
    await refundAll();
  });
});
