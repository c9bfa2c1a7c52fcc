import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { CommandError } from '../show/command-error';
import { DiskUnwritableError } from '../disk-errors';
import { ApiError, codeForStatus, errorBody } from './api-error';
import { allowedHostNames, bearerToken, HostAllowList, isAllowedHost, isAllowedOrigin, type HostNames } from './request-guard';
import { registerStaticFiles } from './static-files';
import { isOverlayPage, registerOverlayPages } from './overlay-pages';
import { SECURITY_HEADERS } from './content-security';
import { LiveFeed, type LiveWatcher } from './live-feed';
import { admit, type StudioContext } from './studio-context';
import { principalOf, type Credentials } from './authenticate';
import { PUBLIC_API_PATHS, routeRefusal } from './route-access';
import { LanListeners } from './lan-listeners';
import { declaredTooLarge, textUpload } from './text-upload';
import { capConnections, CLIENT_LIMITS, closesAfterAnswer, isLoopbackAddress, serverOptions, type ClientLimits } from './client-limits';
import { LanMode } from './lan-mode';
import { isOperator, type Principal } from '../access/principal';
import type { LanStore } from '../settings/studio-settings';
import { registerAccessRoutes } from './routes/access-routes';
import { registerShowRoutes } from './routes/show-routes';
import { registerRundownRoutes } from './routes/rundown-routes';
import { registerTimingRoutes } from './routes/timing-routes';
import { registerProductRoutes } from './routes/product-routes';
import { registerObsRoutes } from './routes/obs-routes';
import { registerMarketplaceRoutes } from './routes/marketplace-routes';
import { registerShopifyWebhookRoutes } from './routes/shopify-webhook-routes';
import { sendFile } from './static-files';
import { join } from 'node:path';

export interface HttpServerOptions {
  host: string;
  port: number;
  token: string;
  /** Read-only token for overlay pages (it ends up in OBS's scene files). */
  overlayToken: string;
  rendererDir: string;
  mediaDirs: Record<string, string>;
  lanNames?: string[];
  /** The machine's addresses on the studio network, for LAN mode (read when needed). */
  lanAddresses: () => readonly string[];
  /** Whether LAN mode is on (persisted). */
  lan: LanStore;
  /** Where unexpected errors are written; its id goes back in the 500 answer. */
  errorLog?: { record(err: unknown, where?: string): string };
  /** Time limits and connection caps for clients (tests shorten them). */
  clientLimits?: Partial<ClientLimits>;
}

export interface RunningServer {
  app: FastifyInstance;
  port: number;
  live: LiveFeed;
  lan: LanMode;
  close(): Promise<void>;
}

/** Commands are small; catalogue imports raise their own limit. */
const BODY_LIMIT = 256 * 1024;

