import { describe, expect, it } from 'vitest';
import { hashOf, OrderIds } from '../../../../src/main/show/order-ids';
import { CHUNK_ROWS } from '../../../../src/main/show/row-chunks';

const bytesOf = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const IDS = ['', 'A', 'AB', 'B', 'zamówienie-ż', '😀', '#1001', 'x'.repeat(10_000), 'Заказ №5'];

describe('the packed order ids', () => {
  it('gives back every id as it was pushed, emoji, accents, empty and very long ids too, also after a snapshot round trip', () => {
    const ids = OrderIds.fromStrings(IDS);
    expect(IDS.map((_, row) => ids.get(row))).toEqual(IDS);
    const image = ids.image();
    const restored = OrderIds.from({ chars: image.chars.slice(), ends: image.ends.slice() });
    restored.push('after');
    expect([...IDS, 'after'].map((_, row) => restored.get(row))).toEqual([...IDS, 'after']);
  });

  it('tells an id apart from its prefixes and extensions, and hashes a row exactly as the same id given as text', () => {
    const ids = OrderIds.fromStrings(IDS);
    IDS.forEach((id, row) => {
      expect(ids.equals(row, id)).toBe(true);
      expect(ids.equals(row, `${id}x`)).toBe(false);
      expect(ids.hash(row, 7)).toBe(hashOf(7, id));
    });
    expect(ids.equals(2, 'A')).toBe(false);
    expect(hashOf(7, 'AB')).not.toBe(hashOf(7, 'BA'));
  });
});

describe('the packed order ids over many chunks of rows', () => {
  // Ids of varying length, a few very long, so chunks fill unevenly and one must grow its characters.
  const idOf = (row: number) => (row % 5000 === 17 ? `long-${row}-${'z'.repeat(3000)}` : `ord-${row.toString(36)}`);
  const filled = (rows: number) => {
    const ids = new OrderIds();
    for (let row = 0; row < rows; row++) ids.push(idOf(row));
    return ids;
  };
  const expectAll = (ids: OrderIds, rows: number) => {
    for (let row = 0; row < rows; row++) {
      if (ids.get(row) !== idOf(row) || !ids.equals(row, idOf(row)) || ids.hash(row, 3) !== hashOf(3, idOf(row))) throw new Error(`row ${row} reads ${ids.get(row).slice(0, 30)}`);
    }
  };

  it('reads every id back across chunk boundaries, and after a snapshot that ends on a chunk boundary or inside a chunk, with more ids added after', () => {
    for (const rows of [2 * CHUNK_ROWS, 2 * CHUNK_ROWS + 5, CHUNK_ROWS - 1]) {
      const ids = filled(rows);
      expectAll(ids, rows);
      const image = ids.image();
      expect(image.ends.length).toBe(rows);
      expect(image.chars.length).toBe(image.ends[rows - 1]);
      const restored = OrderIds.from({ chars: image.chars.slice(), ends: image.ends.slice() });
      for (let row = rows; row < rows + CHUNK_ROWS + 3; row++) restored.push(idOf(row));
      expectAll(restored, rows + CHUNK_ROWS + 3);
      const [got, fresh] = [restored.image(), filled(rows + CHUNK_ROWS + 3).image()];
      expect(bytesOf(got.ends).equals(bytesOf(fresh.ends)) && bytesOf(got.chars).equals(bytesOf(fresh.chars))).toBe(true);
    }
  });
});
