import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptedSecrets, PREVIOUS_SECRET_GRACE_MS, RecentEventIds, verifyWebhook } from '../../../../src/main/marketplace/shopify/webhook-signature';
import { AdminApi, adminEndpoint, SHOPIFY_API_VERSION, throttleWaitMs } from '../../../../src/main/marketplace/shopify/admin-api';
import {
  factsFromGraphql,
  factsFromWebhook,
  incomingOrders,
  milli,
  showLocaleOf,
  type GraphqlOrder,
  type RestOrder
} from '../../../../src/main/marketplace/shopify/order-lines';
import { MarketplaceError } from '../../../../src/main/marketplace/connector';
import { FakeShopify } from '../../../helpers/fake-shopify';

const LOCALES = [
  { locale: 'pl-PL', currency: 'PLN' },
  { locale: 'de-DE', currency: 'EUR' },
  { locale: 'en-IE', currency: 'EUR' }
];

describe('the webhook signature', () => {
  // Computed with `printf '%s' BODY | openssl dgst -sha256 -hmac shpss_test_secret -binary | base64`.
  const body = Buffer.from('{"id":820982911946154508,"note":"Spodnie lawendowe – 84,99 zł"}', 'utf8');
  const OPENSSL_VECTOR = 'V+RDU3Iu4JtsE7cM/Ffvtjr0TqlhwR+HOUOZaUKsPNo=';

  it('accepts the base64 HMAC-SHA256 of the raw bytes, as openssl and node:crypto compute it', () => {
    const independent = createHmac('sha256', 'shpss_test_secret').update(body).digest('base64');
    expect(independent).toBe(OPENSSL_VECTOR);
    expect(verifyWebhook(body, OPENSSL_VECTOR, ['shpss_test_secret'])).toBe(true);
  });

  it('refuses a tampered body, a wrong secret, a missing or malformed signature', () => {
    const tampered = Buffer.from(body.toString('utf8').replace('84,99', '8,99'), 'utf8');
    expect(verifyWebhook(tampered, OPENSSL_VECTOR, ['shpss_test_secret'])).toBe(false);
    expect(verifyWebhook(body, OPENSSL_VECTOR, ['another-secret'])).toBe(false);
    expect(verifyWebhook(body, undefined, ['shpss_test_secret'])).toBe(false);
    expect(verifyWebhook(body, 'short', ['shpss_test_secret'])).toBe(false);
    expect(verifyWebhook(body, OPENSSL_VECTOR, [])).toBe(false);
  });

  it('is checked on the bytes as sent: the same JSON re-serialized does not verify', () => {
    const reserialized = Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8')), null, 1), 'utf8');
    expect(verifyWebhook(reserialized, OPENSSL_VECTOR, ['shpss_test_secret'])).toBe(false);
  });

  it('accepts the previous secret for an hour after the secret changes, and not after', () => {
    const rotatedAt = 1_000_000;
    const previous = { secret: 'old', until: rotatedAt + PREVIOUS_SECRET_GRACE_MS };
    const signedWithOld = createHmac('sha256', 'old').update(body).digest('base64');
    expect(verifyWebhook(body, signedWithOld, acceptedSecrets('new', previous, rotatedAt + 59 * 60_000))).toBe(true);
    expect(verifyWebhook(body, signedWithOld, acceptedSecrets('new', previous, rotatedAt + 61 * 60_000))).toBe(false);
    expect(acceptedSecrets('new', previous, rotatedAt + 61 * 60_000)).toEqual(['new']);
    expect(acceptedSecrets(undefined, null, 0)).toEqual([]);
  });

  it('remembers the latest event ids and forgets the oldest beyond its capacity', () => {
    const ids = new RecentEventIds(3);
    for (const id of ['a', 'b', 'c', 'd']) ids.add(id);
    expect(['a', 'b', 'c', 'd'].map((id) => ids.has(id))).toEqual([false, true, true, true]);
  });
});

