import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ShowCore } from '../../../../src/main/show/show-core';
import { SalesBook } from '../../../../src/main/show/sales-book';
import type { Actor, JournalEntry, SaleChange } from '../../../../src/shared/events';
import { IncomingOrder } from '../../../../src/shared/sales';
import { tempDir } from '../../../helpers/temp-dir';
import { order } from '../../../helpers/orders';

const actor: Actor = { id: 'studio', client: 'marketplace' };
let dir: string;
let cleanup: () => Promise<void>;
let core: ShowCore;

const record = (orders: IncomingOrder[], cursor?: string, source = 'demo') => core.execute({ type: 'sales.record', source, cursor, orders }, actor);

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  ({ core } = await ShowCore.open(dir));
  await core.execute({ type: 'catalogue.import', products: [{ id: 'lav-01', title: { pl: 'Spodnie' }, price: { PLN: 84.99 }, stock: 10 }, { id: 'kni-02', title: { pl: 'Sweter' }, price: { PLN: 150.99 }, stock: null }] }, actor);
});
afterEach(async () => {
  await core.close();
  await cleanup();
});

describe('counting orders', () => {
  it('counts an order once however often the marketplace repeats it', async () => {
    await record([order('A'), order('B', { units: 2, amount: 169.98 })]);
    await record([order('A'), order('B', { units: 2, amount: 169.98 })]);
    await record([order('A')]);
    expect(core.sales.view()).toMatchObject({ orders: 2, units: 3, revenue: { PLN: 254.97 } });
  });

  it('journals nothing for a poll that only repeats orders it already has', async () => {
    await record([order('A')], 'c1');
    const before = core.current.revision;
    const result = await record([order('A')], 'c1');
    expect(result.events).toEqual([]);
    expect(core.current.revision).toBe(before);
  });

  it('takes a refunded or invalidated order back out of every total, once', async () => {
    await record([order('A'), order('B', { productId: 'kni-02', amount: 150.99, locale: 'de-DE', currency: 'EUR' })]);
    await record([order('A', { status: 'refunded' }), order('A', { status: 'refunded' }), order('B', { productId: 'kni-02', status: 'invalid', amount: 0, currency: 'EUR' })]);
    const view = core.sales.view();
    expect(view).toMatchObject({ orders: 0, units: 0, revenue: { PLN: 0, EUR: 0 }, refunds: 2 });
    expect(view.byProduct['kni-02']).toMatchObject({ orders: 0, units: 0 });
    expect(view.byLocale['de-DE']).toMatchObject({ orders: 0, revenue: { EUR: 0 } });
  });

  it('never counts an order first heard of as already refunded, even when its payment arrives later', async () => {
    await record([order('A', { status: 'refunded' })]);
    await record([order('A')]);
    expect(core.sales.view()).toMatchObject({ orders: 0, units: 0 });
  });

  it('takes sold units off the stock the show tracks and leaves untracked stock alone', async () => {
    await record([order('A', { units: 4 }), order('B', { productId: 'kni-02' })]);
    expect(core.current.products['lav-01'].stock).toBe(6);
    expect(core.current.products['kni-02'].stock).toBeNull();
    await record([order('C', { units: 9 })]);
    expect(core.current.products['lav-01'].stock).toBe(0);
  });

  it('credits units to the product on air when they were bought, and keeps per-minute, per-locale and recent lines', async () => {
    await core.execute({ type: 'rundown.add', productId: 'lav-01' }, actor);
    await core.execute({ type: 'rundown.pin', itemId: core.current.rundown[0].id }, actor);
    await record([order('A', { units: 2, at: 1_700_000_010_000 }), order('B', { productId: 'kni-02', at: 1_700_000_070_000, locale: 'de-DE', currency: 'EUR', amount: 34.99 })]);
    const view = core.sales.view();
    expect(view.byProduct['lav-01'].unitsWhileOnAir).toBe(2);
    expect(view.byProduct['kni-02'].unitsWhileOnAir).toBe(0);
    expect(view.perMinute).toEqual([
      { minute: 1_699_999_980_000, orders: 1, units: 2 },
      { minute: 1_700_000_040_000, orders: 1, units: 1 }
    ]);
    expect(view.byLocale).toEqual({ 'pl-PL': { orders: 1, units: 2, revenue: { PLN: 84.99 } }, 'de-DE': { orders: 1, units: 1, revenue: { EUR: 34.99 } } });
    expect(view.recent.map((r) => r.productId)).toEqual(['kni-02', 'lav-01']);
    expect(JSON.stringify(view.recent)).not.toMatch(/buyer|name|email/i);
  });

  it('leaves the sales view as it was when products are pinned, so a pin sends no sales to the faces, while the report still counts time on air', async () => {
    await core.execute({ type: 'rundown.add', productId: 'lav-01' }, actor);
    await core.execute({ type: 'rundown.add', productId: 'kni-02' }, actor);
    const [first, second] = core.current.rundown.map((i) => i.id);
    await core.execute({ type: 'rundown.pin', itemId: first }, actor);
    await record([order('A', { units: 2 })]);
    const before = core.sales.view();
    await core.execute({ type: 'rundown.pin', itemId: second }, actor);
    await core.execute({ type: 'rundown.pin', itemId: first }, actor);
    expect(core.sales.view()).toBe(before);
    // kni-02 was on air but never ordered: not a seller.
    expect(Object.keys(core.sales.view().byProduct)).toEqual(['lav-01']);
    expect(core.sales.onAirMs(Date.now()).has('kni-02')).toBe(true);
    await record([order('B', { productId: 'kni-02' })]);
    expect(core.sales.view()).not.toBe(before);
    expect(Object.keys(core.sales.view().byProduct).sort()).toEqual(['kni-02', 'lav-01']);
  });

  it('rebuilds the same totals and cursor from the journal after a restart, snapshot or not', async () => {
    await record([order('A'), order('B', { units: 3, amount: 254.97 })], 'cursor-1');
    await record([order('A', { status: 'refunded' })], 'cursor-2');
    const before = core.sales.view();
    await core.close();
    ({ core } = await ShowCore.open(dir, { snapshotEvery: 1 }));
    expect(core.sales.view()).toEqual(before);
    expect(core.current.salesCursors).toEqual({ demo: 'cursor-2' });
    await record([order('C')]); // a snapshot is written now; the book must still rebuild from the journal
    const after = core.sales.view();
    await core.close();
    ({ core } = await ShowCore.open(dir));
    expect(core.sales.view()).toEqual(after);
    expect(after.orders).toBe(2);
  });

  it('journals every field the marketplace gave for an order, in the schema\'s order, with its effect and the product on air', async () => {
    await record([order('A', { locale: 'pl-PL' })]);
    const changes = core.recentEntries(1)[0].events.flatMap((e) => (e.type === 'sales.recorded' ? e.changes : []));
    expect(changes).toHaveLength(1);
    // The classifier copies fields by name (a spread was too slow): a field added to the order must be added there too.
    expect(Object.keys(changes[0])).toEqual([...Object.keys(IncomingOrder.shape), 'effect', 'onAir']);
    expect(changes[0]).toMatchObject({ ...order('A', { locale: 'pl-PL' }), effect: 'counted', onAir: null });
  });

  it('keeps orders of different marketplaces apart even when their ids are equal', async () => {
    await record([order('1001')], undefined, 'aliexpress');
    await record([order('1001')], undefined, 'shopify');
    expect(core.sales.view().orders).toBe(2);
  });

  it('refuses a malformed order and counts nothing of its batch', async () => {
    await expect(record([order('A'), { ...order('B'), units: 0 }])).rejects.toThrow(/units/);
    expect(core.sales.view().orders).toBe(0);
  });
});

