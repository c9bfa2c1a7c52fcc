import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { CommandError } from '../show/command-error';
import { ApiError, codeForStatus, errorBody } from './api-error';
import { allowedHostNames, bearerToken, isAllowedHost, isAllowedOrigin, tokenMatches } from './request-guard';
import { registerStaticFiles } from './static-files';
import { isOverlayPage, registerOverlayPages } from './overlay-pages';
import { SECURITY_HEADERS } from './content-security';
import { LiveFeed } from './live-feed';
import type { StudioContext } from './studio-context';
import { registerShowRoutes } from './routes/show-routes';
import { registerRundownRoutes } from './routes/rundown-routes';
import { registerProductRoutes } from './routes/product-routes';
import { registerObsRoutes } from './routes/obs-routes';
import { registerMarketplaceRoutes } from './routes/marketplace-routes';
import { registerShopifyWebhookRoutes, SHOPIFY_WEBHOOK_PATH } from './routes/shopify-webhook-routes';

export interface HttpServerOptions {
  host: string;
  port: number;
  token: string;
  /** Read-only token for overlay pages (it ends up in OBS's scene files). */
  overlayToken: string;
  rendererDir: string;
  mediaDirs: Record<string, string>;
  lanNames?: string[];
}

export interface RunningServer {
  app: FastifyInstance;
  port: number;
  live: LiveFeed;
  close(): Promise<void>;
}

/**
 * The only API paths that take no bearer token: the health check, and Shopify's webhook (Shopify
 * cannot send a token; the route checks the delivery's HMAC signature instead).
 */
const PUBLIC_API_PATHS = new Set(['/api/v1/health', SHOPIFY_WEBHOOK_PATH]);

/** Commands are small; catalogue imports raise their own limit. */
const BODY_LIMIT = 256 * 1024;

export async function startHttpServer(ctx: StudioContext, options: HttpServerOptions): Promise<RunningServer> {
  // forceCloseConnections: a stuck or half-closed client must never hold up a clean shutdown.
  const app = Fastify({ bodyLimit: BODY_LIMIT, logger: false, return503OnClosing: true, forceCloseConnections: true });
  let port = options.port;
  const allowed = allowedHostNames(options.host, options.lanNames);
  const live = new LiveFeed(ctx.views);

  acceptBodies(app);
  // Every answer, JSON errors included, carries the policy: a page is never framed or sniffed.
  app.addHook('onSend', async (_req, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) if (!reply.hasHeader(name)) reply.header(name, value);
  });

  app.addHook('onRequest', async (req, reply) => {
    if (!isAllowedHost(req.headers.host, allowed)) {
      return reply.code(421).send(errorBody('unknown_host', 'this address is not the studio\'s; open the Control URL it printed'));
    }
    if (!isAllowedOrigin(req.headers.origin, allowed, port)) {
      return reply.code(403).send(errorBody('forbidden_origin', 'requests from other web sites are refused'));
    }
    const path = req.url.split('?')[0];
    if (path.startsWith('/api/v1/') && !PUBLIC_API_PATHS.has(path) && !tokenMatches(bearerToken(req.headers.authorization), options.token)) {
      return reply.code(401).send(errorBody('unauthorized', 'a valid token is required: Authorization: Bearer TOKEN'));
    }
    if (isOverlayPage(path) && !readsShow(new URL(req.url, 'http://studio').searchParams.get('token'), options)) {
      return reply.code(401).send(errorBody('unauthorized', 'an overlay URL needs its ?token= (copy it from the control room)'));
    }
  });

  app.setErrorHandler((err: FastifyError | Error, _req, reply) => {
    if (err instanceof CommandError) return reply.code(err.status).send(errorBody(err.code, err.message, revisionOf(err.revision)));
    if (err instanceof ApiError) return reply.code(err.status).send(errorBody(err.code, err.message, err.extra));
    const status = (err as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) return reply.code(status).send(errorBody(codeForStatus(status), err.message));
    if (/journal could not be written/.test(err.message)) return reply.code(503).send(errorBody('journal_unavailable', err.message));
    reply.log.error(err);
    return reply.code(500).send(errorBody('internal_error', 'the studio hit an unexpected error; it has been logged'));
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send(errorBody('not_found', `no route ${req.method} ${req.url.split('?')[0]}`)));

  app.get('/api/v1/health', () => ({ ok: true, version: ctx.version }));
  registerShowRoutes(app, ctx);
  registerRundownRoutes(app, ctx);
  registerProductRoutes(app, ctx);
  registerObsRoutes(app, ctx);
  registerMarketplaceRoutes(app, ctx);
  registerShopifyWebhookRoutes(app, ctx);
  registerStaticFiles(app, options.rendererDir, options.mediaDirs);
  registerOverlayPages(app, options.rendererDir);

  app.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = upgradeRefusal(req, allowed, port, options);
    if (refusal) {
      // destroy after writing: the refused client may never close its side of the socket.
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
      return;
    }
    live.accept(req, socket, head);
  });

  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : options.port;

  return {
    app,
    port,
    live,
    async close() {
      live.close();
      await app.close();
    }
  };
}

function revisionOf(revision: number | undefined) {
  return revision === undefined ? {} : { revision };
}

/** The live feed is read-only: the owner's token or the overlays' token may read it. */
function readsShow(token: string | null, options: HttpServerOptions): boolean {
  return tokenMatches(token, options.token) || tokenMatches(token, options.overlayToken);
}

function upgradeRefusal(req: IncomingMessage, allowed: Set<string>, port: number, options: HttpServerOptions): string | null {
  const url = new URL(req.url ?? '/', 'http://studio');
  if (url.pathname !== '/api/v1/live') return '404 Not Found';
  if (!isAllowedHost(req.headers.host, allowed)) return '421 Misdirected Request';
  if (!isAllowedOrigin(req.headers.origin, allowed, port)) return '403 Forbidden';
  if (!readsShow(url.searchParams.get('token'), options)) return '401 Unauthorized';
  return null;
}

/**
 * JSON bodies may be empty (a Stream Deck key posting "next" with a JSON content type); CSV comes
 * in as text for the catalogue import.
 */
function acceptBodies(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new ApiError(400, 'invalid_json', 'the body is not valid JSON'), undefined);
    }
  });
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, String(body)));
}
