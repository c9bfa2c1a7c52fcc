import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShowCore } from '../../../../src/main/show/show-core';
import { CommandError } from '../../../../src/main/show/command-error';
import type { Actor } from '../../../../src/shared/events';
import { tempDir } from '../../../helpers/temp-dir';

const actor: Actor = { id: 'owner', client: 'test' };
let dir: string;
let cleanup: () => Promise<void>;
let core: ShowCore;
let clock = 1_000_000;

const run = (command: Record<string, unknown>) => core.executeUntrusted(command, actor);
const refusal = async (command: Record<string, unknown>) => {
  const err = await run(command).then(
    () => null,
    (e: unknown) => e
  );
  expect(err).toBeInstanceOf(CommandError);
  return err as CommandError;
};
const rundownIds = () => core.current.rundown.map((i) => i.id);
const rundownProducts = () => core.current.rundown.map((i) => i.productId);

async function seed(...ids: string[]) {
  await run({ type: 'catalogue.import', products: ids.map((id) => ({ id, title: { en: `Product ${id}` }, price: { EUR: 10 }, stock: 5 })) });
  for (const productId of ids) await run({ type: 'rundown.add', productId });
}

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  ({ core } = await ShowCore.open(dir, { now: () => clock++ }));
});
afterEach(async () => {
  await core.close();
  await cleanup();
});

describe('catalogue.import', () => {
  it('adds new products and bumps the catalogue revision', async () => {
    const { revision } = await run({ type: 'catalogue.import', products: [{ id: 'a', title: { en: 'A' } }] });
    expect(core.current.products.a.title).toEqual({ en: 'A' });
    expect(core.current.catalogueRevision).toBe(revision);
  });

  it('updates an existing product without losing fields the import did not mention', async () => {
    await run({ type: 'catalogue.import', products: [{ id: 'a', title: { en: 'A', pl: 'A-pl' }, price: { EUR: 10, PLN: 43 }, stock: 4 }] });
    await run({ type: 'catalogue.import', products: [{ id: 'a', title: { de: 'A-de' }, price: { EUR: 9 } }] });
    expect(core.current.products.a).toMatchObject({ title: { en: 'A', pl: 'A-pl', de: 'A-de' }, price: { EUR: 9, PLN: 43 }, stock: 4 });
  });

  it('refuses a product with a negative price and changes nothing', async () => {
    const err = await refusal({ type: 'catalogue.import', products: [{ id: 'a', price: { EUR: -1 } }] });
    expect(err.status).toBe(400);
    expect(core.current.products).toEqual({});
    expect(core.current.revision).toBe(0);
  });

  it('keeps a title containing markup verbatim, as text', async () => {
    await run({ type: 'catalogue.import', products: [{ id: 'x', title: { en: '<script>alert(1)</script>' } }] });
    expect(core.current.products.x.title.en).toBe('<script>alert(1)</script>');
  });
});

describe('rundown.add', () => {
  it('appends an item for a known product with a new unique id', async () => {
    await seed('a', 'b');
    expect(rundownProducts()).toEqual(['a', 'b']);
    expect(new Set(rundownIds()).size).toBe(2);
  });

  it('inserts at the given index', async () => {
    await seed('a', 'b');
    await run({ type: 'rundown.add', productId: 'a', index: 1 });
    expect(rundownProducts()).toEqual(['a', 'a', 'b']);
  });

  it('refuses an unknown product with 404', async () => {
    const err = await refusal({ type: 'rundown.add', productId: 'nope' });
    expect([err.status, err.code]).toEqual([404, 'not_found']);
  });

  it('never reuses an id, even after the item is removed', async () => {
    await seed('a');
    const first = rundownIds()[0];
    await run({ type: 'rundown.remove', itemId: first });
    await run({ type: 'rundown.add', productId: 'a' });
    expect(rundownIds()[0]).not.toBe(first);
  });
});

