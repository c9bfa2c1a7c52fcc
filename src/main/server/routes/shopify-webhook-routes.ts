import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../../shared/events';
import { factsFromWebhook, incomingOrders, type RestOrder } from '../../marketplace/shopify/order-lines';
import { paidSince, readCursor, SHOPIFY_SOURCE } from '../../marketplace/shopify/shopify-marketplace';
import { RecentEventIds, verifyWebhook } from '../../marketplace/shopify/webhook-signature';
import type { StudioContext } from '../studio-context';
import { ApiError } from '../api-error';

/** Shopify cannot send the studio's token: this path is public and answers only to a valid HMAC. */
export const SHOPIFY_WEBHOOK_PATH = '/api/v1/marketplace/shopify/webhook';
/** An order with many lines and refunds is a few hundred KiB at most. */
const WEBHOOK_BODY_LIMIT = 2 * 1024 * 1024;
const ORDER_TOPICS = new Set(['orders/create', 'orders/updated', 'orders/cancelled']);
const ACTOR: Actor = { id: 'studio', client: 'shopify-webhook' };

/**
 * `POST /api/v1/marketplace/shopify/webhook`: order webhooks, relayed to the studio. The signature is
 * checked on the raw bytes before anything is parsed, so this route gets its own body parser (kept
 * inside this plugin: the rest of the API keeps its JSON and CSV parsers). Orders are recorded under
 * the same source and keys as the poller's, so an order seen both ways counts once.
 */
export function registerShopifyWebhookRoutes(app: FastifyInstance, ctx: StudioContext): void {
  const delivered = new RecentEventIds();

  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (_req, body, done) => done(null, body));

    scope.post(SHOPIFY_WEBHOOK_PATH, async (req) => {
      const secrets = ctx.marketplace.webhookSecrets();
      if (secrets === null) throw new ApiError(404, 'not_shopify', 'the show does not sell on Shopify, so it takes no Shopify webhooks');
      if (secrets.length === 0) throw new ApiError(409, 'webhook_secret_not_set', 'set webhookSecret in the marketplace settings (PUT /api/v1/marketplace) to receive Shopify webhooks');
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (!verifyWebhook(raw, header(req, 'x-shopify-hmac-sha256'), secrets)) {
        throw new ApiError(401, 'invalid_signature', 'X-Shopify-Hmac-Sha256 is missing or does not match the body under the webhook secret');
      }

      const eventId = header(req, 'x-shopify-event-id');
      if (eventId && delivered.has(eventId)) return { ok: true, duplicate: true, recorded: 0 };
      const topic = header(req, 'x-shopify-topic') ?? '';
      let recorded = 0;
      if (ORDER_TOPICS.has(topic)) recorded = await recordOrder(ctx, raw);
      // Remembered only once recorded: a delivery that failed here is retried by Shopify and must count then.
      if (eventId) delivered.add(eventId);
      return { ok: true, duplicate: false, recorded, ...(!ORDER_TOPICS.has(topic) && { ignored: topic || 'no topic' }) };
    });
  });
}

async function recordOrder(ctx: StudioContext, raw: Buffer): Promise<number> {
  let payload: unknown;
  try {
    payload = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ApiError(400, 'invalid_json', 'the webhook body is not valid JSON');
  }
  const facts = payload && typeof payload === 'object' ? factsFromWebhook(payload as RestOrder, Date.now()) : null;
  if (!facts) throw new ApiError(400, 'invalid_body', 'the webhook body is not a Shopify order (id and presentment_currency are needed)');
  // The same boundary as the poller's: an order paid before the show and edited during it is not a sale of the show.
  const { since } = readCursor(ctx.core.current.salesCursors[SHOPIFY_SOURCE], Date.now());
  const orders = paidSince(incomingOrders(facts, ctx.core.current.locales), since);
  if (orders.length > 0) await ctx.core.execute({ type: 'sales.record', source: SHOPIFY_SOURCE, orders }, ACTOR);
  return orders.length;
}

function header(req: FastifyRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
