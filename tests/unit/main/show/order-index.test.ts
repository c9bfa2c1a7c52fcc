import { describe, expect, it } from 'vitest';
import { Interner, OrderTable } from '../../../../src/main/show/order-table';
import { OrderIndex } from '../../../../src/main/show/order-index';
import type { SaleChange } from '../../../../src/shared/events';
import { OrderIds } from '../../../../src/main/show/order-ids';

const change = (orderId: string): SaleChange => ({ orderId, productId: 'p', units: 1, amount: 1, currency: 'EUR', locale: null, at: 0, status: 'paid', effect: 'counted', onAir: null });

describe('the order index', () => {
  it('finds every order by source and id as it grows past many resizes, and keeps equal ids of two sources apart', () => {
    const names = new Interner();
    const table = new OrderTable();
    const index = new OrderIndex();
    for (let n = 0; n < 20_000; n++) {
      for (const source of ['aliexpress', 'shopify']) index.add(table, table.add(1, source, change(`order-${n}`), names));
    }
    const ali = names.existing('aliexpress');
    const shop = names.existing('shopify');
    for (let n = 0; n < 20_000; n += 7) {
      expect(table.sourceOf(index.find(table, ali, `order-${n}`))).toBe(ali);
      expect(table.ids.get(index.find(table, shop, `order-${n}`))).toBe(`order-${n}`);
    }
    expect(index.find(table, ali, 'order-20000')).toBe(-1);
    expect(index.find(table, names.existing('demo'), 'order-1')).toBe(-1);
  });

  it('is rebuilt from a table alone with the same answers', () => {
    const names = new Interner();
    const table = new OrderTable();
    const live = new OrderIndex();
    for (let n = 0; n < 5000; n++) live.add(table, table.add(1, 'demo', change(String(n * 31)), names));
    const rebuilt = OrderIndex.build(OrderTable.from(table.columns(), OrderIds.from(table.ids.image())));
    const demo = names.existing('demo');
    for (let n = 0; n < 5000; n++) expect(rebuilt.find(table, demo, String(n * 31))).toBe(live.find(table, demo, String(n * 31)));
    expect(rebuilt.find(table, demo, '1')).toBe(-1);
  });

  it('finds every order, once and at its own row, while its slots double past 131,072 orders: as doubling starts, halfway through moving and after', () => {
    const names = new Interner();
    const table = new OrderTable();
    const index = new OrderIndex();
    const expectAllFound = (rows: number) => {
      const source = names.existing('allegro');
      for (let n = 0; n < rows; n++) if (index.find(table, source, `A-${n}`) !== n) throw new Error(`order ${n} of ${rows} not found at its row`);
      expect(index.find(table, source, `A-${rows}`)).toBe(-1);
    };
    const checkpoints = new Set([131_073, 131_073 + 16_000, 131_073 + 40_000]);
    for (let n = 0; n < 131_073 + 40_000; n++) {
      index.add(table, table.add(1, 'allegro', change(`A-${n}`), names));
      if (checkpoints.has(n + 1)) expectAllFound(n + 1);
    }
  });
});