export async function startHttpServer(ctx: StudioContext, options: HttpServerOptions): Promise<RunningServer> {
  const limits: ClientLimits = { ...CLIENT_LIMITS, ...options.clientLimits };
  // forceCloseConnections: a stuck or half-closed client must never hold up a clean shutdown.
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    logger: false,
    return503OnClosing: true,
    forceCloseConnections: true,
    http: serverOptions(limits),
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionTimeout: limits.idleTimeoutMs
  });
  // Bound to a network address (`--host 0.0.0.0`), this server takes the studio network's
  // connections itself: each address gets the cap, this machine none.
  capConnections(app.server, limits.connectionsPerAddress, isLoopbackAddress);
  let port = options.port;
  const allowed = new HostAllowList(allowedHostNames(options.host, options.lanNames));
  const credentials: Credentials = { ownerToken: options.token, overlayToken: options.overlayToken, devices: ctx.access.devices };
  const live = new LiveFeed(ctx.views, liveWatcher(ctx));

  acceptBodies(app);
  // Every answer, JSON errors included, carries the policy: a page is never framed or sniffed.
  app.addHook('onSend', async (req, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) if (!reply.hasHeader(name)) reply.header(name, value);
    // Answered before the body was read (refused, or too large): the rest is not waited for.
    if (closesAfterAnswer(req.raw)) reply.header('connection', 'close');
  });

  app.addHook('onRequest', async (req, reply) => {
    if (!isAllowedHost(req.headers.host, allowed)) {
      return reply.code(421).send(errorBody('unknown_host', 'this address is not the studio\'s; open the Control URL it printed'));
    }
    if (!isAllowedOrigin(req.headers.origin, allowed, port)) {
      return reply.code(403).send(errorBody('forbidden_origin', 'requests from other web sites are refused'));
    }
    const path = req.url.split('?')[0];
    // The matched route, not the raw path: a percent-encoded path must not slip past the checks.
    const route = req.routeOptions.url ?? path;
    if (route.startsWith('/api/v1/') && !PUBLIC_API_PATHS.has(route)) {
      const principal = principalOf(bearerToken(req.headers.authorization), credentials);
      if (!isOperator(principal)) return reply.code(401).send(errorBody('unauthorized', 'a valid token is required: Authorization: Bearer TOKEN'));
      const refusal = routeRefusal(principal.role, req.method, route);
      if (refusal) return reply.code(403).send(errorBody('forbidden', refusal));
      admit(req, principal);
      if (principal.kind === 'device') ctx.access.devices.seen(principal.id);
    }
    // The matched route too: `/%6Fverlay/product` reaches the same page and needs the same token.
    if ((isOverlayPage(path) || route === '/overlay/:name') && !readsShow(principalOf(new URL(req.url, 'http://studio').searchParams.get('token'), credentials))) {
      return reply.code(401).send(errorBody('unauthorized', 'an overlay URL needs its ?token= (copy it from the control room)'));
    }
  });

  app.setErrorHandler((err: FastifyError | Error, req, reply) => {
    if (err instanceof CommandError) return reply.code(err.status).send(errorBody(err.code, err.message, revisionOf(err.revision)));
    if (err instanceof ApiError) return reply.code(err.status).send(errorBody(err.code, err.message, err.extra));
    const status = (err as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) return reply.code(status).send(errorBody(codeForStatus(status), err.message));
    if (err instanceof DiskUnwritableError) return reply.code(503).header('retry-after', '2').send(errorBody(err.code, err.message));
    // The route as registered, never the raw URL: a query may carry a token.
    const id = options.errorLog?.record(err, `${req.method} ${req.routeOptions.url ?? 'unknown route'}`);
    return reply.code(500).send(errorBody('internal_error', `the studio hit an unexpected error${id ? `; it is logged as ${id}` : ''}`, id ? { id } : {}));
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send(errorBody('not_found', `no route ${req.method} ${req.url.split('?')[0]}`)));

  // Public: a monitor learns whether the studio can save changes, never what the show holds.
  app.get('/api/v1/health', () => {
    const { writable, reason } = ctx.core.journalStatus();
    return { ok: writable, version: ctx.version, journal: { writable, ...(reason !== undefined && { reason }) } };
  });
  registerShowRoutes(app, ctx);
  registerRundownRoutes(app, ctx);
  registerTimingRoutes(app, ctx);
  registerProductRoutes(app, ctx);
  registerObsRoutes(app, ctx);
  registerMarketplaceRoutes(app, ctx);
  registerShopifyWebhookRoutes(app, ctx);
  registerStaticFiles(app, options.rendererDir, options.mediaDirs);
  // The page a paired device's QR code opens: the control room, which shows its pairing screen there.
  app.get('/pair', (_req, reply) => sendFile(reply, join(options.rendererDir, 'index.html'), 'no-cache'));
  registerOverlayPages(app, options.rendererDir);
  // The host's monitor: the page is public like the control room's; its live feed needs the token.
  app.get('/host', (_req, reply) => sendFile(reply, join(options.rendererDir, 'host.html'), 'no-cache'));

  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const checked = checkUpgrade(req, allowed, port, credentials);
    if (typeof checked === 'string') {
      // destroy after writing: the refused client may never close its side of the socket.
      socket.end(`HTTP/1.1 ${checked}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
      return;
    }
    live.accept(req, socket, head, checked);
  };
  app.server.on('upgrade', upgrade);

  // `serve --host 0.0.0.0` or a LAN address: the studio is on the network from the start.
  const boundToLan = isWildcard(options.host) || options.lanAddresses().includes(options.host) || !isLoopback(options.host);
  const listeners = new LanListeners({ request: (req, res) => app.routing(req, res), upgrade }, limits);
  const lan = new LanMode({
    store: options.lan,
    // Bound to one network address: that address is the LAN; bound to all: every LAN address is.
    addresses: isWildcard(options.host) || !boundToLan ? options.lanAddresses : () => [options.host],
    boundToLan,
    allowList: allowed,
    listeners,
    pairing: ctx.access.pairing,
    loopbackUrl: () => `http://127.0.0.1:${port}`,
    port: () => port
  });
  registerAccessRoutes(app, ctx, lan, live);

  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : options.port;
  await lan.start();

  return {
    app,
    port,
    live,
    lan,
    async close() {
      live.close();
      await lan.close();
      await app.close();
    }
  };
}

