import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShowView } from '../../src/shared/view';
import { startTestStudio, type TestStudio } from '../helpers/test-studio';
import { as, pairDevice } from './access-helpers';

let t: TestStudio;
const show = async (): Promise<ShowView> => (await t.api('GET', '/api/v1/show')).body;
const lengths = async () => (await show()).rundown.map((i) => i.plannedSeconds);
const CSV = 'id,title:en,price:EUR,stock\na,A,1,5\nb,B,1,5\nc,C,1,5\nd,D,1,5\n';

beforeAll(async () => {
  t = await startTestStudio();
  expect((await t.api('POST', '/api/v1/products/import', CSV)).body.imported).toBe(4);
  for (const productId of ['a', 'b', 'c', 'd']) expect((await t.api('POST', '/api/v1/rundown/items', { productId })).status).toBe(201);
});
afterAll(() => t.stop());

describe('spreading a planned total over the rundown', () => {
  it('plans every slot at once in one journal entry, and the planned total is the total given', async () => {
    const answer = await t.api('POST', '/api/v1/rundown/spread', { totalSeconds: 5400 });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ planned: 4, timing: { plannedTotalSeconds: 5400 } });
    expect(await lengths()).toEqual([1350, 1350, 1350, 1350]);
    const journal = (await t.api('GET', '/api/v1/journal?limit=1')).body;
    expect(journal.entries[0].command).toBe('rundown.spread');
    expect(journal.entries[0].events.map((e: { itemId: string }) => e.itemId)).toEqual((await show()).rundown.map((i) => i.id));
  });

  it('keeps lengths already set when asked, and leaves the item on air and those aired alone', async () => {
    const [a, b, c, d] = (await show()).rundown;
    await t.api('PATCH', `/api/v1/rundown/items/${c.id}`, { plannedSeconds: 600 });
    await t.api('PATCH', `/api/v1/rundown/items/${d.id}`, { plannedSeconds: null });
    await t.api('POST', '/api/v1/rundown/pin', { itemId: a.id });
    await new Promise((r) => setTimeout(r, 1100));
    await t.api('POST', '/api/v1/rundown/pin', { itemId: b.id });
    const answer = await t.api('POST', '/api/v1/rundown/spread', { totalSeconds: 3600, keepPlanned: true });
    expect(answer.status).toBe(200);
    // a aired and b on air keep 1350 each, c keeps its 600: d gets what is left.
    expect(await lengths()).toEqual([1350, 1350, 600, 300]);
    expect((await t.api('POST', '/api/v1/rundown/spread', { totalSeconds: 3600 })).status).toBe(200);
    expect(await lengths()).toEqual([1350, 1350, 450, 450]);
  });

  it('refuses, with 409 and nothing changed, a total too short for the slots left or with no slot to spread over', async () => {
    const before = await lengths();
    const short = await t.api('POST', '/api/v1/rundown/spread', { totalSeconds: 2710 });
    expect(short.status).toBe(409);
    expect(short.body.error.code).toBe('too_short');
    const none = await t.api('POST', '/api/v1/rundown/spread', { totalSeconds: 3600, keepPlanned: true });
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('nothing_to_spread');
    expect(await lengths()).toEqual(before);
  });

  it.each([[{}], [{ totalSeconds: '90m' }], [{ totalSeconds: 5 }], [{ totalSeconds: 90.5 }], [{ totalSeconds: 8 * 24 * 3600 }], [{ totalSeconds: 600, keepPlanned: 'yes' }]])(
    'refuses %j with 400',
    async (body) => {
      expect((await t.api('POST', '/api/v1/rundown/spread', body)).status).toBe(400);
    }
  );

  it('is the producer’s: a moderator and a host are refused with 403', async () => {
    for (const role of ['moderator', 'host'] as const) {
      const { token } = await pairDevice(t, role, `${role} device`);
      expect((await as(t, token)('POST', '/api/v1/rundown/spread', { totalSeconds: 600 })).status).toBe(403);
    }
  });
});
