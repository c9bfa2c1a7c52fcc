import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStudio, type TestStudio } from '../helpers/test-studio';

let t: TestStudio;
beforeAll(async () => {
  t = await startTestStudio();
  const csv = 'id,title:en,title:pl,pitch:pl,price:EUR,price:PLN,stock\nlav-01,Lavender trousers,Spodnie lawendowe,Miękkie,19.99,84.99,4\nmug-02,Mug,Kubek,,7.5,32,10\n';
  expect((await t.api('POST', '/api/v1/products/import', csv)).body.imported).toBe(2);
  await t.api('PATCH', '/api/v1/show', { locales: [{ locale: 'pl-PL', currency: 'PLN' }, { locale: 'fr-FR', currency: 'EUR' }] });
});
afterAll(() => t.stop());

const order = (orderId: string, units: number) => ({ orderId, productId: 'lav-01', units, amount: 14.99 * units, currency: 'EUR', locale: 'fr-FR', at: Date.now(), status: 'paid' as const });

describe('a flash deal over HTTP', () => {
  it('ends when its product sells out, and the journal says it ended because of that', async () => {
    const started = await t.api('POST', '/api/v1/deal', { productId: 'lav-01', price: { EUR: 14.99, PLN: 67.99 }, durationSeconds: 600 });
    expect(started.status).toBe(200);
    await t.studio.core.execute({ type: 'sales.record', source: 'manual', orders: [order('o-1', 3)] }, { id: 'studio', client: 'marketplace' });
    expect((await t.api('GET', '/api/v1/show')).body.deal).not.toBeNull();
    await t.studio.core.execute({ type: 'sales.record', source: 'manual', orders: [order('o-2', 1)] }, { id: 'studio', client: 'marketplace' });
    const show = (await t.api('GET', '/api/v1/show')).body;
    expect(show.deal).toBeNull();
    const entries = (await t.api('GET', '/api/v1/journal?limit=3')).body.entries as { command: string; events: { type: string; reason?: string }[] }[];
    const ending = entries.find((e) => e.events.some((ev) => ev.type === 'deal.ended'))!;
    expect(ending.command).toBe('sales.record');
    expect(ending.events.find((ev) => ev.type === 'deal.ended')?.reason).toBe('sold-out');
  });

  it('refuses a deal on a sold-out product with 409', async () => {
    const { status, body } = await t.api('POST', '/api/v1/deal', { productId: 'lav-01', price: { EUR: 9.99 }, durationSeconds: 60 });
    expect(status).toBe(409);
    expect(body.error.code).toBe('sold_out');
  });
});

describe('the show\'s base language over HTTP', () => {
  it('is the first locale\'s language by default, and PATCH changes it, journaled', async () => {
    expect((await t.api('GET', '/api/v1/show')).body.baseLanguage).toBe('pl');
    const { status, body } = await t.api('PATCH', '/api/v1/show', { baseLanguage: 'en' });
    expect(status).toBe(200);
    expect(body.show.baseLanguage).toBe('en');
    const last = (await t.api('GET', '/api/v1/journal?limit=1')).body.entries[0];
    expect(last).toMatchObject({ command: 'show.update', events: [{ type: 'show.updated', baseLanguage: 'en' }] });
  });

  it('answers 400, not 500, to a base language that is not a language', async () => {
    for (const baseLanguage of ['english', 'EN', null, { en: true }]) {
      const { status, body } = await t.api('PATCH', '/api/v1/show', { baseLanguage });
      expect(status, JSON.stringify(baseLanguage)).toBe(400);
      expect(body.error.code).toBe('invalid_command');
    }
  });
});
