import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShowCore } from '../../../../src/main/show/show-core';
import { SalesPoller } from '../../../../src/main/marketplace/sales-poller';
import type { MarketplaceConnector } from '../../../../src/main/marketplace/connector';
import type { IncomingOrder } from '../../../../src/shared/sales';
import { AliExpressMarketplace } from '../../../../src/main/marketplace/aliexpress/aliexpress-marketplace';
import { ShopifyMarketplace } from '../../../../src/main/marketplace/shopify/shopify-marketplace';
import { tempDir } from '../../../helpers/temp-dir';
import { FakeAliExpress } from '../../../helpers/fake-aliexpress';
import { FakeShopify } from '../../../helpers/fake-shopify';

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
    expect(poller.view()).toMatchObject({ status: 'ok', lastError: '1 order line could not be read (outside the studio\'s limits) and was skipped', lastErrorReason: { code: 'marketplace.skipped', params: { lines: 1 } } });
    expect(core.current.salesCursors.shop).toBe('c1');
    await poller.stop();
  });

  it('records a long poll in parts of at most 1000 orders (each acknowledged in one short piece), the cursor with the last', async () => {
    const many = Array.from({ length: 12_345 }, (_, i) => order(`o-${i}`));
    const poller = new SalesPoller(repeatingMarketplace([many]), core);
    await poller.pollNow();
    expect(core.sales.view().orders).toBe(12_345);
    const entries = core.recentEntries(20).filter((e) => e.command === 'sales.record');
    const sizes = entries.map((e) => (e.events[0] as { changes: unknown[] }).changes.length);
    expect(sizes).toEqual([...Array<number>(12).fill(1000), 345]);
    expect(entries.map((e) => (e.events[0] as { cursor?: string }).cursor)).toEqual([...Array<undefined>(12).fill(undefined), 'c1']);
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
    expect(poller.view().lastErrorReason).toEqual({ code: 'marketplace.clashed', params: { orders: 1 } });
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

/** Polls through real HTTP for `windowMs` and says how many requests reached the fake and what the poller plans. */
async function pollFor(connector: MarketplaceConnector, calls: () => number, windowMs: number) {
  // No jitter: the default backoff is then exactly the poll interval.
  const poller = new SalesPoller(connector, core, () => 1);
  poller.start();
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  const health = poller.view();
  await poller.stop();
  return { requests: calls(), health, waitMs: (health.retryAt ?? 0) - Date.now() };
}

describe('waits a marketplace asks for', () => {
  const FIVE_MINUTES = 5 * 60_000;
  const farFuture = new Date(Date.now() + 30 * 24 * 3600_000).toUTCString();
  const past = new Date(Date.now() - 3600_000).toUTCString();

  let aliexpress: FakeAliExpress;
  beforeEach(async () => {
    aliexpress = await new FakeAliExpress('key-1', 'secret-1').start();
    aliexpress.rateLimitNext = Infinity;
  });
  afterEach(() => aliexpress.stop());
  const connector = () => new AliExpressMarketplace({ appKey: 'key-1', appSecret: 'secret-1', trackingId: 'show-7', gatewayUrl: aliexpress.url, pollSeconds: 2 });

  it.each([
    ['99999999 seconds', '99999999'],
    ['a date a month away', farFuture]
  ])('waits at most five minutes when Retry-After says %s, with one request in the window instead of thousands', async (_name, header) => {
    aliexpress.retryAfter = header;
    const { requests, health, waitMs } = await pollFor(connector(), () => aliexpress.calls.length, 1200);
    expect(requests).toBe(1);
    expect(health.status).toBe('backing_off');
    expect(waitMs).toBeGreaterThan(FIVE_MINUTES - 5000);
    expect(waitMs).toBeLessThanOrEqual(FIVE_MINUTES);
  });

  it.each([
    ['a negative number', '-5'],
    ['garbage', 'soon, maybe'],
    ['hex', '0x7fffffff'],
    ['nothing', null]
  ])('falls back to its own backoff when Retry-After is %s', async (_name, header) => {
    aliexpress.retryAfter = header;
    const { requests, waitMs } = await pollFor(connector(), () => aliexpress.calls.length, 1200);
    expect(requests).toBe(1);
    // The poll interval (2 s) without jitter, less the window already waited.
    expect(waitMs).toBeGreaterThan(0);
    expect(waitMs).toBeLessThanOrEqual(2000);
  });

  it.each([
    ['0 seconds', '0'],
    ['a date in the past', past]
  ])('never retries sooner than a second when Retry-After says %s', async (_name, header) => {
    aliexpress.retryAfter = header;
    const { requests } = await pollFor(new AliExpressMarketplace({ appKey: 'key-1', appSecret: 'secret-1', trackingId: 'show-7', gatewayUrl: aliexpress.url, pollSeconds: 2 }), () => aliexpress.calls.length, 1200);
    expect(requests).toBeLessThanOrEqual(2);
  });

  it('says an answer past 8 MiB in lastError and backs off, one request in the window', async () => {
    aliexpress.rateLimitNext = 0;
    aliexpress.hostile = { kind: 'huge', bytes: 64 * 1024 * 1024 };
    const { requests, health } = await pollFor(connector(), () => aliexpress.calls.length, 1200);
    expect(requests).toBe(1);
    expect(health).toMatchObject({
      status: 'backing_off',
      lastError: 'AliExpress answered more than 8 MiB: refused, the rest was not read',
      lastErrorReason: { code: 'marketplace.badResponse', params: { detail: 'AliExpress answered more than 8 MiB: refused, the rest was not read' } }
    });
  });

  it('keeps a Shopify Retry-After of 99999999 seconds to five minutes and one request', async () => {
    const shopify = await new FakeShopify('shpat_good').start();
    try {
      shopify.rateLimitNext = Infinity;
      shopify.retryAfter = '99999999';
      const shop = new ShopifyMarketplace({ shop: shopify.url, accessToken: 'shpat_good', pollSeconds: 2, locales: () => [] });
      const { requests, waitMs } = await pollFor(shop, () => shopify.calls.length, 1200);
      expect(requests).toBe(1);
      expect(waitMs).toBeLessThanOrEqual(FIVE_MINUTES);
      expect(waitMs).toBeGreaterThan(FIVE_MINUTES - 5000);
    } finally {
      await shopify.stop();
    }
  });

  it('keeps a throttle hint from a bucket that barely refills to five minutes', async () => {
    const shopify = await new FakeShopify('shpat_good').start();
    try {
      Object.assign(shopify.bucket, { maximumAvailable: 1000, currentlyAvailable: 0, restoreRate: 1e-9, at: Date.now() });
      const shop = new ShopifyMarketplace({ shop: shopify.url, accessToken: 'shpat_good', pollSeconds: 2, locales: () => [] });
      const { requests, health, waitMs } = await pollFor(shop, () => shopify.calls.length, 1200);
      expect(requests).toBe(1);
      expect(health.lastError).toMatch(/throttled/);
      expect(waitMs).toBeLessThanOrEqual(FIVE_MINUTES);
    } finally {
      await shopify.stop();
    }
  });
});
