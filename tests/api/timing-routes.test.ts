import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStudio } from '../../src/main/studio';
import type { ShowView } from '../../src/shared/view';
import { startTestStudio, type TestStudio } from '../helpers/test-studio';
import { tempDir } from '../helpers/temp-dir';
import { as, pairDevice } from './access-helpers';

let t: TestStudio;
const show = async (): Promise<ShowView> => (await t.api('GET', '/api/v1/show')).body;
const CSV = 'id,title:en,title:pl,price:EUR,price:PLN,stock\nlav-01,Lavender trousers,Spodnie lawendowe,19.99,84.99,12\nmug-02,Mug,Kubek,7.5,32,5\nlamp-03,Lamp,Lampa,30,129,3\n';

beforeAll(async () => {
  t = await startTestStudio();
  expect((await t.api('POST', '/api/v1/products/import', CSV)).body.imported).toBe(3);
});
afterAll(() => t.stop());

describe('planned lengths over HTTP', () => {
  it('takes a planned length when an item is added and changes it with PATCH', async () => {
    const added = await t.api('POST', '/api/v1/rundown/items', { productId: 'lav-01', plannedSeconds: 180 });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ plannedSeconds: 180, airedSeconds: 0 });
    const patched = await t.api('PATCH', `/api/v1/rundown/items/${added.body.id}`, { plannedSeconds: 90 });
    expect(patched.status).toBe(200);
    expect(patched.body.item.plannedSeconds).toBe(90);
    expect((await show()).rundown[0].plannedSeconds).toBe(90);
    expect((await show()).timing?.plannedTotalSeconds).toBe(90);
    expect((await t.api('PATCH', `/api/v1/rundown/items/${added.body.id}`, { plannedSeconds: null })).body.item.plannedSeconds).toBeNull();
  });

  it.each([[5], [36_001], [12.5], ['3m'], [-60]])('refuses plannedSeconds %j with 400', async (plannedSeconds) => {
    const item = (await show()).rundown[0];
    const answer = await t.api('PATCH', `/api/v1/rundown/items/${item.id}`, { plannedSeconds });
    expect(answer.status).toBe(400);
  });

  it('answers 404 for an item that is not in the rundown, also one named like an inherited property', async () => {
    for (const id of ['item-999', '__proto__', 'constructor']) expect((await t.api('PATCH', `/api/v1/rundown/items/${id}`, { plannedSeconds: 60 })).status).toBe(404);
  });

  it('sets the plan and the host language with PATCH /api/v1/show', async () => {
    const startsAt = Date.now() + 600_000;
    const answer = await t.api('PATCH', '/api/v1/show', { plan: { startsAt, autoAdvance: true }, hostLocale: 'pl-PL' });
    expect(answer.status).toBe(200);
    expect(answer.body.show).toMatchObject({ plan: { startsAt, autoAdvance: true }, hostLocale: 'pl-PL' });
    expect((await t.api('PATCH', '/api/v1/show', { plan: { autoAdvance: 'yes' } })).status).toBe(400);
  });

  it('holds, extends by a minute and skips from a Stream Deck key, and refuses a hold with nothing on air', async () => {
    expect((await t.api('POST', '/api/v1/rundown/hold')).status).toBe(409);
    const [first] = (await show()).rundown;
    await t.api('POST', '/api/v1/rundown/items', { productId: 'mug-02', plannedSeconds: 60 });
    await t.api('POST', '/api/v1/rundown/pin', { itemId: first.id });
    const held = await t.api('POST', '/api/v1/rundown/hold');
    expect(held.status).toBe(200);
    expect((await show()).rundown[0].autoAdvance).toBe(false);
    const extended = await t.api('POST', '/api/v1/rundown/extend');
    expect(extended.status).toBe(200);
    // It had no plan: it gets its time so far plus a minute.
    expect((await show()).rundown[0].plannedSeconds).toBeGreaterThanOrEqual(60);
    expect(extended.body.timing.itemRemainingSeconds).toBeGreaterThanOrEqual(59);
    const skipped = await t.api('POST', '/api/v1/rundown/skip');
    expect(skipped.body.onAir.productId).toBe('mug-02');
    expect((await show()).rundown[0].airedSeconds).toBeGreaterThanOrEqual(0);
  });
});

