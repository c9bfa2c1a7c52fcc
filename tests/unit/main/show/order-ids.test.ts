import { describe, expect, it } from 'vitest';
import { hashOf, OrderIds } from '../../../../src/main/show/order-ids';

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
