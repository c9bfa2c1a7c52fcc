import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStudio, type TestStudio } from '../helpers/test-studio';
import { order } from '../helpers/orders';

let t: TestStudio;
let lastRev: number;
beforeAll(async () => {
  t = await startTestStudio();
  await t.api('POST', '/api/v1/products/import', [{ id: 'lav-01', title: { en: 'Lavender trousers' } }]);
  const item = (await t.api('POST', '/api/v1/rundown/items', { productId: 'lav-01' })).body;
  for (let i = 0; i < 520; i++) lastRev = (await t.api('POST', '/api/v1/products/lav-01/stock', { stock: i })).body.revision;
  expect(item.id).toBeTruthy();
});
afterAll(() => t.stop());

describe('the audit trail page', () => {
  it('gives at most 500 entries, newest last, however many are asked for', async () => {
    const { status, body, headers } = await t.api('GET', '/api/v1/journal?limit=100000');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('application/json');
    expect(body.entries).toHaveLength(500);
    expect(body.entries.at(-1).rev).toBe(lastRev);
    expect(body.entries[0].rev).toBe(lastRev - 499);
  });

  it('pages back from an entry with before=REV', async () => {
    const { body } = await t.api('GET', `/api/v1/journal?limit=10&before=${lastRev - 100}`);
    expect(body.entries.map((e: { rev: number }) => e.rev)).toEqual(Array.from({ length: 10 }, (_, i) => lastRev - 110 + i));
    const older = await t.api('GET', `/api/v1/journal?limit=5&before=3`);
    expect(older.body.entries.map((e: { rev: number }) => e.rev)).toEqual([1, 2]);
  });

  it('pages back and leaves commands out together', async () => {
    const { body } = await t.api('GET', `/api/v1/journal?limit=3&before=${lastRev}&exclude=product.setStock`);
    expect(body.entries.map((e: { command: string }) => e.command)).toEqual(['catalogue.import', 'rundown.add']);
  });

  it('ignores a before that is not a revision', async () => {
    const { status, body } = await t.api('GET', '/api/v1/journal?limit=2&before=abc');
    expect(status).toBe(200);
    expect(body.entries.at(-1).rev).toBe(lastRev);
  });

  it("gives a marketplace poll's orders in full, as journaled, and leaves polls out when asked", async () => {
    const orders = Array.from({ length: 1000 }, (_, i) => order(`page-${i}`));
    const { revision } = await t.studio.core.execute({ type: 'sales.record', source: 'shop', cursor: 'c9', orders }, { id: 'studio', client: 'marketplace' });
    const { body } = await t.api('GET', '/api/v1/journal?limit=2');
    const poll = body.entries.at(-1);
    expect(poll).toMatchObject({ rev: revision, command: 'sales.record', actor: { id: 'studio', client: 'marketplace' } });
    expect(poll.events[0]).toMatchObject({ type: 'sales.recorded', source: 'shop', cursor: 'c9' });
    expect(poll.events[0].changes.map((c: { orderId: string }) => c.orderId)).toEqual(orders.map((o) => o.orderId));
    const operators = await t.api('GET', '/api/v1/journal?limit=2&exclude=sales.record');
    expect(operators.body.entries.map((e: { rev: number }) => e.rev)).toEqual([lastRev - 1, lastRev]);
  });
});
