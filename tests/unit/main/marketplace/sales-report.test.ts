import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { salesReportCsv } from '../../../../src/main/marketplace/sales-report';
import { SalesBook } from '../../../../src/main/show/sales-book';
import { initialShowState, type ShowState } from '../../../../src/main/show/state';
import { mergeProduct } from '../../../../src/shared/product';
import type { SaleChange } from '../../../../src/shared/events';

const T0 = Date.UTC(2026, 10, 28, 12);
const HEADER = 'product_id,title,locale,orders,units,revenue_EUR,revenue_PLN,minutes_on_air,planned_minutes,units_per_minute_on_air';

function show(): ShowState {
  const state = initialShowState();
  return { ...state, products: { a: mergeProduct(undefined, { id: 'a', title: { en: 'Ring, "gold"' } }), b: mergeProduct(undefined, { id: 'b', title: { en: '=SUM(A1)' } }) } };
}

function bookWith(changes: Omit<SaleChange, 'status' | 'effect' | 'onAir'>[]): SalesBook {
  const book = new SalesBook();
  const full = changes.map((c): SaleChange => ({ ...c, status: 'paid', effect: 'counted', onAir: null }));
  book.apply({ rev: 1, at: T0, actor: { id: 'owner', client: 'test' }, command: 'sales.record', events: [{ type: 'sales.recorded', source: 'demo', changes: full }] });
  return book;
}

describe('the post-show spreadsheet', () => {
  it('is its header line alone for a show that sold nothing', () => {
    expect(salesReportCsv(show(), new SalesBook(), T0)).toBe('product_id,title,locale,orders,units,minutes_on_air,planned_minutes,units_per_minute_on_air\r\n');
  });

  it('gives every row as many cells as the header, quoting titles with commas and quotes and defusing formulae', () => {
    const book = bookWith([
      { orderId: '1', productId: 'a', units: 2, amount: 39.98, currency: 'PLN', locale: 'pl-PL', at: T0 },
      { orderId: '2', productId: 'a', units: 1, amount: 19.99, currency: 'EUR', locale: 'de-DE', at: T0 + 1000 },
      { orderId: '3', productId: 'b', units: 1, amount: 5, currency: 'EUR', locale: 'de-DE', at: T0 + 2000 }
    ]);
    const csv = salesReportCsv(show(), book, T0 + 60_000);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines.slice(1)).toEqual([
      'a,"Ring, ""gold""",de-DE,1,1,19.99,0.00,,,',
      'a,"Ring, ""gold""",pl-PL,1,2,0.00,39.98,,,',
      'a,"Ring, ""gold""",all,2,3,19.99,39.98,0.0,,',
      `b,"'=SUM(A1)",de-DE,1,1,5.00,0.00,,,`,
      `b,"'=SUM(A1)",all,1,1,5.00,0.00,0.0,,`
    ]);
    expect(Papa.parse<string[]>(csv).data.every((row) => row.length === HEADER.split(',').length)).toBe(true);
  });
});