describe('any order of deliveries', () => {
  // An order's life: paid, then perhaps refunded or invalidated. Deliveries repeat and arrive in any order.
  const lives = fc.uniqueArray(
    fc.record({
      orderId: fc.string({ minLength: 1, maxLength: 6 }),
      productId: fc.constantFrom('lav-01', 'kni-02'),
      units: fc.integer({ min: 1, max: 5 }),
      cents: fc.integer({ min: 1, max: 50_000 }),
      currency: fc.constantFrom('PLN', 'EUR'),
      end: fc.constantFrom('paid', 'refunded', 'invalid')
    }),
    { selector: (o) => o.orderId, maxLength: 25 }
  );

  it('gives the same totals as counting each final order once', () => {
    fc.assert(
      fc.property(lives, fc.array(fc.nat(), { maxLength: 80 }), fc.integer({ min: 1, max: 7 }), (orders, picks, batchSize) => {
        const deliveries: IncomingOrder[] = [];
        for (const o of orders) {
          const paid: IncomingOrder = { orderId: o.orderId, productId: o.productId, units: o.units, amount: o.cents / 100, currency: o.currency, locale: null, at: 0, status: 'paid' };
          deliveries.push(paid);
          if (o.end !== 'paid') deliveries.push({ ...paid, status: o.end as 'refunded' | 'invalid' });
        }
        // Repeats, then a shuffle that may put a refund before its payment.
        for (const p of picks) if (deliveries.length) deliveries.push(deliveries[p % deliveries.length]);
        const shuffled = deliveries.map((d, i) => ({ d, k: picks[i % Math.max(1, picks.length)] ?? i })).sort((a, b) => a.k - b.k).map((x) => x.d);

        const book = new SalesBook();
        let rev = 0;
        for (let i = 0; i < shuffled.length; i += batchSize) {
          const changes = book.classify('shop', shuffled.slice(i, i + batchSize), null);
          book.apply(entryOf(++rev, changes));
        }
        // Paid then refunded nets out; refunded before paid never counts: either way only orders that stay paid remain.
        const expected = totalsOf(orders.filter((o) => o.end === 'paid'));
        const view = book.view();
        expect({ orders: view.orders, units: view.units, revenue: nonZero(view.revenue) }).toEqual(expected);
      })
    );
  });
});

function entryOf(rev: number, changes: SaleChange[]): JournalEntry {
  return { rev, at: 0, actor, command: 'sales.record', events: [{ type: 'sales.recorded', source: 'shop', changes }] };
}

function totalsOf(orders: { units: number; cents: number; currency: string }[]) {
  const revenue: Record<string, number> = {};
  for (const o of orders) revenue[o.currency] = (revenue[o.currency] ?? 0) + o.cents;
  return {
    orders: orders.length,
    units: orders.reduce((s, o) => s + o.units, 0),
    revenue: Object.fromEntries(Object.entries(revenue).map(([c, cents]) => [c, cents / 100]))
  };
}

function nonZero(revenue: Record<string, number>) {
  return Object.fromEntries(Object.entries(revenue).filter(([, v]) => v !== 0));
}