function revisionOf(revision: number | undefined) {
  return revision === undefined ? {} : { revision };
}

/** Overlay pages: the owner's token or the overlays' read-only one. */
function readsShow(principal: Principal | null): boolean {
  return principal?.kind === 'owner' || principal?.kind === 'overlay';
}

/** The live feed's principal, or the status line refusing the upgrade. Any role may read the feed. */
function checkUpgrade(req: IncomingMessage, allowed: HostNames, port: number, credentials: Credentials): Principal | string {
  const url = new URL(req.url ?? '/', 'http://studio');
  if (url.pathname !== '/api/v1/live') return '404 Not Found';
  if (!isAllowedHost(req.headers.host, allowed)) return '421 Misdirected Request';
  if (!isAllowedOrigin(req.headers.origin, allowed, port)) return '403 Forbidden';
  return principalOf(url.searchParams.get('token'), credentials) ?? '401 Unauthorized';
}

/** Presence and last-seen from the live feed: overlays (OBS) are not operators. */
function liveWatcher(ctx: StudioContext): LiveWatcher {
  const { devices, presence } = ctx.access;
  return {
    opened(principal) {
      if (!isOperator(principal)) return () => {};
      if (principal.kind === 'device') devices.seen(principal.id);
      const left = presence.connected(principal);
      return () => {
        left();
        if (principal.kind === 'device') {
          devices.seen(principal.id);
          devices.flush();
        }
      };
    },
    heard(principal) {
      if (principal.kind === 'device') devices.seen(principal.id);
    }
  };
}

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::';
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/**
 * JSON bodies may be empty (a Stream Deck key posting "next" with a JSON content type); CSV comes
 * in as a stream of text for the catalogue import.
 */
function acceptBodies(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    // A route that parses its own JSON off the show's thread (the catalogue import) gets the bytes.
    if ((req.routeOptions.config as { jsonAsBytes?: boolean } | undefined)?.jsonAsBytes) return done(null, body);
    const text = (body as Buffer).toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new ApiError(400, 'invalid_json', 'the body is not valid JSON'), undefined);
    }
  });
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, (_req, body, done) => done(null, String(body)));
  // A CSV catalogue (up to 50 MiB) is handed on as a stream and read while it arrives.
  app.addContentTypeParser('text/csv', (req, payload, done) => {
    const limit = req.routeOptions.bodyLimit ?? BODY_LIMIT;
    if (declaredTooLarge(payload, limit)) return done(new ApiError(413, 'body_too_large', `the upload is larger than ${Math.round(limit / (1024 * 1024))} MiB`), undefined);
    done(null, textUpload(payload, limit));
  });
}
