import type { Role } from '../../shared/access';
import { COMMAND_NAMES, COMMANDS, type CommandName } from '../../shared/command-registry';
import { SHOPIFY_WEBHOOK_PATH } from './routes/shopify-webhook-routes';

/**
 * `/api/v1/*` paths that take no bearer token: the health probe, pairing (the code, then the
 * waiting device's ticket, are the credentials; only the producer's allowing gives a token), and Shopify's webhook (Shopify cannot send a token; the route checks the delivery's
 * HMAC signature instead).
 */
export const PUBLIC_API_PATHS: ReadonlySet<string> = new Set(['/api/v1/health', '/api/v1/pair', '/api/v1/pair/status', '/api/v1/pair/cancel', SHOPIFY_WEBHOOK_PATH]);

interface RouteRule {
  /** `*` for every method. */
  method: string;
  /** A route as registered (`/api/v1/obs/connections/:id`), matched exactly or as a prefix folder. */
  route: string;
  /** Roles that may use it. */
  roles: readonly Role[];
  /** Completes "a moderator cannot …". */
  what: string;
  /** Routes inside the folder that stay open to every role. */
  except?: readonly string[];
}

const PRODUCER: readonly Role[] = ['producer'];

/**
 * Routes that are not commands: the studio's settings, secrets, devices and reports, the
 * producer's alone. Command routes take their roles from the command registry (below).
 */
const SETTINGS_ROUTES: readonly RouteRule[] = [
  { method: '*', route: '/api/v1/obs', roles: PRODUCER, what: 'change or read OBS settings' },
  { method: '*', route: '/api/v1/marketplace', roles: PRODUCER, what: 'change or read marketplace settings' },
  { method: '*', route: '/api/v1/lan', roles: PRODUCER, what: 'change LAN mode or pair devices' },
  { method: '*', route: '/api/v1/devices', roles: PRODUCER, what: 'manage devices' },
  { method: '*', route: '/api/v1/overlays', roles: PRODUCER, what: 'read the overlay token' },
  { method: 'GET', route: '/api/v1/sales/report.csv', roles: PRODUCER, what: 'download the sales report' },
  { method: 'GET', route: '/api/v1/sales/report.html', roles: PRODUCER, what: 'open the sales report' },
  { method: 'POST', route: '/api/v1/clips', roles: PRODUCER, what: 'cut or cancel clips' },
  { method: 'PUT', route: '/api/v1/clips', roles: PRODUCER, what: 'map recording folders' },
  { method: 'POST', route: '/api/v1/recordings', roles: PRODUCER, what: 'start or stop recordings' },
  // A show's YouTube chapters (media) live under /shows too and stay readable by the whole crew, as before the library.
  { method: '*', route: '/api/v1/shows', roles: PRODUCER, what: 'manage the show library', except: ['/api/v1/shows/:id/chapters.txt'] },
  { method: '*', route: '/api/v1/reports', roles: PRODUCER, what: 'download season reports' }
];

/** `METHOD route` of each command's route → the command: refused here before its body is read. */
const COMMAND_ROUTES: ReadonlyMap<string, CommandName> = new Map(
  COMMAND_NAMES.flatMap((name) => {
    const http = COMMANDS[name].http;
    return http ? [[`${http.method} ${http.path}`, name] as const] : [];
  })
);

/** Why this role may not use this route, or null when it may. `route` is the matched route pattern. */
export function routeRefusal(role: Role, method: string, route: string): string | null {
  const command = COMMAND_ROUTES.get(`${method} ${route}`);
  if (command) return COMMANDS[command].roles.includes(role) ? null : `a ${role} cannot run ${command}`;
  // Fastify answers HEAD with the GET handler: it is refused wherever GET is.
  const asMethod = method === 'HEAD' ? 'GET' : method;
  const rule = SETTINGS_ROUTES.find((r) => (r.method === '*' || r.method === asMethod) && (route === r.route || route.startsWith(`${r.route}/`)) && !r.except?.includes(route));
  return rule && !rule.roles.includes(role) ? `a ${role} cannot ${rule.what}` : null;
}
