import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signRequest } from '../../src/main/marketplace/aliexpress/sign';
import { pacificTime } from '../../src/main/marketplace/aliexpress/aliexpress-marketplace';
import { sendHostileBody, type HostileBody } from './hostile-bodies';

export interface FakeOrder {
  order_id: string;
  sub_order_id?: string;
  product_id: string;
  product_count: string;
  paid_amount: string;
  settled_currency: string;
  order_status: string;
  effect_detail_status?: string;
  paid_time: string;
  tracking_id: string;
}

/** A paid affiliate order of the tracking id `show-7` for product 1005001, as the platform lists it. */
export const paidOrder = (n: number, patch: Partial<FakeOrder> = {}): FakeOrder => ({
  order_id: `80${n}`,
  sub_order_id: `90${n}`,
  product_id: '1005001',
  product_count: '1',
  paid_amount: '19.99',
  settled_currency: 'EUR',
  order_status: 'Payment Completed',
  paid_time: pacificTime(Date.now() - 60_000),
  tracking_id: 'show-7',
  ...patch
});

/**
 * The AliExpress `/sync` gateway as the platform answers it, on loopback: it verifies the sha256
 * signature with the app secret and refuses a wrong one with the platform's error body, pages order
 * lists 50 at a time, answers 429 with Retry-After when told to, and can leave `simplify` off.
 */
export class FakeAliExpress {
  orders: FakeOrder[] = [];
  products: Record<string, { title: Record<string, string>; price: Record<string, string>; original?: Record<string, string> }> = {};
  /** Answer the next N calls with 429. */
  rateLimitNext = 0;
  /** The Retry-After those 429s carry (null: none). */
  retryAfter: string | null = '1';
  /** Answer every call with this body instead (huge, or endless and slow). */
  hostile: HostileBody | null = null;
  /** Say this as `total_page_no` instead of the true count (a broken or hostile gateway). */
  totalPageNo: unknown = undefined;
  /** Cut the connection of the next N calls without an answer (the network dropping mid-poll). */
  dropNext = 0;
  calls: Record<string, string>[] = [];
  private server!: Server;

  constructor(readonly appKey: string, readonly appSecret: string) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/sync`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const params = Object.fromEntries(new URLSearchParams(body));
        this.calls.push(params);
        if (this.dropNext > 0) {
          this.dropNext--;
          req.socket.destroy();
          return;
        }
        const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(JSON.stringify(json));
        };
        if (this.rateLimitNext > 0) {
          this.rateLimitNext--;
          return send(429, { error_response: { type: 'ISP', code: 'ApiCallLimit', msg: 'App Call Limited', request_id: 'r1' } }, this.retryAfter === null ? {} : { 'retry-after': this.retryAfter });
        }
        if (this.hostile) return sendHostileBody(res, this.hostile);
        if (params.app_key !== this.appKey) return send(200, { error_response: { type: 'ISV', code: 'InvalidAppKey', msg: 'Invalid app Key', request_id: 'r2' } });
        if (params.sign !== signRequest(params, this.appSecret, params.method)) {
          return send(200, { error_response: { type: 'ISV', code: 'IncompleteSignature', msg: 'The request signature does not conform to platform standards', request_id: 'r3' } });
        }
        const envelope = `${params.method.replace(/\./g, '_')}_response`;
        if (params.method === 'aliexpress.affiliate.order.list') {
          const page = Number(params.page_no);
          const size = Number(params.page_size);
          const matching = this.orders.filter((o) => (params.status === 'Invalid' ? o.order_status === 'Invalid' : o.order_status !== 'Invalid'));
          const slice = matching.slice((page - 1) * size, page * size);
          return send(200, {
            [envelope]: {
              resp_result: {
                resp_code: 200,
                resp_msg: 'success',
                result: { current_page_no: page, total_page_no: this.totalPageNo !== undefined ? this.totalPageNo : Math.max(1, Math.ceil(matching.length / size)), total_record_count: matching.length, orders: { order: slice } }
              }
            }
          });
        }
        if (params.method === 'aliexpress.affiliate.productdetail.get') {
          const currency = params.target_currency;
          // Like the real platform: PLN is not a target currency, so it prices in EUR instead.
          const priced = currency === 'PLN' ? 'EUR' : currency;
          const products = params.product_ids
            .split(',')
            .filter((id) => this.products[id])
            .map((id) => {
              const p = this.products[id];
              return {
                product_id: Number(id),
                product_title: p.title[params.target_language] ?? p.title.EN,
                target_sale_price: p.price[priced],
                target_sale_price_currency: priced,
                target_original_price: p.original?.[priced],
                product_main_image_url: `https://ae01.alicdn.com/kf/${id}.jpg`,
                promotion_link: `https://s.click.aliexpress.com/e/${id}-${params.target_language}?tracking=${params.tracking_id}`
              };
            });
          // `simplify=true` shape: plain arrays.
          return send(200, { [envelope]: { resp_result: { resp_code: 200, resp_msg: 'success', result: { current_record_count: products.length, products } } } });
        }
        return send(200, { error_response: { type: 'ISV', code: 'InvalidMethod', msg: 'Invalid method', request_id: 'r4' } });
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
