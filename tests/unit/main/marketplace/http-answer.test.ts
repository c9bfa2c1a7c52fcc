import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AliExpressMarketplace } from '../../../../src/main/marketplace/aliexpress/aliexpress-marketplace';
import { ShopifyMarketplace } from '../../../../src/main/marketplace/shopify/shopify-marketplace';
import { MarketplaceError, type MarketplaceConnector } from '../../../../src/main/marketplace/connector';
import { FakeAliExpress } from '../../../helpers/fake-aliexpress';
import { FakeShopify } from '../../../helpers/fake-shopify';

async function failure(connector: MarketplaceConnector): Promise<MarketplaceError> {
  try {
    await connector.fetchOrders(null);
  } catch (err) {
    if (err instanceof MarketplaceError) return err;
    throw err;
  }
  throw new Error('the poll did not fail');
}

const heapGrowthDuring = async (work: () => Promise<unknown>) => {
  const before = process.memoryUsage().heapUsed;
  await work();
  return process.memoryUsage().heapUsed - before;
};

describe('AliExpress answers of any size or speed', () => {
  let fake: FakeAliExpress;
  beforeEach(async () => {
    fake = await new FakeAliExpress('key-1', 'secret-1').start();
  });
  afterEach(() => fake.stop());
  const shop = (limits: { timeoutMs?: number } = {}) => new AliExpressMarketplace({ appKey: 'key-1', appSecret: 'secret-1', trackingId: 'show-7', gatewayUrl: fake.url, ...limits });

  it('refuses an answer past 8 MiB while reading it, without reading the rest', async () => {
    fake.hostile = { kind: 'huge', bytes: 512 * 1024 * 1024 };
    const started = Date.now();
    let error!: MarketplaceError;
    const growth = await heapGrowthDuring(async () => (error = await failure(shop())));
    expect(error).toMatchObject({ kind: 'bad_response', message: 'AliExpress answered more than 8 MiB: refused, the rest was not read' });
    // Half a gigabyte was on offer; reading stopped at the cap.
    expect(growth).toBeLessThan(64 * 1024 * 1024);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('gives up on an endless body trickling in a byte at a time once the call\'s deadline passes', async () => {
    fake.hostile = { kind: 'endless-slow', everyMs: 50 };
    const started = Date.now();
    const error = await failure(shop({ timeoutMs: 600 }));
    expect(error).toMatchObject({ kind: 'unavailable', message: 'AliExpress did not finish its answer within 600 ms' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it.each([['a word', 'many'], ['a fraction', 2.5], ['an object', { $gt: 0 }]])('reads a page count that is %s as one page, not a hundred', async (_name, count) => {
    fake.totalPageNo = count;
    const answered = await shop().fetchOrders(null);
    expect(answered.orders).toEqual([]);
    // One call per order status, whatever `total_page_no` says.
    expect(fake.calls).toHaveLength(2);
  });
});

describe('Shopify answers of any size, speed or shape', () => {
  let fake: FakeShopify;
  beforeEach(async () => {
    fake = await new FakeShopify('shpat_good').start();
  });
  afterEach(() => fake.stop());
  const shop = (limits: { timeoutMs?: number } = {}) => new ShopifyMarketplace({ shop: fake.url, accessToken: 'shpat_good', locales: () => [], ...limits });

  it('refuses an answer past 8 MiB while reading it', async () => {
    fake.hostile = { kind: 'huge', bytes: 256 * 1024 * 1024 };
    expect(await failure(shop())).toMatchObject({ kind: 'bad_response', message: 'Shopify answered more than 8 MiB: refused, the rest was not read' });
  });

  it('gives up on an endless slow body once the call\'s deadline passes', async () => {
    fake.hostile = { kind: 'endless-slow', everyMs: 50 };
    expect(await failure(shop({ timeoutMs: 600 }))).toMatchObject({ kind: 'unavailable', message: 'Shopify did not finish its answer within 600 ms' });
  });

  it.each([
    ['nodes that are not a list', { data: { orders: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: 'many' } } }],
    ['no page info', { data: { orders: { nodes: [] } } }],
    ['orders that are a number', { data: { orders: 7 } }],
    ['a JSON array', [1, 2, 3]]
  ])('turns an orders page with %s into a bad_response poll error', async (_name, body) => {
    fake.replyNext.push({ status: 200, body });
    expect(await failure(shop())).toMatchObject({ kind: 'bad_response' });
  });

  it('turns a products answer of the wrong shape into a bad_response, and leaves out a product node it cannot read', async () => {
    const locales = [{ locale: 'pl-PL', currency: 'PLN' }];
    fake.replyNext.push({ status: 200, body: { data: { shopLocales: 'all', nodes: 'many' } } });
    await expect(shop().fetchProducts(['901'], locales)).rejects.toMatchObject({ kind: 'bad_response' });
    const good = { legacyResourceId: '902', title: 'Kettle', contextualPricing: { minVariantPricing: { price: { amount: '99.00', currencyCode: 'PLN' } } } };
    fake.replyNext.push({ status: 200, body: { data: { shopLocales: [{ locale: 'pl', primary: true }], nodes: [5, { legacyResourceId: { id: 901 } }, { legacyResourceId: '903', title: ['not', 'text'] }, good] } } });
    const fetched = await shop().fetchProducts(['901', '902'], locales);
    const byId = [...fetched.products].sort((a, b) => a.id.localeCompare(b.id));
    // 903's title is not text: the product comes without one rather than failing the import.
    expect(byId).toEqual([expect.objectContaining({ id: 'sh-902', title: { pl: 'Kettle' }, price: { PLN: 99 } }), expect.objectContaining({ id: 'sh-903', title: {} })]);
    expect(fetched.rejected).toEqual([{ id: '901', message: 'Shopify returned no such product' }]);
  });

  it('leaves out an order or a line of the wrong shape and counts the rest', async () => {
    const good = { legacyResourceId: '1', createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), displayFinancialStatus: 'PAID', presentmentCurrencyCode: 'EUR', lineItems: { nodes: [
      { id: 'gid://shopify/LineItem/11', quantity: 1, product: { legacyResourceId: '901' }, originalUnitPriceSet: { presentmentMoney: { amount: '9.99', currencyCode: 'EUR' } } },
      { id: 12, quantity: 'lots' }
    ] } };
    fake.replyNext.push({ status: 200, body: { data: { orders: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [null, 5, { legacyResourceId: { $gt: '' } }, good] } } } });
    const { orders } = await shop().fetchOrders(null);
    expect(orders.map((o) => o.orderId)).toEqual(['1:11']);
  });
});