describe('rundown.remove', () => {
  it('removes the item', async () => {
    await seed('a', 'b');
    await run({ type: 'rundown.remove', itemId: rundownIds()[0] });
    expect(rundownProducts()).toEqual(['b']);
  });

  it('takes the item off air when it was on air', async () => {
    await seed('a', 'b');
    await run({ type: 'rundown.pin', itemId: rundownIds()[1] });
    await run({ type: 'rundown.remove', itemId: rundownIds()[1] });
    expect(core.current.onAir).toBeNull();
  });

  it('refuses an unknown item with 404', async () => {
    expect((await refusal({ type: 'rundown.remove', itemId: 'item-99' })).status).toBe(404);
  });
});

describe('rundown.move', () => {
  it('moves an item to its new final position', async () => {
    await seed('a', 'b', 'c');
    await run({ type: 'rundown.move', itemId: rundownIds()[0], index: 2 });
    expect(rundownProducts()).toEqual(['b', 'c', 'a']);
  });

  it('clamps an index past the end to the last position', async () => {
    await seed('a', 'b', 'c');
    await run({ type: 'rundown.move', itemId: rundownIds()[0], index: 99 });
    expect(rundownProducts()).toEqual(['b', 'c', 'a']);
  });

  it('refuses a stale expectedRevision with 409 and the current revision', async () => {
    await seed('a', 'b');
    const seen = core.current.revision;
    await run({ type: 'rundown.add', productId: 'a' });
    const err = await refusal({ type: 'rundown.move', itemId: rundownIds()[0], index: 1, expectedRevision: seen });
    expect([err.status, err.code, err.revision]).toEqual([409, 'stale_revision', seen + 1]);
    expect(rundownProducts()).toEqual(['a', 'b', 'a']);
  });

  it('takes a move made before a sale or a stock change, which leave the rundown as the operator saw it', async () => {
    await seed('a', 'b');
    const seen = core.current.revision;
    await run({ type: 'sales.record', source: 'shop', orders: [{ orderId: '1', productId: 'a', units: 1, amount: 1, currency: 'EUR', locale: null, at: 0, status: 'paid' }] });
    await run({ type: 'product.setStock', productId: 'b', stock: 0 });
    await run({ type: 'rundown.move', itemId: rundownIds()[0], index: 1, expectedRevision: seen });
    expect(rundownProducts()).toEqual(['b', 'a']);
  });

  it('refuses a revision the show has not reached yet', async () => {
    await seed('a', 'b');
    const err = await refusal({ type: 'rundown.move', itemId: rundownIds()[0], index: 1, expectedRevision: core.current.revision + 5 });
    expect([err.status, err.code]).toEqual([409, 'stale_revision']);
  });

  it('refuses a negative index as invalid', async () => {
    await seed('a');
    expect((await refusal({ type: 'rundown.move', itemId: rundownIds()[0], index: -1 })).status).toBe(400);
  });
});

describe('rundown.pin', () => {
  it('puts exactly that item on air with the time it went on air', async () => {
    await seed('a', 'b');
    await run({ type: 'rundown.pin', itemId: rundownIds()[1] });
    expect(core.current.onAir).toMatchObject({ itemId: rundownIds()[1], productId: 'b' });
    expect(core.current.onAir!.since).toBeGreaterThan(0);
  });

  it('replaces whatever was on air, so at most one item is on air', async () => {
    await seed('a', 'b');
    await run({ type: 'rundown.pin', itemId: rundownIds()[0] });
    await run({ type: 'rundown.pin', itemId: rundownIds()[1] });
    expect(core.current.onAir!.itemId).toBe(rundownIds()[1]);
  });

  it('keeps the time on air when the item already on air is pinned again', async () => {
    await seed('a');
    await run({ type: 'rundown.pin', itemId: rundownIds()[0] });
    const since = core.current.onAir!.since;
    await run({ type: 'rundown.pin', itemId: rundownIds()[0] });
    expect(core.current.onAir!.since).toBe(since);
  });

  it('pins a sold-out product (the view flags it)', async () => {
    await run({ type: 'catalogue.import', products: [{ id: 'gone', title: { en: 'Gone' }, stock: 0 }] });
    await run({ type: 'rundown.add', productId: 'gone' });
    await run({ type: 'rundown.pin', itemId: rundownIds()[0] });
    expect(core.current.onAir!.productId).toBe('gone');
  });

  it('refuses an unknown item with 404 and a stale revision with 409', async () => {
    await seed('a');
    expect((await refusal({ type: 'rundown.pin', itemId: 'item-42' })).status).toBe(404);
    expect((await refusal({ type: 'rundown.pin', itemId: rundownIds()[0], expectedRevision: 0 })).status).toBe(409);
  });

  it('refuses a command with a missing itemId as invalid, naming the field', async () => {
    const err = await refusal({ type: 'rundown.pin' });
    expect(err.status).toBe(400);
    expect(err.message).toContain('itemId');
  });
});

