import { networkInterfaces, hostname } from 'node:os';

/**
 * Which names may appear in a request's Host header. Refusing every other name stops DNS-rebinding
 * pages (evil.example resolving to 127.0.0.1) from reaching the studio through the user's browser.
 */
export function allowedHostNames(boundHost: string, lanNames: readonly string[] = []): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '::1', boundHost.toLowerCase(), ...lanNames.map((n) => n.toLowerCase())]);
  if (boundHost === '0.0.0.0' || boundHost === '::') {
    for (const addrs of Object.values(networkInterfaces())) for (const a of addrs ?? []) names.add(a.address.toLowerCase());
    names.add(hostname().toLowerCase());
    names.add(`${hostname().toLowerCase()}.local`);
  }
  return names;
}

/** `127.0.0.1:4555` → `127.0.0.1`; `[::1]:4555` → `::1`. */
export function hostNameOf(hostHeader: string | undefined): string | null {
  if (!hostHeader) return null;
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return end > 0 ? h.slice(1, end) : null;
  }
  return h.split(':')[0] || null;
}

/** The names a request may be addressed to; LAN mode adds and removes some while the studio runs. */
export type HostNames = Pick<ReadonlySet<string>, 'has'>;

/** The bound names, plus the LAN names while LAN mode is on. */
export class HostAllowList implements HostNames {
  private lan: ReadonlySet<string> = new Set();

  constructor(private readonly bound: ReadonlySet<string>) {}

  has(name: string): boolean {
    return this.bound.has(name) || this.lan.has(name);
  }

  setLanNames(names: readonly string[]): void {
    this.lan = new Set(names.map((n) => n.toLowerCase()));
  }
}

/** What a device on the network may call the studio: its addresses and the machine's name (with `.local` for mDNS). */
export function lanHostNames(addresses: readonly string[]): string[] {
  const name = hostname().toLowerCase();
  return [...addresses, name, `${name}.local`];
}

export function isAllowedHost(hostHeader: string | undefined, allowed: HostNames): boolean {
  const name = hostNameOf(hostHeader);
  return name !== null && allowed.has(name);
}

/**
 * A browser's Origin must be the studio itself (any allowed name, the studio's port). Requests
 * without an Origin come from non-browser clients (Companion, scripts, OBS) and pass.
 */
export function isAllowedOrigin(origin: string | undefined, allowed: HostNames, port: number): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const originPort = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  return originPort === port && allowed.has(hostNameOf(url.host) ?? '');
}


export function bearerToken(authorization: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return m ? m[1] : null;
}

/** Kept here for callers of the server's guard; the comparison itself lives in the common layer. */
export { tokenMatches } from '../common/constant-time';
