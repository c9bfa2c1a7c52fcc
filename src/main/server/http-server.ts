import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { allowedHostNames, HostAllowList } from './request-guard';
import { registerStaticFiles, sendFile } from './static-files';
import { registerOverlayPages } from './overlay-pages';
import { LiveFeed } from './live-feed';
import type { StudioContext } from './studio-context';
import type { Credentials } from './authenticate';
import { LanListeners } from './lan-listeners';
import { capConnections, CLIENT_LIMITS, isLoopbackAddress, serverOptions, type ClientLimits } from './client-limits';
import { LanMode } from './lan-mode';
import type { LanStore } from '../settings/studio-settings';
import { addSecurityHeaders } from './security-headers';
import { checkUpgrade, guardRequests, type Gate } from './auth-hook';
import { answerErrors, type ErrorRecorder } from './error-handler';
import { acceptBodies, BODY_LIMIT } from './parsers';
import { livePresence } from './live-presence';
import { registerAccessRoutes } from './routes/access-routes';
import { registerShowRoutes } from './routes/show-routes';
import { registerCommandRoutes } from './routes/command-routes';
import { registerTimingRoutes } from './routes/timing-routes';
import { registerProductRoutes } from './routes/product-routes';
import { registerObsRoutes } from './routes/obs-routes';
import { registerMarketplaceRoutes } from './routes/marketplace-routes';
import { registerShopifyWebhookRoutes } from './routes/shopify-webhook-routes';
import { registerMediaRoutes } from './routes/media-routes';
import { registerGraphicsRoutes } from './routes/graphics-routes';
import { registerLibraryRoutes } from './routes/library-routes';

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
  errorLog?: ErrorRecorder;
  /** Time limits and connection caps for clients (tests shorten them). */
  clientLimits?: Partial<ClientLimits>;
}

export interface RunningServer {
  app: FastifyInstance;
  port: number;
  /** Follows the view once the studio registers it with its other followers (`live.follow()`). */
  live: LiveFeed;
  /** Listening on the studio's own address already; `lan.start()` opens the LAN listeners if LAN mode is on. */
  lan: LanMode;
  close(): Promise<void>;
}

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
  const credentials: Credentials = { ownerToken: options.token, overlayToken: options.overlayToken, devices: ctx.access.devices };
  // LAN mode adds and removes names on this list while the studio runs.
  const allowed = new HostAllowList(allowedHostNames(options.host, options.lanNames));
  const gate: Gate = {
    allowed,
    port: () => port,
    credentials,
    seen: (id) => ctx.access.devices.seen(id)
  };
  const live = new LiveFeed(ctx.views, livePresence(ctx.access));

  acceptBodies(app);
  addSecurityHeaders(app);
  guardRequests(app, gate);
  answerErrors(app, options.errorLog);

  // Public: a monitor learns whether the studio can save changes, never what the show holds.
  app.get('/api/v1/health', () => {
    const { writable, reason } = ctx.core.journalStatus();
    return { ok: writable, version: ctx.version, journal: { writable, ...(reason !== undefined && { reason }) } };
  });
  registerShowRoutes(app, ctx);
  registerCommandRoutes(app, ctx);
  registerTimingRoutes(app, ctx);
  registerProductRoutes(app, ctx);
  registerObsRoutes(app, ctx);
  registerMarketplaceRoutes(app, ctx);
  registerShopifyWebhookRoutes(app, ctx);
  registerMediaRoutes(app, ctx);
  registerGraphicsRoutes(app, ctx);
  registerLibraryRoutes(app, ctx);
  registerStaticFiles(app, options.rendererDir, options.mediaDirs);
  // The page a paired device's QR code opens: the control room, which shows its pairing screen there.
  app.get('/pair', (_req, reply) => sendFile(reply, join(options.rendererDir, 'index.html'), 'no-cache'));
  registerOverlayPages(app, options.rendererDir);
  // The host's monitor: the page is public like the control room's; its live feed needs the token.
  app.get('/host', (_req, reply) => sendFile(reply, join(options.rendererDir, 'host.html'), 'no-cache'));

  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const checked = checkUpgrade(req, gate);
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

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::';
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