describe('rundown.next and rundown.previous', () => {
  it('next with nothing ever on air pins the first item', async () => {
    await seed('a', 'b');
    await run({ type: 'rundown.next' });
    expect(core.current.onAir!.productId).toBe('a');
  });

  it('next and previous walk the rundown one item at a time', async () => {
    await seed('a', 'b', 'c');
    await run({ type: 'rundown.next' });
    await run({ type: 'rundown.next' });
    await run({ type: 'rundown.next' });
    expect(core.current.onAir!.productId).toBe('c');
    await run({ type: 'rundown.previous' });
    expect(core.current.onAir!.productId).toBe('b');
  });

  it('next after an unpin continues after the item that was last on air', async () => {
    await seed('a', 'b', 'c');
    await run({ type: 'rundown.pin', itemId: rundownIds()[1] });
    await run({ type: 'rundown.unpin' });
    await run({ type: 'rundown.next' });
    expect(core.current.onAir!.productId).toBe('c');
  });

  it('next at the end of the rundown is refused with 409 and leaves the last item on air', async () => {
    await seed('a');
    await run({ type: 'rundown.next' });
    const err = await refusal({ type: 'rundown.next' });
    expect([err.status, err.code]).toEqual([409, 'end_of_rundown']);
    expect(core.current.onAir!.productId).toBe('a');
  });

  it('previous at the start is refused with 409', async () => {
    await seed('a', 'b');
    await run({ type: 'rundown.next' });
    expect((await refusal({ type: 'rundown.previous' })).code).toBe('start_of_rundown');
  });

  it('next on an empty rundown is refused with 409', async () => {
    expect((await refusal({ type: 'rundown.next' })).code).toBe('empty_rundown');
  });
});

describe('rundown.unpin', () => {
  it('takes the item off air', async () => {
    await seed('a');
    await run({ type: 'rundown.next' });
    await run({ type: 'rundown.unpin' });
    expect(core.current.onAir).toBeNull();
  });

  it('with nothing on air changes nothing and does not grow the journal', async () => {
    await seed('a');
    const before = core.current.revision;
    const { revision, events } = await run({ type: 'rundown.unpin' });
    expect([revision, events.length]).toEqual([before, 0]);
  });
});

describe('show.update', () => {
  it('refuses to drop the audience whose currency the revenue goal is counted in', async () => {
    await run({ type: 'show.update', locales: [{ locale: 'pl-PL', currency: 'PLN' }, { locale: 'de-DE', currency: 'EUR' }] });
    await run({ type: 'show.update', goal: { revenue: 5000, currency: 'PLN' } });
    const err = await refusal({ type: 'show.update', locales: [{ locale: 'de-DE', currency: 'EUR' }] });
    expect([err.status, err.code]).toEqual([400, 'invalid_command']);
    await run({ type: 'show.update', locales: [{ locale: 'de-DE', currency: 'EUR' }], goal: null });
    expect(core.current.goal).toBeNull();
  });

  it('sets the title and the audiences', async () => {
    await run({ type: 'show.update', title: 'Friday deals', locales: [{ locale: 'pl-PL', currency: 'PLN' }, { locale: 'de-DE', currency: 'EUR' }] });
    expect(core.current.title).toBe('Friday deals');
    expect(core.current.locales.map((l) => l.locale)).toEqual(['pl-PL', 'de-DE']);
  });

  it('refuses a malformed locale, a lowercase currency and a duplicated locale', async () => {
    expect((await refusal({ type: 'show.update', locales: [{ locale: 'polish', currency: 'PLN' }] })).status).toBe(400);
    expect((await refusal({ type: 'show.update', locales: [{ locale: 'pl-PL', currency: 'pln' }] })).status).toBe(400);
    const dup = [{ locale: 'pl-PL', currency: 'PLN' }, { locale: 'pl-PL', currency: 'EUR' }];
    expect((await refusal({ type: 'show.update', locales: dup })).status).toBe(400);
  });

  it('refuses an update that names nothing to change', async () => {
    expect((await refusal({ type: 'show.update' })).status).toBe(400);
  });
});

