import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShowCore } from '../../../../src/main/show/show-core';
import { CommandError } from '../../../../src/main/show/command-error';
import { baseLanguageOf } from '../../../../src/main/show/state';
import type { Actor } from '../../../../src/shared/events';
import { tempDir } from '../../../helpers/temp-dir';

const actor: Actor = { id: 'owner', client: 'test' };
const studio: Actor = { id: 'studio', client: 'marketplace' };
let dir: string;
let cleanup: () => Promise<void>;
let core: ShowCore;
let clock = 1_000_000;

const run = (command: Record<string, unknown>, by = actor) => core.executeUntrusted(command, by);
const order = (orderId: string, productId: string, units: number) => ({ orderId, productId, units, amount: 8 * units, currency: 'EUR', locale: 'de-DE', at: clock, status: 'paid' });
const lastEntry = () => core.recentEntries(1)[0];

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  ({ core } = await ShowCore.open(dir, { now: () => clock }));
  await run({ type: 'catalogue.import', products: [{ id: 'a', title: { en: 'A' }, price: { EUR: 10 }, stock: 3 }, { id: 'b', title: { en: 'B' }, price: { EUR: 10 }, stock: 9 }, { id: 'c', title: { en: 'C' }, price: { EUR: 10 }, stock: null }] });
  await run({ type: 'deal.start', productId: 'a', price: { EUR: 7.99 }, durationSeconds: 300 });
});
afterEach(async () => {
  await core.close();
  await cleanup();
});

describe('a deal ends with its product', () => {
  it('ends in the same journal entry as the sale that sells its product out, saying why', async () => {
    await run({ type: 'sales.record', source: 'demo', orders: [order('o-1', 'a', 1)] }, studio);
    expect(core.current.deal?.productId).toBe('a');
    await run({ type: 'sales.record', source: 'demo', orders: [order('o-2', 'a', 2)] }, studio);
    expect(core.current.deal).toBeNull();
    expect(core.current.products.a.stock).toBe(0);
    expect(lastEntry().events.map((e) => e.type)).toEqual(['sales.recorded', 'deal.ended']);
    expect(lastEntry().events[1]).toMatchObject({ type: 'deal.ended', reason: 'sold-out' });
  });

  it('ends when a moderator marks its product sold out, and when an import says stock 0', async () => {
    await run({ type: 'product.setStock', productId: 'a', stock: 0 });
    expect(lastEntry().events.at(-1)).toMatchObject({ type: 'deal.ended', reason: 'sold-out' });
    await run({ type: 'product.setStock', productId: 'a', stock: 5 });
    await run({ type: 'deal.start', productId: 'a', price: { EUR: 7.99 }, durationSeconds: 300 });
    await run({ type: 'catalogue.import', products: [{ id: 'a', stock: 0 }] });
    expect(core.current.deal).toBeNull();
  });

  it('keeps running while other products sell out or its own stock is not tracked', async () => {
    await run({ type: 'sales.record', source: 'demo', orders: [order('o-1', 'b', 9)] }, studio);
    expect(core.current.deal?.productId).toBe('a');
    await run({ type: 'deal.start', productId: 'c', price: { EUR: 7.99 }, durationSeconds: 300 });
    await run({ type: 'sales.record', source: 'demo', orders: [order('o-2', 'c', 50)] }, studio);
    expect(core.current.deal?.productId).toBe('c');
  });

  it('cannot start on a product that does not exist, whatever its id looks like', async () => {
    for (const productId of ['constructor', 'toString', 'nope']) {
      const err = await run({ type: 'deal.start', productId, price: { EUR: 5 }, durationSeconds: 60 }).catch((e: unknown) => e);
      expect((err as CommandError).status, productId).toBe(404);
    }
  });

  it('cannot start at or above the regular price in any currency, and says which', async () => {
    const err = (await run({ type: 'deal.start', productId: 'b', price: { EUR: 10, PLN: 40 }, durationSeconds: 60 }).catch((e: unknown) => e)) as CommandError;
    expect(err.status).toBe(400);
    expect(err.message).toBe('price: a deal price must be below the regular price: 10 EUR (regular 10)');
    expect(core.current.deal?.productId).toBe('a');
  });

  it('cannot start on a product that is sold out', async () => {
    await run({ type: 'product.setStock', productId: 'b', stock: 0 });
    const err = await run({ type: 'deal.start', productId: 'b', price: { EUR: 5 }, durationSeconds: 60 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CommandError);
    expect((err as CommandError).status).toBe(409);
  });

  it('says in the journal whether it was replaced, stopped by an operator or over on time', async () => {
    await run({ type: 'deal.start', productId: 'b', price: { EUR: 5 }, durationSeconds: 60 });
    expect(lastEntry().events[0]).toMatchObject({ type: 'deal.ended', reason: 'replaced' });
    await run({ type: 'deal.end' });
    expect(lastEntry().events[0]).toMatchObject({ type: 'deal.ended', reason: 'stopped' });
    await run({ type: 'deal.start', productId: 'b', price: { EUR: 5 }, durationSeconds: 60 });
    const { id, endsAt } = core.current.deal!;
    clock = endsAt;
    await run({ type: 'deal.end', dealId: id }, { id: 'studio', client: 'deal-timer' });
    expect(lastEntry().events[0]).toMatchObject({ type: 'deal.ended', reason: 'time-up' });
  });
});

describe('the show\'s base language', () => {
  it('is the language of the first locale until the producer picks one, and the pick is journaled and survives a restart', async () => {
    await run({ type: 'show.update', locales: [{ locale: 'pl-PL', currency: 'PLN' }, { locale: 'fr-FR', currency: 'EUR' }] });
    expect(baseLanguageOf(core.current)).toBe('pl');
    await run({ type: 'show.update', baseLanguage: 'en' });
    expect(lastEntry().events).toEqual([{ type: 'show.updated', baseLanguage: 'en' }]);
    await core.close();
    ({ core } = await ShowCore.open(dir, { now: () => clock }));
    expect(baseLanguageOf(core.current)).toBe('en');
  });

  it('refuses something that is not a language with 400', async () => {
    for (const baseLanguage of ['EN', 'en-GB', '__proto__', '', 7]) {
      const err = await run({ type: 'show.update', baseLanguage }).catch((e: unknown) => e);
      expect((err as CommandError).status, String(baseLanguage)).toBe(400);
    }
  });
});
