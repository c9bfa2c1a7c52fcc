import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkedOrder } from '../../../../src/main/show/order-check';
import { IncomingOrder } from '../../../../src/shared/sales';
import { ProductId } from '../../../../src/shared/product';

const VALID = { orderId: 'o-1', productId: 'lav-01', units: 2, amount: 169.98, currency: 'PLN', locale: 'pl-PL', at: 1_764_000_000_000, status: 'paid' };
const FIELDS = Object.keys(VALID) as (keyof typeof VALID)[];

/** Values at and around every limit of the schema, and of the wrong type. */
const edgy = fc.constantFrom<unknown>(
  undefined, null, true, 0, -0, -1, 1, 1.5, 0.001, NaN, Infinity, -Infinity, 2 ** 53, 2 ** 53 - 1, -(2 ** 53), 1e9, 1e9 + 0.0001, 100_000, 100_001, 99_999.5,
  '', 'x', 'x'.repeat(35), 'x'.repeat(36), 'x'.repeat(100), 'x'.repeat(101), 'x'.repeat(120), 'x'.repeat(121), ' lav', 'lav 01', 'a:b.c_d-e', '-lav', 'ŁÓD', 'EUR', 'eur', 'EURO', 'EU', 'EUR\n',
  'paid', 'PAID', 'refunded', 'invalid', 'void', [], {}, ['paid'], new Date(0), '1', '2026-12-02'
);

// Mostly the valid value per field, so a few in twenty pass and what passes is compared too.
const field = (name: keyof typeof VALID) =>
  fc.oneof(
    { weight: 24, arbitrary: fc.constant(VALID[name]) },
    { weight: 1, arbitrary: edgy },
    { weight: 1, arbitrary: fc.anything() },
    { weight: 1, arbitrary: fc.string({ maxLength: 130 }) },
    { weight: 1, arbitrary: fc.oneof(fc.double(), fc.integer({ min: -5, max: 200_000 })) }
  );
const order = fc
  .tuple(fc.record(Object.fromEntries(FIELDS.map((name) => [name, field(name)]))), fc.option(fc.constantFrom(...FIELDS), { freq: 10 }))
  .map(([o, dropped]) => {
    if (dropped) delete (o as Record<string, unknown>)[dropped];
    return o;
  });
const input = fc.oneof(order, fc.tuple(order, fc.dictionary(fc.string(), fc.anything())).map(([o, extra]) => ({ ...extra, ...o })), fc.anything());

let accepted = 0;

function expectSameAsSchema(value: unknown): void {
  const schema = IncomingOrder.safeParse(value);
  if (schema.success) accepted++;
  const plain = checkedOrder(value);
  expect(plain === null, JSON.stringify(value)).toBe(!schema.success);
  if (schema.success) {
    expect(plain).toStrictEqual(schema.data);
    // Same keys in the same order: the order reaches the journal through them.
    expect(Object.keys(plain!)).toEqual(Object.keys(schema.data));
  }
}

describe('checking an incoming order without the schema', () => {
  it('accepts exactly what the IncomingOrder schema accepts and gives the same order back, for any value at all', () => {
    accepted = 0;
    fc.assert(fc.property(input, expectSameAsSchema), { numRuns: 20_000 });
    // Both sides of the verdict were compared, many times.
    expect(accepted).toBeGreaterThan(500);
    expect(accepted).toBeLessThan(18_000);
  });

  it('agrees with the schema on every field at and around its limits, one field at a time', () => {
    expectSameAsSchema(VALID);
    const { locale: _, ...withoutLocale } = VALID;
    expectSameAsSchema(withoutLocale);
    expectSameAsSchema({ ...VALID, locale: undefined });
    for (const field of FIELDS) {
      const { [field]: _dropped, ...without } = VALID;
      expectSameAsSchema(without);
      fc.assert(fc.property(edgy, (value) => expectSameAsSchema({ ...VALID, [field]: value })));
    }
  });

  it('takes product ids by the same characters as the ProductId schema, first and later', () => {
    for (let code = 0; code < 0x250; code++) {
      const c = String.fromCharCode(code);
      for (const productId of [c, `a${c}`, `${c}1`]) {
        expect(checkedOrder({ ...VALID, productId }) !== null, productId).toBe(ProductId.safeParse(productId).success);
      }
    }
  });
});
