import { describe, expect, it } from 'vitest';
import { COUNTED, Interner, OrderTable, VOIDED } from '../../../../src/main/show/order-table';
import { OrderIds } from '../../../../src/main/show/order-ids';
import { CHUNK_ROWS } from '../../../../src/main/show/row-chunks';
import type { SaleChange } from '../../../../src/shared/events';

const bytesOf = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const LOCALES = ['pl-PL', 'de-DE', null];
const change = (n: number): SaleChange => ({ orderId: `o-${n}`, productId: `sku-${n % 7}`, units: 1 + (n % 4), amount: 10 + n / 100, currency: n % 2 ? 'EUR' : 'PLN', locale: LOCALES[n % 3], at: 1_764_000_000_000 + n, status: 'paid', effect: 'counted', onAir: n % 5 ? null : 'sku-0' });

function filled(rows: number, names: Interner): OrderTable {
  const table = new OrderTable();
  for (let n = 0; n < rows; n++) table.add(COUNTED, n % 2 ? 'shopify' : 'allegro', change(n), names);
  return table;
}

function expectRows(table: OrderTable, names: Interner, rows: number): void {
  for (let n = 0; n < rows; n++) {
    const c = change(n);
    const same =
      table.ids.get(n) === c.orderId &&
      table.units.get(n) === c.units &&
      table.amount.get(n) === c.amount &&
      table.at.get(n) === c.at &&
      names.name(table.product.get(n)) === c.productId &&
      names.name(table.currency.get(n)) === c.currency &&
      names.name(table.locale.get(n)) === c.locale &&
      names.name(table.onAir.get(n)) === c.onAir &&
      names.name(table.sourceOf(n)) === (n % 2 ? 'shopify' : 'allegro');
    if (!same) throw new Error(`row ${n} differs`);
  }
}

describe('the order table', () => {
  it('keeps every field of every order across chunks of rows, and through a snapshot that ends on a chunk boundary or inside a chunk', () => {
    for (const rows of [2 * CHUNK_ROWS, 2 * CHUNK_ROWS + 9]) {
      const names = new Interner();
      const table = filled(rows, names);
      expectRows(table, names, rows);
      const columns = table.columns();
      expect(columns.units.length).toBe(rows);
      const restored = OrderTable.from(columns, OrderIds.from(table.ids.image()));
      for (let n = rows; n < rows + CHUNK_ROWS + 1; n++) restored.add(COUNTED, n % 2 ? 'shopify' : 'allegro', change(n), names);
      expectRows(restored, names, rows + CHUNK_ROWS + 1);
      const fresh = filled(rows + CHUNK_ROWS + 1, new Interner()).columns();
      for (const [name, column] of Object.entries(restored.columns())) expect(bytesOf(column).equals(bytesOf(fresh[name as keyof typeof fresh])), name).toBe(true);
    }
  });

  it('marks a refund on a restored row, in a full chunk and in the last one, and the table it was captured from keeps its own', () => {
    const names = new Interner();
    const table = filled(CHUNK_ROWS + 3, names);
    const columns = table.columns();
    const restored = OrderTable.from(columns, OrderIds.from(table.ids.image()));
    restored.status.set(5, VOIDED);
    restored.status.set(CHUNK_ROWS + 1, VOIDED);
    expect([restored.statusOf(4), restored.statusOf(5), restored.statusOf(CHUNK_ROWS + 1), restored.statusOf(CHUNK_ROWS + 2)]).toEqual([COUNTED, VOIDED, VOIDED, COUNTED]);
    expect(restored.columns().status.filter((s) => s === VOIDED).length).toBe(2);
    expect(table.statusOf(CHUNK_ROWS + 1)).toBe(COUNTED);
  });
});
