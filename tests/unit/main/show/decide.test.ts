import { describe, expect, it } from 'vitest';
import { decide, type DecideContext } from '../../../../src/main/show/decide';
import { applyEntry } from '../../../../src/main/show/reducer';
import { initialShowState, type ShowState } from '../../../../src/main/show/state';
import { CommandError } from '../../../../src/main/show/command-error';
import type { Command } from '../../../../src/shared/command-registry';
import type { IncomingOrder } from '../../../../src/shared/sales';

/**
 * `decide` and the reducer as the pure functions they are: a state in, events out, a new state;
 * no disk, no journal, no core.
 */

const ctx = (now = 1_000, classify: DecideContext['orders']['classify'] = () => []): DecideContext => ({ now, actor: { id: 'owner', client: 'test' }, orders: { classify } });

/** Decides a command and applies its events as the core would, as one more revision. */
function step(state: ShowState, command: Command, c = ctx()): ShowState {
  const events = decide(state, command, c);
  return events.length ? applyEntry(state, { rev: state.revision + 1, at: c.now, actor: c.actor, command: command.type, events }) : state;
}

function refusal(state: ShowState, command: Command): CommandError {
  try {
    decide(state, command, ctx());
  } catch (err) {
    expect(err).toBeInstanceOf(CommandError);
    return err as CommandError;
  }
  throw new Error(`${command.type} was not refused`);
}

/** Two products, both in the rundown (item-1, item-2), nothing on air. */
function showWithTwoItems(): ShowState {
  let state = step(initialShowState(), { type: 'catalogue.import', products: ['lav-01', 'soap-02'].map((id) => ({ id, title: { en: id }, price: { EUR: 20 }, stock: 5 })) });
  state = step(state, { type: 'rundown.add', productId: 'lav-01' });
  return step(state, { type: 'rundown.add', productId: 'soap-02' });
}

describe('decide', () => {
  it('turns a pin into one onAir.pinned event and leaves the state it read untouched', () => {
    const state = showWithTwoItems();
    const before = JSON.stringify(state);
    expect(decide(state, { type: 'rundown.pin', itemId: 'item-2' }, ctx(5_000))).toEqual([{ type: 'onAir.pinned', itemId: 'item-2', productId: 'soap-02', since: 5_000 }]);
    expect(JSON.stringify(state)).toBe(before);
  });

  it('keeps the time on air of an item pinned again: no event at all', () => {
    const pinned = step(showWithTwoItems(), { type: 'rundown.pin', itemId: 'item-1' });
    expect(decide(pinned, { type: 'rundown.pin', itemId: 'item-1' }, ctx(9_000))).toEqual([]);
  });

  it('refuses a pin made from a view older than the last rundown change as stale, but not one older than a stock change', () => {
    const state = showWithTwoItems();
    const seen = state.revision;
    const moved = step(state, { type: 'rundown.move', itemId: 'item-2', index: 0 });
    const stale = refusal(moved, { type: 'rundown.pin', itemId: 'item-1', expectedRevision: seen });
    expect([stale.code, stale.status, stale.revision]).toEqual(['stale_revision', 409, moved.revision]);
    const restocked = step(state, { type: 'product.setStock', productId: 'lav-01', stock: 3 });
    expect(decide(restocked, { type: 'rundown.pin', itemId: 'item-1', expectedRevision: seen }, ctx())).toHaveLength(1);
  });

  it('takes the item off air in the same decision that removes it from the rundown', () => {
    const pinned = step(showWithTwoItems(), { type: 'rundown.pin', itemId: 'item-1' });
    expect(decide(pinned, { type: 'rundown.remove', itemId: 'item-1' }, ctx()).map((e) => e.type)).toEqual(['onAir.cleared', 'rundown.itemRemoved']);
    const removed = step(pinned, { type: 'rundown.remove', itemId: 'item-1' });
    expect(removed.onAir).toBeNull();
    expect(removed.rundown.map((i) => i.id)).toEqual(['item-2']);
  });

  it('starts next with the first item when nothing was on air, and refuses previous at the start of the rundown', () => {
    const first = step(showWithTwoItems(), { type: 'rundown.next' });
    expect(first.onAir?.itemId).toBe('item-1');
    expect(refusal(first, { type: 'rundown.previous' }).code).toBe('start_of_rundown');
    expect(refusal(step(first, { type: 'rundown.next' }), { type: 'rundown.next' }).code).toBe('end_of_rundown');
  });

  it('ends the running deal in the same events as the stock change that sells its product out', () => {
    const dealing = step(showWithTwoItems(), { type: 'deal.start', productId: 'lav-01', price: { EUR: 15 }, durationSeconds: 600 });
    expect(dealing.deal?.productId).toBe('lav-01');
    const events = decide(dealing, { type: 'product.setStock', productId: 'lav-01', stock: 0 }, ctx());
    expect(events.map((e) => e.type)).toEqual(['catalogue.upserted', 'deal.ended']);
    expect(events[1]).toMatchObject({ reason: 'sold-out' });
  });

  it('refuses an unknown product, and an inherited name such as constructor, as not found', () => {
    const state = showWithTwoItems();
    for (const productId of ['nope', 'constructor', '__proto__']) {
      expect(refusal(state, { type: 'rundown.add', productId }).code, productId).toBe('not_found');
      expect(refusal(state, { type: 'deal.start', productId, price: { EUR: 1 }, durationSeconds: 60 }).code, productId).toBe('not_found');
    }
  });

  it('records the sales the ledger counts as new, and nothing when it finds none and the cursor stays', () => {
    const state = showWithTwoItems();
    const order: IncomingOrder = { orderId: 'o-1', productId: 'lav-01', units: 2, amount: 40, currency: 'EUR', locale: null, at: 500, status: 'paid' };
    const counting = ctx(1_000, (_source, orders, onAir) => orders.map((o) => ({ ...o, effect: 'counted' as const, onAir })));
    expect(decide(state, { type: 'sales.record', source: 'demo', orders: [order] }, counting)).toEqual([
      { type: 'sales.recorded', source: 'demo', changes: [{ ...order, effect: 'counted', onAir: null }] }
    ]);
    expect(decide(state, { type: 'sales.record', source: 'demo', orders: [order] }, ctx())).toEqual([]);
    expect(decide(state, { type: 'sales.record', source: 'demo', cursor: 'c-2', orders: [] }, ctx())).toEqual([{ type: 'sales.recorded', source: 'demo', cursor: 'c-2', changes: [] }]);
  });
});

describe('the reducer', () => {
  it('gives the same show for the same entries every time, and never changes the state it starts from', () => {
    const a = showWithTwoItems();
    const b = showWithTwoItems();
    expect(b).toEqual(a);
    const before = JSON.stringify(a);
    const next = step(a, { type: 'rundown.pin', itemId: 'item-2' });
    expect(JSON.stringify(a)).toBe(before);
    // The pin changes what is on air: views older than its own revision are now stale.
    expect([next.revision, next.onAir?.itemId, next.rundownRevision]).toEqual([a.revision + 1, 'item-2', a.revision + 1]);
  });
});