describe('Shopify orders in the studio\'s terms', () => {
  const graphqlOrder = (patch: Partial<GraphqlOrder> = {}): GraphqlOrder => ({
    legacyResourceId: '5001',
    createdAt: '2026-11-28T20:00:00Z',
    processedAt: '2026-11-28T20:00:01Z',
    updatedAt: '2026-11-28T20:05:00Z',
    cancelledAt: null,
    displayFinancialStatus: 'PAID',
    customerLocale: 'pl-PL',
    presentmentCurrencyCode: 'PLN',
    lineItems: {
      nodes: [
        {
          id: 'gid://shopify/LineItem/71',
          quantity: 3,
          currentQuantity: 3,
          product: { legacyResourceId: '901' },
          originalUnitPriceSet: { presentmentMoney: { amount: '84.99', currencyCode: 'PLN' } },
          discountAllocations: [{ allocatedAmountSet: { presentmentMoney: { amount: '10.00', currencyCode: 'PLN' } } }, { allocatedAmountSet: { presentmentMoney: { amount: '0.03', currencyCode: 'PLN' } } }]
        },
        {
          id: 'gid://shopify/LineItem/72',
          quantity: 1,
          currentQuantity: 1,
          product: { legacyResourceId: '902' },
          originalUnitPriceSet: { presentmentMoney: { amount: '19.9', currencyCode: 'PLN' } },
          discountAllocations: []
        },
        { id: 'gid://shopify/LineItem/73', quantity: 1, currentQuantity: 1, product: null, originalUnitPriceSet: { presentmentMoney: { amount: '5.00', currencyCode: 'PLN' } } }
      ]
    },
    ...patch
  });
  const map = (order: GraphqlOrder) => incomingOrders(factsFromGraphql(order, 0), LOCALES);

  it('makes one order per product line, keyed by order and line, priced after discounts in the buyer\'s currency', () => {
    expect(map(graphqlOrder())).toEqual([
      { orderId: '5001:71', productId: 'sh-901', units: 3, amount: 244.94, currency: 'PLN', locale: 'pl-PL', at: Date.parse('2026-11-28T20:00:01Z'), status: 'paid' },
      { orderId: '5001:72', productId: 'sh-902', units: 1, amount: 19.9, currency: 'PLN', locale: 'pl-PL', at: Date.parse('2026-11-28T20:00:01Z'), status: 'paid' }
    ]);
  });

  it('reads Shopify\'s decimal strings exactly, and refuses what is not one', () => {
    expect([milli('19.99'), milli('1890'), milli('0.5'), milli('3.125'), milli(' 7.10 ')]).toEqual([19_990, 1_890_000, 500, 3_125, 7_100]);
    expect([milli('abc'), milli('-1'), milli(''), milli(undefined), milli('1e3')]).toEqual([null, null, null, null, null]);
  });

  it('takes cancelled, voided, refunded and fully refunded lines back out, and leaves pending payments uncounted', () => {
    expect(map(graphqlOrder({ cancelledAt: '2026-11-28T20:04:00Z', displayFinancialStatus: 'PAID' })).map((o) => o.status)).toEqual(['invalid', 'invalid']);
    expect(map(graphqlOrder({ displayFinancialStatus: 'VOIDED' })).map((o) => o.status)).toEqual(['invalid', 'invalid']);
    expect(map(graphqlOrder({ displayFinancialStatus: 'REFUNDED' })).map((o) => o.status)).toEqual(['refunded', 'refunded']);
    expect(map(graphqlOrder({ displayFinancialStatus: 'AUTHORIZED' })).map((o) => o.status)).toEqual(['paid', 'paid']);
    // Pending is left out entirely: sent as void it could never count once paid.
    expect(map(graphqlOrder({ displayFinancialStatus: 'PENDING' }))).toEqual([]);
  });

  it('refunds one fully refunded line of a partly refunded order and keeps the others; a partial quantity still counts whole', () => {
    const order = graphqlOrder({ displayFinancialStatus: 'PARTIALLY_REFUNDED' });
    order.lineItems!.nodes![1].currentQuantity = 0;
    expect(map(order).map((o) => [o.orderId, o.status])).toEqual([['5001:71', 'paid'], ['5001:72', 'refunded']]);
    const partly = graphqlOrder({ displayFinancialStatus: 'PARTIALLY_REFUNDED' });
    partly.lineItems!.nodes![0].currentQuantity = 1;
    expect(map(partly)[0]).toMatchObject({ status: 'paid', units: 3 });
  });

  it('maps a REST-shaped webhook of the same order onto the same keys, amounts and statuses as a poll', () => {
    const rest: RestOrder = {
      id: 5001,
      created_at: '2026-11-28T20:00:00Z',
      processed_at: '2026-11-28T20:00:01Z',
      updated_at: '2026-11-28T20:05:00Z',
      cancelled_at: null,
      financial_status: 'partially_refunded',
      customer_locale: 'pl-PL',
      presentment_currency: 'PLN',
      line_items: [
        { id: 71, product_id: 901, quantity: 3, price_set: { presentment_money: { amount: '84.99' } }, discount_allocations: [{ amount_set: { presentment_money: { amount: '10.00' } } }, { amount_set: { presentment_money: { amount: '0.03' } } }] },
        { id: 72, product_id: 902, quantity: 1, price_set: { presentment_money: { amount: '19.9' } }, discount_allocations: [] },
        { id: 73, product_id: null, quantity: 1, price_set: { presentment_money: { amount: '5.00' } } }
      ],
      // No current_quantity (an older payload): the refund's line items say the second line is refunded.
      refunds: [{ refund_line_items: [{ line_item_id: 72, quantity: 1 }] }]
    };
    const polled = graphqlOrder({ displayFinancialStatus: 'PARTIALLY_REFUNDED' });
    polled.lineItems!.nodes![1].currentQuantity = 0;
    expect(incomingOrders(factsFromWebhook(rest, 0)!, LOCALES)).toEqual(map(polled));
    expect(factsFromWebhook({ line_items: [] }, 0)).toBeNull();
  });

  it('names the show audience only when language and currency point at exactly one', () => {
    expect(showLocaleOf('pl', 'PLN', LOCALES)).toBe('pl-PL');
    expect(showLocaleOf('en', 'EUR', LOCALES)).toBe('en-IE');
    expect(showLocaleOf('de-AT', 'EUR', LOCALES)).toBe('de-DE');
    expect(showLocaleOf(null, 'PLN', LOCALES)).toBe('pl-PL');
    expect(showLocaleOf(null, 'EUR', LOCALES)).toBeNull();
    expect(showLocaleOf('fr', 'EUR', LOCALES)).toBeNull();
    expect(showLocaleOf('en', 'PLN', LOCALES)).toBeNull();
  });
});

