import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SalesBook } from '../../../../src/main/show/sales-book';
import { checkLine, parseLine, serializeEntry } from '../../../../src/main/show/journal-line';
import type { Actor, JournalEntry, SaleChange, ShowEvent } from '../../../../src/shared/events';
import type { IncomingOrder } from '../../../../src/shared/sales';

const actor: Actor = { id: 'studio', client: 'marketplace' };

/** The line as the journal wrote it before changes were written ahead: one JSON.stringify of the whole entry. */
function plainLine(entry: JournalEntry): string {
  const { rev, at, actor: who, command, events } = entry;
  const head = JSON.stringify({ rev, at, actor: who, command, events }).slice(0, -1);
  return `${head},"crc":"${crc32(head).toString(16).padStart(8, '0')}"}\n`;
}

// Text a hostile marketplace could send where the schema lets it: quotes, backslashes, the journal's own key names.
const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('"effect":"counted","onAir":null}', 'a\\', '\\"', '"}', 'Zamówienie ż', '😀', '\u2028', '\u0000'));
const incoming = fc.record({
  orderId: fc.oneof(text.filter((s) => s.length > 0), fc.integer({ min: 0, max: 40 }).map(String)),
  productId: fc.constantFrom('lav-01', 'kni-02', 'a:b.c_d'),
  units: fc.integer({ min: 1, max: 100_000 }),
  amount: fc.oneof(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.constant(84.99)),
  currency: fc.constantFrom('PLN', 'EUR'),
  locale: fc.oneof(fc.constant(null), text),
  at: fc.integer({ min: 0, max: 2 ** 50 }),
  status: fc.constantFrom('paid', 'paid', 'refunded', 'invalid')
}) as fc.Arbitrary<IncomingOrder>;

describe('a poll\'s changes written as JSON while it is classified', () => {
  it('gives journal lines byte for byte as one JSON.stringify of the entry would, the first time and any later time, which the journal reads back whole', () => {
    fc.assert(
      fc.property(fc.array(fc.array(incoming, { maxLength: 40 }), { minLength: 1, maxLength: 5 }), fc.oneof(fc.constant(null), text), fc.option(text), text, (slices, onAir, cursor, source) => {
        const book = new SalesBook();
        // A poll already in the book, so that later slices also refund and repeat.
        const before = book.classify(source, slices[0], null);
        book.apply({ rev: 1, at: 0, actor, command: 'sales.record', events: [{ type: 'sales.recorded', source, changes: before }] });
        const classifier = book.classifier(source);
        for (const slice of slices.slice(1)) classifier.take(slice);
        const changes = classifier.changes(onAir);
        const event: ShowEvent = { type: 'sales.recorded', source, ...(cursor !== null && { cursor }), changes };
        const entry: JournalEntry = { rev: 2, at: 1_764_000_000_000, actor, command: 'sales.record', events: [{ type: 'onAir.cleared' } as ShowEvent, event] };
        const line = serializeEntry(entry);
        expect(line).toBe(plainLine(entry));
        // Written again (the text was let go after the first line): the same bytes.
        expect(serializeEntry(entry)).toBe(line);
        const bytes = Buffer.from(line);
        expect(checkLine(bytes, 0, bytes.length - 1)).toBe('ok');
        expect(parseLine(bytes, 0, bytes.length - 1, true)).toEqual(JSON.parse(JSON.stringify(entry)));
      }),
      { numRuns: 400 }
    );
  });

  it('credits counted changes, and only them, to the product on air in the written text', () => {
    const book = new SalesBook();
    book.apply({ rev: 1, at: 0, actor, command: 'sales.record', events: [{ type: 'sales.recorded', source: 'demo', changes: book.classify('demo', [order('A')], null) }] });
    const classifier = book.classifier('demo');
    classifier.take([order('A', 'refunded'), order('B')]);
    classifier.take([order('C', 'invalid')]);
    const changes = classifier.changes('lav-01');
    const line = serializeEntry({ rev: 2, at: 0, actor, command: 'sales.record', events: [{ type: 'sales.recorded', source: 'demo', changes }] });
    expect((JSON.parse(line.slice(0, line.lastIndexOf(',"crc"')) + '}') as JournalEntry).events[0]).toMatchObject({
      changes: [
        { orderId: 'A', effect: 'voided', onAir: null },
        { orderId: 'B', effect: 'counted', onAir: 'lav-01' },
        { orderId: 'C', effect: 'voidedUnseen', onAir: null }
      ]
    });
  });

  it('writes the changes afresh when the array was changed after it was written, or when they are not the event\'s last key', () => {
    const book = new SalesBook();
    const classifier = book.classifier('demo');
    classifier.take([order('A'), order('B')]);
    const changes = classifier.changes(null);
    const extra: SaleChange = { ...order('Z'), effect: 'counted', onAir: null };
    changes.push(extra);
    const pushed: JournalEntry = { rev: 1, at: 0, actor, command: 'sales.record', events: [{ type: 'sales.recorded', source: 'demo', changes }] };
    expect(serializeEntry(pushed)).toBe(plainLine(pushed));
    const other = book.classifier('demo');
    other.take([order('C')]);
    const reordered = { changes: other.changes(null), type: 'sales.recorded', source: 'demo' } as ShowEvent;
    const entry: JournalEntry = { rev: 2, at: 0, actor, command: 'sales.record', events: [reordered] };
    expect(serializeEntry(entry)).toBe(plainLine(entry));
  });
});

function order(orderId: string, status: IncomingOrder['status'] = 'paid'): IncomingOrder {
  return { orderId, productId: 'lav-01', units: 1, amount: 84.99, currency: 'PLN', locale: 'pl-PL', at: 1_700_000_000_000, status };
}
