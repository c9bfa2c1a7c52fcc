import type { IncomingMessage, Server, ServerOptions } from 'node:http';
import type { Socket } from 'node:net';

/**
 * How long and how greedily one client may hold the studio's server. A slow or stuck client (a
 * tablet on bad Wi-Fi, or someone on the network trickling bytes on purpose) is cut off; the show's
 * own faces never come near these.
 */
export interface ClientLimits {
  /** From connecting to the end of the request headers. */
  headersTimeoutMs: number;
  /** The whole request, body included: a 50 MB catalogue over the studio network fits easily. */
  requestTimeoutMs: number;
  /** A connection with no traffic at all in either direction (live feeds are upgraded and exempt). */
  idleTimeoutMs: number;
  /** A kept-alive connection waiting for its next request. */
  keepAliveTimeoutMs: number;
  /** How often running requests are checked against the time limits. */
  checkEveryMs: number;
  /** Simultaneous connections from one address on the studio network. */
  connectionsPerAddress: number;
}

export const CLIENT_LIMITS: ClientLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 120_000,
  idleTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  checkEveryMs: 1_000,
  connectionsPerAddress: 32
};

/** The same time limits for the loopback server (Fastify) and the LAN listeners (plain http). */
export function serverOptions(limits: ClientLimits): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: limits.checkEveryMs
  };
}

/** For a server made elsewhere (Fastify sets some itself): every limit of `serverOptions` and the idle one. */
export function applyTimeouts(server: Server, limits: ClientLimits): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.setTimeout(limits.idleTimeoutMs);
}

/**
 * Caps simultaneous connections per remote address on one server: the one past the cap is closed
 * as it arrives, before a byte is read, and the others (and every other address) carry on.
 * `exempt` addresses (this machine, on the loopback server) are never counted.
 */
export function capConnections(server: Server, perAddress: number, exempt: (address: string) => boolean = () => false): void {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    if (exempt(address)) return;
    const count = open.get(address) ?? 0;
    if (count >= perAddress) {
      socket.destroy();
      return;
    }
    open.set(address, count + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}

export function isLoopbackAddress(address: string): boolean {
  return address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.');
}

/**
 * A request answered before its body was read (a 401 for a missing token, a 413): the connection
 * closes once the answer is out, instead of reading whatever the client still trickles in.
 */
export function closesAfterAnswer(req: IncomingMessage): boolean {
  return !req.complete;
}