describe('messages to the host', () => {
  it('sends a message, shows it in the show, and clears it', async () => {
    const sent = await t.api('POST', '/api/v1/host/messages', { text: 'Say the code POLSKA10' });
    expect(sent.status).toBe(201);
    expect(sent.body.id).toMatch(/^msg-/);
    expect((await show()).hostMessages).toEqual([{ id: sent.body.id, text: 'Say the code POLSKA10', from: 'Studio', at: expect.any(Number) }]);
    expect((await t.api('DELETE', `/api/v1/host/messages/${sent.body.id}`)).status).toBe(200);
    expect((await show()).hostMessages).toEqual([]);
    expect((await t.api('DELETE', `/api/v1/host/messages/${sent.body.id}`)).status).toBe(404);
  });

  it('refuses an empty or overlong message with 400', async () => {
    expect((await t.api('POST', '/api/v1/host/messages', { text: '  ' })).status).toBe(400);
    expect((await t.api('POST', '/api/v1/host/messages', { text: 'x'.repeat(281) })).status).toBe(400);
    expect((await t.api('POST', '/api/v1/host/messages', 'text')).status).toBe(400);
  });

  it('lets a paired host acknowledge a message and nothing else', async () => {
    const { token } = await pairDevice(t, 'host', 'Host monitor');
    const host = as(t, token);
    const sent = await t.api('POST', '/api/v1/host/messages', { text: 'Question from chat: XL?' });
    expect((await host('GET', '/api/v1/show')).body.hostMessages.map((m: { id: string }) => m.id)).toContain(sent.body.id);
    expect((await host('POST', '/api/v1/host/messages', { text: 'hi' })).status).toBe(403);
    expect((await host('POST', '/api/v1/rundown/next')).status).toBe(403);
    expect((await host('POST', '/api/v1/rundown/hold')).status).toBe(403);
    expect((await host('DELETE', `/api/v1/host/messages/${sent.body.id}`)).status).toBe(200);
  });

  it('lets a moderator send and clear messages', async () => {
    const { token } = await pairDevice(t, 'moderator', 'Ana');
    const moderator = as(t, token);
    const sent = await moderator('POST', '/api/v1/host/messages', { text: 'Show the back' });
    expect(sent.status).toBe(201);
    expect((await show()).hostMessages?.at(-1)).toMatchObject({ text: 'Show the back', from: 'Ana' });
  });
});

describe('auto-advance over a studio restart', () => {
  it('advances at the planned time although the studio was stopped mid-slot', async () => {
    const { dir, cleanup } = await tempDir('shopcast-clock-');
    try {
      let studio = await startStudio({ dataDir: dir, port: 0, marketplace: { kind: 'none' } });
      const api = (path: string, method = 'GET', body?: unknown) =>
        fetch(`${studio.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${studio.token}`, ...(body !== undefined && { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) }).then((r) => r.json() as Promise<any>);
      await api('/api/v1/products/import', 'POST', [{ id: 'a', title: { en: 'A' }, price: { EUR: 1 } }, { id: 'b', title: { en: 'B' }, price: { EUR: 1 } }]);
      const first = await api('/api/v1/rundown/items', 'POST', { productId: 'a', plannedSeconds: 10 });
      await api('/api/v1/rundown/items', 'POST', { productId: 'b', plannedSeconds: 10 });
      await api('/api/v1/show', 'PATCH', { plan: { autoAdvance: true } });
      const since = (await api('/api/v1/rundown/pin', 'POST', { itemId: first.id })).onAir.since as number;
      await new Promise((r) => setTimeout(r, 3000));
      await studio.close();
      await new Promise((r) => setTimeout(r, 2000));
      studio = await startStudio({ dataDir: dir, port: 0, marketplace: { kind: 'none' } });
      try {
        expect((await api('/api/v1/show')).onAir.productId).toBe('a');
        let advancedAt = 0;
        while (Date.now() < since + 13_000) {
          const view = await api('/api/v1/show');
          if (view.onAir?.productId === 'b') {
            advancedAt = view.onAir.since;
            break;
          }
          await new Promise((r) => setTimeout(r, 50));
        }
        // On plan, within one tick of the timer; journaled by the studio's own clock.
        expect(advancedAt - (since + 10_000)).toBeGreaterThanOrEqual(0);
        expect(advancedAt - (since + 10_000)).toBeLessThan(250);
        const journal = await api('/api/v1/journal?limit=1');
        expect(journal.entries[0].actor.client).toBe('rundown-timer');
        const aired = (await api('/api/v1/show')).rundown[0].airedSeconds;
        expect(aired).toBe(10);
      } finally {
        await studio.close();
      }
    } finally {
      await cleanup();
    }
  }, 30_000);
});

describe('the report, planned against actual', () => {
  it('lists each rundown item with its planned and aired time, and units per minute on air per product', async () => {
    const csv = (await t.api('GET', '/api/v1/sales/report.csv')).body as string;
    const [header] = csv.split(/\r?\n/);
    expect(header.endsWith(',minutes_on_air,planned_minutes,units_per_minute_on_air')).toBe(true);
    const html = (await t.api('GET', '/api/v1/sales/report.html')).body as string;
    expect(html).toContain('Planned against actual, per rundown item');
    const { rundown } = await show();
    for (const item of rundown) expect(html).toContain(`data-item-id="${item.id}"`);
    // mug-02 was planned at 1:00 when it went on air.
    expect(html).toMatch(/Mug<\/span><\/td><td>1:00<\/td>/);
  });
});
