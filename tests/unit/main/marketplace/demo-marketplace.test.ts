import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShowCore } from '../../../../src/main/show/show-core';
import { DemoMarketplace } from '../../../../src/main/marketplace/demo-marketplace';
import type { Actor } from '../../../../src/shared/events';
import type { IncomingOrder } from '../../../../src/shared/sales';
import { tempDir } from '../../../helpers/temp-dir';

const producer: Actor = { id: 'owner', client: 'test' };
const marketplace: Actor = { id: 'studio', client: 'marketplace' };
let dir: string;
let cleanup: () => Promise<void>;
let core: ShowCore;
let clock = 1_800_000_000_000;

const products = ['p-1', 'p-2', 'p-3', 'p-4', 'p-5', 'p-6'].map((id) => ({ id, title: { en: id }, price: { EUR: 19.99, PLN: 84.99 }, stock: 40 }));

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  ({ core } = await ShowCore.open(dir, { now: () => clock }));
  await core.execute({ type: 'catalogue.import', products }, producer);
  await core.execute({ type: 'show.update', locales: [{ locale: 'de-DE', currency: 'EUR' }, { locale: 'pl-PL', currency: 'PLN' }] }, producer);
  for (const p of products) await core.execute({ type: 'rundown.add', productId: p.id }, producer);
});
afterEach(async () => {
  await core.close();
  await cleanup();
});

const pin = (index: number) => core.execute({ type: 'rundown.pin', itemId: core.current.rundown[index].id }, producer);

/** Polls as the studio does, every `everySeconds` of the test's clock, for `seconds`; returns every order line it got. */
async function sell(demo: DemoMarketplace, seconds: number, everySeconds = 10): Promise<IncomingOrder[]> {
  const lines: IncomingOrder[] = [];
  for (let t = 0; t < seconds; t += everySeconds) {
    clock += everySeconds * 1000;
    const { orders, cursor } = await demo.fetchOrders(core.current.salesCursors.demo ?? String(clock - everySeconds * 1000));
    lines.push(...orders);
    await core.execute({ type: 'sales.record', source: 'demo', cursor, orders }, marketplace);
  }
  return lines;
}

describe('the demo marketplace behaves like a shop', () => {
  it('sells a 40-unit product over minutes of a flash deal, not in 30 seconds', async () => {
    await pin(0);
    await core.execute({ type: 'deal.start', productId: 'p-1', price: { EUR: 14.99, PLN: 67.99 }, durationSeconds: 3600 }, producer);
    const demo = new DemoMarketplace(() => core.current, { seed: 1, now: () => clock });
    await sell(demo, 30, 2);
    expect(core.current.products['p-1'].stock).toBeGreaterThan(30);
    await sell(demo, 5 * 60);
    expect(core.current.products['p-1'].stock).toBeLessThan(40);
  });

  it('over a 90-minute show refunds a small share of its orders, each once and only orders it made', async () => {
    const demo = new DemoMarketplace(() => core.current, { seed: 2, now: () => clock });
    const lines: IncomingOrder[] = [];
    for (let slot = 0; slot < 6; slot++) {
      await pin(slot);
      lines.push(...(await sell(demo, 15 * 60, 30)));
    }
    const paid = new Set(lines.filter((o) => o.status === 'paid').map((o) => o.orderId));
    const refunded = lines.filter((o) => o.status === 'refunded');
    const refundedIds = new Set(refunded.map((o) => o.orderId));
    expect(paid.size).toBeGreaterThan(150);
    expect(paid.size).toBeLessThan(1000);
    for (const id of refundedIds) expect(paid.has(id), id).toBe(true);
    // Repeated polls may bring a refund again, but it is one refund of one order.
    expect(refundedIds.size / paid.size).toBeGreaterThan(0.005);
    expect(refundedIds.size / paid.size).toBeLessThan(0.06);
    const sales = core.sales.view();
    expect(sales.refunds).toBe(refundedIds.size);
    expect(sales.orders).toBe(paid.size - refundedIds.size);
  });

  it('sells products off air rarely next to the one on air', async () => {
    await pin(3);
    const demo = new DemoMarketplace(() => core.current, { seed: 3, now: () => clock });
    const paid = (await sell(demo, 20 * 60, 30)).filter((o) => o.status === 'paid');
    const onAir = paid.filter((o) => o.productId === 'p-4').length;
    expect(onAir).toBeGreaterThan(20);
    expect(paid.length - onAir).toBeLessThan(onAir / 5);
    // Only products shown earlier sell off air.
    expect(paid.filter((o) => ['p-5', 'p-6'].includes(o.productId))).toEqual([]);
  });

  it('never reuses an order id in a new instance, after a restart or switching the demo off and on', async () => {
    await pin(0);
    const first = new DemoMarketplace(() => core.current, { seed: 4, now: () => clock });
    const before = await sell(first, 10 * 60);
    const again = new DemoMarketplace(() => core.current, { seed: 4, now: () => clock });
    const after = await sell(again, 10 * 60);
    const earlier = new Set(before.map((o) => o.orderId));
    expect(earlier.size).toBeGreaterThan(5);
    expect(after.filter((o) => earlier.has(o.orderId))).toEqual([]);
  });
});
