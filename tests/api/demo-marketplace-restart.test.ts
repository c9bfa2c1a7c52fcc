import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startStudio, type Studio } from '../../src/main/studio';
import type { DemoMarketplace } from '../../src/main/marketplace/demo-marketplace';
import type { JournalEntry } from '../../src/shared/events';
import { suggestDealPrices } from '../../src/shared/deal-price';
import { tempDir } from '../helpers/temp-dir';

let studio: Studio | null = null;
let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await studio?.close();
  await cleanup?.();
  studio = null;
  cleanup = null;
});

const api = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${studio!.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${studio!.token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  return (await res.json()) as any;
};

/** Reads the order count every 100 ms until it reaches `target`, failing if it ever goes down. */
async function watchOrders(counts: number[], target: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { orders } = await api('GET', '/api/v1/sales');
    expect(orders, `order count went from ${counts.at(-1)} to ${orders}`).toBeGreaterThanOrEqual(counts.at(-1) ?? 0);
    counts.push(orders);
    if (orders >= target) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the demo sold ${counts.at(-1)} orders, not ${target}`);
}

const demoIds = () => new Set((studio!.marketplace.current() as DemoMarketplace).record.keys());

describe('the demo marketplace over a restart of the studio', () => {
  it('never counts fewer orders, never reuses an id, and refunds a small share, across a restart and switching it off and on', async () => {
    const temp = await tempDir('shopcast-demo-');
    cleanup = temp.cleanup;
    const dataDir = temp.dir;
    studio = await startStudio({ dataDir, port: 0, demo: true, marketplace: { kind: 'demo', seed: 5, pollSeconds: 2, pace: 20 } });
    // A power bank with stock for the whole test, on air with a flash deal.
    await api('POST', '/api/v1/products/import', [{ id: 'pwr-32', stock: 5000 }]);
    const show = await api('GET', '/api/v1/show');
    const item = show.rundown.find((i: { productId: string }) => i.productId === 'pwr-32');
    await api('POST', '/api/v1/rundown/pin', { itemId: item.id });
    await api('POST', '/api/v1/deal', { productId: 'pwr-32', price: suggestDealPrices(item.product.price, 20), durationSeconds: 600 });

    const counts: number[] = [];
    await watchOrders(counts, 10);
    const firstIds = demoIds();
    await studio.close();
    studio = await startStudio({ dataDir, port: 0 });
    await watchOrders(counts, counts.at(-1)! + 10);
    const secondIds = demoIds();
    await api('PUT', '/api/v1/marketplace', { kind: 'none' });
    await api('PUT', '/api/v1/marketplace', { kind: 'demo', seed: 5, pollSeconds: 2, pace: 20 });
    await watchOrders(counts, counts.at(-1)! + 10);
    const thirdIds = demoIds();

    for (const id of secondIds) expect(firstIds.has(id), id).toBe(false);
    for (const id of thirdIds) expect(firstIds.has(id) || secondIds.has(id), id).toBe(false);

    // The journal on disk: each order counted once, each refund of an order counted before.
    const lines = (await readFile(join(dataDir, 'show', 'journal.jsonl'), 'utf8')).trim().split('\n');
    const counted = new Set<string>();
    const voided = new Set<string>();
    for (const line of lines) {
      for (const event of (JSON.parse(line) as JournalEntry).events) {
        if (event.type !== 'sales.recorded') continue;
        for (const change of event.changes) {
          if (change.effect === 'counted') {
            expect(counted.has(change.orderId), change.orderId).toBe(false);
            counted.add(change.orderId);
          } else {
            expect(counted.has(change.orderId), `refund of ${change.orderId}`).toBe(true);
            expect(voided.has(change.orderId), `second refund of ${change.orderId}`).toBe(false);
            voided.add(change.orderId);
          }
        }
      }
    }
    const sales = await api('GET', '/api/v1/sales');
    expect(sales.orders).toBe(counted.size - voided.size);
    expect(sales.refunds).toBeLessThan(0.1 * counted.size);
  }, 90_000);
});
