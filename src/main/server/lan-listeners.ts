import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { capConnections, CLIENT_LIMITS, serverOptions, type ClientLimits } from './client-limits';

export interface ListenerHandlers {
  request(req: IncomingMessage, res: ServerResponse): void;
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
}

interface Listener {
  server: Server;
  sockets: Set<Socket>;
}

/**
 * The extra listeners of LAN mode: one per LAN address, at the studio's port, serving the same app
 * and the same live feed. Closing them also cuts every connection made through them (live sockets
 * included), so turning LAN mode off takes effect at once.
 */
export class LanListeners {
  private listeners: Listener[] = [];

  constructor(
    private readonly handlers: ListenerHandlers,
    private readonly limits: ClientLimits = CLIENT_LIMITS
  ) {}

  /** Listens on every address, or on none: a failure closes the ones already opened and throws. */
  async listen(addresses: readonly string[], port: number): Promise<void> {
    await this.close();
    try {
      for (const address of addresses) this.listeners.push(await this.listenOn(address, port));
    } catch (err) {
      await this.close();
      throw err;
    }
  }

  async close(): Promise<void> {
    const closing = this.listeners;
    this.listeners = [];
    await Promise.all(
      closing.map(
        ({ server, sockets }) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            for (const socket of sockets) socket.destroy();
          })
      )
    );
  }

  private listenOn(address: string, port: number): Promise<Listener> {
    const server = createServer(serverOptions(this.limits), this.handlers.request);
    server.setTimeout(this.limits.idleTimeoutMs);
    // Everyone here is on the studio network: one address cannot take every connection.
    capConnections(server, this.limits.connectionsPerAddress);
    const sockets = new Set<Socket>();
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    server.on('upgrade', this.handlers.upgrade);
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: address, port }, () => {
        server.off('error', reject);
        // An error after listening (out of file descriptors, say) must not take the show down with
        // it: the loopback listener keeps serving, and the next accept tries again.
        server.on('error', () => {});
        resolve({ server, sockets });
      });
    });
  }
}