describe('show.update with a theme', () => {
  it('merges brand colours into the theme and refuses a colour that is not one', async () => {
    await run({ type: 'show.update', theme: { primary: '#00aa55', safeMargin: 8 } });
    expect(core.current.theme).toMatchObject({ primary: '#00aa55', safeMargin: 8, accent: '#ffd14f' });
    const err = await refusal({ type: 'show.update', theme: { primary: 'red; background:url(x)' } });
    expect(err.status).toBe(400);
    expect(err.message).toMatch(/theme.primary/);
  });
});

describe('deal.start and deal.end', () => {
  it('starts a flash deal that ends at a fixed time by the studio clock', async () => {
    await seed('a');
    const start = clock;
    await run({ type: 'deal.start', productId: 'a', price: { EUR: 7.99 }, durationSeconds: 300 });
    expect(core.current.deal).toMatchObject({ productId: 'a', price: { EUR: 7.99 } });
    expect(core.current.deal!.endsAt - core.current.deal!.startedAt).toBe(300_000);
    expect(core.current.deal!.startedAt).toBeGreaterThanOrEqual(start);
  });

  it('replaces a running deal with a new one', async () => {
    await seed('a', 'b');
    await run({ type: 'deal.start', productId: 'a', price: { EUR: 7.99 }, durationSeconds: 60 });
    const { events } = await run({ type: 'deal.start', productId: 'b', price: { EUR: 5 }, durationSeconds: 60 });
    expect(events.map((e) => e.type)).toEqual(['deal.ended', 'deal.started']);
    expect(core.current.deal?.productId).toBe('b');
  });

  it('ends only the deal the timer was set for, so a late timer never ends a newer deal', async () => {
    await seed('a');
    await run({ type: 'deal.start', productId: 'a', price: { EUR: 7.99 }, durationSeconds: 60 });
    const first = core.current.deal!.id;
    await run({ type: 'deal.start', productId: 'a', price: { EUR: 6.99 }, durationSeconds: 60 });
    expect((await run({ type: 'deal.end', dealId: first })).events).toEqual([]);
    expect(core.current.deal).not.toBeNull();
    await run({ type: 'deal.end' });
    expect(core.current.deal).toBeNull();
  });

  it('refuses a deal on an unknown product, without a price, or shorter than ten seconds', async () => {
    expect((await refusal({ type: 'deal.start', productId: 'nope', price: { EUR: 1 }, durationSeconds: 60 })).status).toBe(404);
    await seed('a');
    expect((await refusal({ type: 'deal.start', productId: 'a', price: {}, durationSeconds: 60 })).status).toBe(400);
    expect((await refusal({ type: 'deal.start', productId: 'a', price: { EUR: 1 }, durationSeconds: 3 })).status).toBe(400);
  });
});

describe('any command', () => {
  it('refuses an unknown command type', async () => {
    expect((await refusal({ type: 'rundown.explode' })).status).toBe(400);
  });

  it('records who did it and when in the audit trail', async () => {
    await seed('a');
    const last = core.recentEntries(1)[0];
    expect(last).toMatchObject({ actor, command: 'rundown.add', rev: core.current.revision });
  });

  it('tells subscribers only after the change is acknowledged, in revision order', async () => {
    const seen: number[] = [];
    core.subscribe((state) => seen.push(state.revision));
    await Promise.all([run({ type: 'catalogue.import', products: [{ id: 'a' }] }), run({ type: 'rundown.add', productId: 'a' }), run({ type: 'rundown.next' })]);
    expect(seen).toEqual([1, 2, 3]);
  });
});
