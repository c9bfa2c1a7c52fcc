import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { errorBody } from './api-error';
import { bearerToken, isAllowedHost, isAllowedOrigin, type HostNames } from './request-guard';
import { isOverlayPage } from './overlay-pages';
import { admit } from './studio-context';
import { principalOf, type Credentials } from './authenticate';
import { PUBLIC_API_PATHS, routeRefusal } from './route-access';
import { isOperator, type Principal } from '../access/principal';

/** What every request is checked against: the names the studio answers to, its port, who holds which token. */
export interface Gate {
  allowed: HostNames;
  /** Read per request: known only once the server listens on a free port. */
  port(): number;
  credentials: Credentials;
  /** A paired device's request counts as it being seen. */
  seen(deviceId: string): void;
}

/**
 * The checks before any route runs: a name the studio answers to, an Origin of its own, then a
 * token whose role may use the route (API) or read the show (overlay pages).
 */
export function guardRequests(app: FastifyInstance, gate: Gate): void {
  app.addHook('onRequest', async (req, reply) => {
    if (!isAllowedHost(req.headers.host, gate.allowed)) {
      return reply.code(421).send(errorBody('unknown_host', 'this address is not the studio\'s; open the Control URL it printed'));
    }
    if (!isAllowedOrigin(req.headers.origin, gate.allowed, gate.port())) {
      return reply.code(403).send(errorBody('forbidden_origin', 'requests from other web sites are refused'));
    }
    const path = req.url.split('?')[0];
    // The matched route, not the raw path: a percent-encoded path must not slip past the checks.
    const route = req.routeOptions.url ?? path;
    if (route.startsWith('/api/v1/') && !PUBLIC_API_PATHS.has(route)) {
      const principal = principalOf(bearerToken(req.headers.authorization), gate.credentials);
      if (!isOperator(principal)) return reply.code(401).send(errorBody('unauthorized', 'a valid token is required: Authorization: Bearer TOKEN'));
      const refusal = routeRefusal(principal.role, req.method, route);
      if (refusal) return reply.code(403).send(errorBody('forbidden', refusal));
      admit(req, principal);
      if (principal.kind === 'device') gate.seen(principal.id);
    }
    // The matched route too: `/%6Fverlay/product` reaches the same page and needs the same token.
    if ((isOverlayPage(path) || route === '/overlay/:name') && !readsShow(principalOf(new URL(req.url, 'http://studio').searchParams.get('token'), gate.credentials))) {
      return reply.code(401).send(errorBody('unauthorized', 'an overlay URL needs its ?token= (copy it from the control room)'));
    }
  });
}

/**
 * The same checks for the live feed's WebSocket upgrade (it never reaches Fastify's hooks): its
 * principal, or the status line refusing it. Any role may read the feed.
 */
export function checkUpgrade(req: IncomingMessage, gate: Gate): Principal | string {
  const url = new URL(req.url ?? '/', 'http://studio');
  if (url.pathname !== '/api/v1/live') return '404 Not Found';
  if (!isAllowedHost(req.headers.host, gate.allowed)) return '421 Misdirected Request';
  if (!isAllowedOrigin(req.headers.origin, gate.allowed, gate.port())) return '403 Forbidden';
  return principalOf(url.searchParams.get('token'), gate.credentials) ?? '401 Unauthorized';
}

/** Overlay pages: the owner's token or the overlays' read-only one. */
function readsShow(principal: Principal | null): boolean {
  return principal?.kind === 'owner' || principal?.kind === 'overlay';
}
