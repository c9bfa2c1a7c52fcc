import type { Role } from '../../shared/access';
import { SHOPIFY_WEBHOOK_PATH } from './routes/shopify-webhook-routes';

/**
 * `/api/v1/*` paths that take no bearer token: the health probe, pairing (the code, then the
 * waiting device's ticket, are the credentials; only the producer's allowing gives a token), and Shopify's webhook (Shopify cannot send a token; the route checks the delivery's
 * HMAC signature instead).
 */
export const PUBLIC_API_PATHS: ReadonlySet<string> = new Set(['/api/v1/health', '/api/v1/pair', '/api/v1/pair/status', '/api/v1/pair/cancel', SHOPIFY_WEBHOOK_PATH]);

interface ProducerOnlyRule {
  /** `*` for every method. */
  method: string;
  /** A route as registered (`/api/v1/obs/connections/:id`), matched exactly or as a prefix folder. */
  route: string;
  /** Completes "a moderator cannot …". */
  what: string;
}

/**
 * Routes only a producer may use: the studio's settings, secrets, catalogue and devices. Moderators
 * and viewers get 403 here; commands they may not run are refused again by the core (`mayRun`).
 */
const PRODUCER_ONLY: readonly ProducerOnlyRule[] = [
  { method: '*', route: '/api/v1/obs', what: 'change or read OBS settings' },
  { method: '*', route: '/api/v1/marketplace', what: 'change or read marketplace settings' },
  { method: '*', route: '/api/v1/lan', what: 'change LAN mode or pair devices' },
  { method: '*', route: '/api/v1/devices', what: 'manage devices' },
  { method: '*', route: '/api/v1/overlays', what: 'read the overlay token' },
  { method: 'POST', route: '/api/v1/products/import', what: 'import the catalogue' },
  { method: 'PATCH', route: '/api/v1/show', what: 'change the show\'s settings' },
  { method: 'GET', route: '/api/v1/sales/report.csv', what: 'download the sales report' },
  { method: 'GET', route: '/api/v1/sales/report.html', what: 'open the sales report' },
  { method: 'POST', route: '/api/v1/clips', what: 'cut or cancel clips' },
  { method: 'PUT', route: '/api/v1/clips', what: 'map recording folders' },
  { method: 'POST', route: '/api/v1/recordings', what: 'start or stop recordings' }
];

/** Why this role may not use this route, or null when it may. `route` is the matched route pattern. */
export function routeRefusal(role: Role, method: string, route: string): string | null {
  if (role === 'producer') return null;
  // Fastify answers HEAD with the GET handler: it is refused wherever GET is.
  const asMethod = method === 'HEAD' ? 'GET' : method;
  const rule = PRODUCER_ONLY.find((r) => (r.method === '*' || r.method === asMethod) && (route === r.route || route.startsWith(`${r.route}/`)));
  return rule ? `a ${role} cannot ${rule.what}` : null;
}
