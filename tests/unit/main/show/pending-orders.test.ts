import { describe, expect, it } from 'vitest';
import { PendingOrders } from '../../../../src/main/show/pending-orders';
import { COUNTED, VOIDED } from '../../../../src/main/show/order-table';
import type { Actor, JournalEntry, SaleChange } from '../../../../src/shared/events';
import { order } from '../../../helpers/orders';

const actor: Actor = { id: 'studio', client: 'marketplace' };
describe('orders of entries still on their way to the disk', () => {
  const entry = (rev: number, changes: [string, SaleChange['effect']][], source = 'demo'): JournalEntry => ({
    rev,
    at: 0,
    actor,
    command: 'sales.record',
    events: [{ type: 'sales.recorded', source, changes: changes.map(([id, effect]) => ({ ...order(id), effect, onAir: null })) }]
  });

  it('answers with the newest pending word on an order, before and after entries reach the book, and nothing once all have', () => {
    const pending = new PendingOrders();
    const first = entry(1, [['A', 'counted']]);
    const second = entry(2, [['A', 'voided'], ['B', 'counted']]);
    pending.add(first);
    pending.add(second);
    expect([pending.statusOf('demo', 'A'), pending.statusOf('demo', 'B'), pending.statusOf('other', 'A')]).toEqual([VOIDED, COUNTED, undefined]);
    // Added after a question was answered: still heard.
    const third = entry(3, [['C', 'voidedUnseen']], 'other');
    pending.add(third);
    expect(pending.statusOf('other', 'C')).toBe(VOIDED);
    pending.settle(first);
    expect([pending.statusOf('demo', 'A'), pending.statusOf('demo', 'B'), pending.statusOf('other', 'C')]).toEqual([VOIDED, COUNTED, VOIDED]);
    pending.settle(second);
    expect([pending.statusOf('demo', 'A'), pending.statusOf('other', 'C')]).toEqual([undefined, VOIDED]);
    pending.settle(third);
    expect(pending.statusOf('other', 'C')).toBeUndefined();
    pending.add(entry(4, [['D', 'counted']]));
    pending.clear();
    expect(pending.statusOf('demo', 'D')).toBeUndefined();
  });
});
