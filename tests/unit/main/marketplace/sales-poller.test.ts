import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShowCore } from '../../../../src/main/show/show-core';
import { SalesPoller } from '../../../../src/main/marketplace/sales-poller';
import type { MarketplaceConnector } from '../../../../src/main/marketplace/connector';
import type { IncomingOrder } from '../../../../src/shared/sales';
import { tempDir } from '../../../helpers/temp-dir';

let dir: string;
let cleanup: () => Promise<void>;
let core: ShowCore;

const order = (orderId: string, status: IncomingOrder['status'] = 'paid'): IncomingOrder => ({ orderId, productId: 'lav-01', units: 1, amount: 19.99, currency: 'EUR', locale: null, at: 1_700_000_000_000, status });

/** A marketplace whose every answer overlaps the last one, as real order APIs do. */
function repeatingMarketplace(answers: IncomingOrder[][]): MarketplaceConnector & { polls: number } {
  return {
    source: 'shop',
    pollSeconds: 3600,
    polls: 0,
    async fetchOrders() {
      const orders = answers[Math.min(this.polls, answers.length - 1)];
      this.polls++;
      return { orders, cursor: `c${this.polls}` };
    },
    async fetchProducts() {
      return { products: [], rejected: [], notes: [] };
    }
  };
}

const salesEntries = () => core.recentEntries(500).filter((e) => e.command === 'sales.record').length;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  ({ core } = await ShowCore.open(dir));
});
afterEach(async () => {
  await core.close();
  await cleanup();
});

describe('polling a marketplace', () => {
  it('journals a poll that only repeats known orders no more than a quiet one, and still journals a late refund', async () => {
    const shop = repeatingMarketplace([[order('A'), order('B')], [order('A'), order('B')], [order('A'), order('B')], [order('A', 'refunded'), order('B')]]);
    const poller = new SalesPoller(shop, core);
    for (let i = 0; i < 3; i++) await poller.pollNow();
    expect(salesEntries()).toBe(1);
    expect(core.sales.view().orders).toBe(2);
    await poller.pollNow();
    expect(salesEntries()).toBe(2);
    expect(core.sales.view()).toMatchObject({ orders: 1, refunds: 1 });
    await poller.stop();
  });

  it('skips an order line it cannot take, says so, and counts the rest instead of failing every poll', async () => {
    const shop = repeatingMarketplace([[order('A'), { ...order('B'), amount: 5e9 }, order('C')]]);
    const poller = new SalesPoller(shop, core);
    await poller.pollNow();
    expect(core.sales.view().orders).toBe(2);
    expect(poller.view()).toMatchObject({ status: 'ok', lastError: '1 order line could not be read (outside the studio\'s limits) and was skipped' });
    expect(core.current.salesCursors.shop).toBe('c1');
    await poller.stop();
  });

  it('records a poll larger than one command takes in parts, the cursor with the last', async () => {
    const many = Array.from({ length: 12_345 }, (_, i) => order(`o-${i}`));
    const poller = new SalesPoller(repeatingMarketplace([many]), core);
    await poller.pollNow();
    expect(core.sales.view().orders).toBe(12_345);
    const entries = core.recentEntries(10).filter((e) => e.command === 'sales.record');
    expect(entries).toHaveLength(2);
    expect(entries.map((e) => (e.events[0] as { cursor?: string }).cursor)).toEqual([undefined, 'c1']);
    await poller.stop();
  });
});

describe('saying "in sync" only when it is', () => {
  it('says so when a marketplace reuses the id of a counted order for another sale, which is then not counted', async () => {
    const reused = { ...order('A'), productId: 'mug-09', amount: 7.49 };
    const shop = repeatingMarketplace([[order('A'), order('B')], [order('A'), order('B'), reused]]);
    const poller = new SalesPoller(shop, core);
    await poller.pollNow();
    expect(poller.view()).toMatchObject({ status: 'ok', lastError: null });
    await poller.pollNow();
    expect(core.sales.view().orders).toBe(2);
    expect(poller.view().lastError).toBe('1 order came under the id of another order already counted and was not counted');
    await poller.stop();
  });

  it('takes a plain repeat or a refund of a counted order for what it is, not for a clash', async () => {
    const shop = repeatingMarketplace([[order('A'), order('B')], [order('A', 'refunded'), order('B')]]);
    const poller = new SalesPoller(shop, core);
    await poller.pollNow();
    await poller.pollNow();
    expect(poller.view().lastError).toBeNull();
    expect(core.sales.view()).toMatchObject({ orders: 1, refunds: 1 });
    await poller.stop();
  });
});