describe('Shopify\'s cost-based rate limit', () => {
  const status = { maximumAvailable: 1000, currentlyAvailable: 100, restoreRate: 50 };

  it('waits for the deficit at the restore rate, counting what refilled since the status was read', () => {
    expect(throttleWaitMs(status, 732, 0, 0)).toBe(12_640);
    expect(throttleWaitMs(status, 732, 0, 2000)).toBe(10_640);
    expect(throttleWaitMs(status, 100, 0, 0)).toBe(0);
    // A query can never need more than the bucket holds.
    expect(throttleWaitMs(status, 5000, 0, 0)).toBe(18_000);
  });

  it('posts to the pinned Admin API version of the shop', () => {
    expect(SHOPIFY_API_VERSION).toMatch(/^\d{4}-(01|04|07|10)$/);
    expect(adminEndpoint('studio-test.myshopify.com')).toBe(`https://studio-test.myshopify.com/admin/api/${SHOPIFY_API_VERSION}/graphql.json`);
    expect(adminEndpoint('http://127.0.0.1:9/')).toBe(`http://127.0.0.1:9/admin/api/${SHOPIFY_API_VERSION}/graphql.json`);
  });
});

describe('Admin API failures, over HTTP', () => {
  let fake: FakeShopify;
  beforeEach(async () => {
    fake = await new FakeShopify('shpat_good').start();
  });
  afterEach(() => fake.stop());

  const failure = async (api: AdminApi) => {
    try {
      await api.query('StudioOrders', 'query StudioOrders { orders(first: 1) { nodes { id } } }', { first: 1, lines: 1, query: '' });
    } catch (err) {
      return err as MarketplaceError;
    }
    throw new Error('the query did not fail');
  };
  const api = (token = 'shpat_good') => new AdminApi({ shop: fake.url, accessToken: token });

  it('turns each kind of refusal into what the poller should do', async () => {
    expect(await failure(api('shpat_wrong'))).toMatchObject({ kind: 'auth' });
    fake.replyNext.push({ status: 200, body: { errors: [{ message: 'Access denied for orders field.', extensions: { code: 'ACCESS_DENIED', requiredAccess: '`read_orders` access scope.' } }] } });
    const denied = await failure(api());
    expect(denied).toMatchObject({ kind: 'auth' });
    expect(denied.message).toContain('read_orders');
    fake.replyNext.push({ status: 503, body: { errors: 'Service Unavailable' } });
    expect(await failure(api())).toMatchObject({ kind: 'unavailable' });
    fake.replyNext.push({ status: 200, body: '<html>maintenance</html>' });
    expect(await failure(api())).toMatchObject({ kind: 'bad_response' });
    fake.rateLimitNext = 1;
    expect(await failure(api())).toMatchObject({ kind: 'rate_limited', retryAfterMs: 1000 });
    expect(await failure(new AdminApi({ shop: fake.url, accessToken: '' }))).toMatchObject({ kind: 'config' });
    // Plain http elsewhere than this machine would send the token in the clear: refused before sending.
    const calls = fake.calls.length;
    expect(await failure(new AdminApi({ shop: 'http://shop.example.com', accessToken: 'shpat_good' }))).toMatchObject({ kind: 'config' });
    expect(fake.calls.length).toBe(calls);
  });

  it('answers Throttled as a rate limit lasting until the bucket holds the query\'s cost', async () => {
    // A slow refill (2 points a second) so a loaded machine cannot refill the bucket before the request lands.
    Object.assign(fake.bucket, { maximumAvailable: 1000, currentlyAvailable: 0, restoreRate: 2, at: Date.now() });
    const throttled = await failure(api());
    expect(throttled.kind).toBe('rate_limited');
    // Cost 2 + 1 × (3 + 1 × 7) = 12 points at 2 a second: 6 s, give or take what refilled meanwhile.
    expect(throttled.retryAfterMs).toBeGreaterThanOrEqual(250);
    expect(fake.calls.at(-1)?.answer).toBe('throttled');
  });

  it('waits before a query the last reply says the bucket cannot afford, instead of being throttled', async () => {
    const slept: number[] = [];
    const sleep = (ms: number) => {
      slept.push(ms);
      return new Promise<void>((resolve) => setTimeout(resolve, ms));
    };
    const client = new AdminApi({ shop: fake.url, accessToken: 'shpat_good', sleep });
    for (let i = 0; i < 10; i++) fake.addOrder({ lines: [{ productId: 901, quantity: 1, unitPrice: '9.99' }] });
    Object.assign(fake.bucket, { maximumAvailable: 800, currentlyAvailable: 740, restoreRate: 100, at: Date.now() });
    const vars = { first: 10, lines: 10, query: '' };
    // Requests 2 + 10 × (3 + 10 × 7) = 732 points; ten one-line orders actually cost 102, leaving 638.
    await client.query('StudioOrders', 'query StudioOrders { x }', vars);
    await client.query('StudioOrders', 'query StudioOrders { x }', vars);
    // The second waited for the 94-point deficit at 100 points a second (940 ms, less what refilled
    // while the first answer travelled: a loaded machine takes up to a few hundred ms), then went through.
    expect(slept).toHaveLength(1);
    expect(slept[0]).toBeGreaterThan(500);
    expect(slept[0]).toBeLessThanOrEqual(940);
    expect(fake.calls.map((c) => c.answer)).toEqual(['ok', 'ok']);
  });
});
