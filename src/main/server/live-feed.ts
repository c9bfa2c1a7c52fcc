import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket } from 'ws';
import type { LiveMessage, ShowView } from '../../shared/view';
import { changedParts } from '../show/show-view';
import type { StudioViews } from '../show/studio-views';
import { seesObs, type Principal } from '../access/principal';
import { patchFor, viewFor } from '../access/view-for';
import { FeedPace } from './feed-pace';

/** What the feed tells the studio about who is connected (presence, last seen). */
export interface LiveWatcher {
  /** A socket opened for this principal; the returned function is called once when it closes. */
  opened(principal: Principal): () => void;
  /** The principal's client spoke (a keep-alive or any message). */
  heard(principal: Principal): void;
}

const NO_WATCHER: LiveWatcher = { opened: () => () => {}, heard: () => {} };

const HEARTBEAT_MS = 5000;
/** A client this far behind is not reading; dropping it lets it reconnect to a fresh snapshot. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

interface Client {
  socket: WebSocket;
  alive: boolean;
  principal: Principal;
}

/**
 * `WS /api/v1/live`: a snapshot first, then the parts of the show that changed, and a heartbeat so
 * clients notice a dead link. A change after a quiet spell goes out at once (before the command's
 * HTTP answer); changes arriving faster than a frame are merged, one message a frame (FeedPace).
 */
export class LiveFeed {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly clients = new Set<Client>();
  private lastSent: ShowView;
  private readonly pace = new FeedPace();
  /** A flush is queued for the end of the current task (the change came while the feed was quiet). */
  private flushQueued = false;
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly heartbeat: NodeJS.Timeout;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly views: Pick<StudioViews, 'current' | 'subscribe'>,
    private readonly watcher: LiveWatcher = NO_WATCHER
  ) {
    this.lastSent = views.current();
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /**
   * Starts sending the changes (a follower of the view, registered with the studio's others). What
   * changed before is caught up at once: a client connected earlier misses nothing.
   */
  follow(): () => void {
    this.unsubscribe?.();
    const off = this.views.subscribe(() => this.scheduleFlush());
    this.unsubscribe = off;
    this.scheduleFlush();
    return () => {
      off();
      if (this.unsubscribe === off) this.unsubscribe = null;
    };
  }

  /** Hands an already authorized upgrade to the feed, with who it is. */
  accept(req: IncomingMessage, socket: Duplex, head: Buffer, principal: Principal): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const client: Client = { socket: ws, alive: true, principal };
      this.clients.add(client);
      const closed = this.watcher.opened(principal);
      ws.on('pong', () => (client.alive = true));
      ws.on('message', () => {
        client.alive = true;
        this.watcher.heard(principal);
      });
      ws.on('close', () => {
        this.clients.delete(client);
        closed();
      });
      ws.on('error', () => ws.terminate());
      const state = viewFor(principal, this.views.current());
      this.send(client, JSON.stringify({ type: 'snapshot', state, serverTime: Date.now() } satisfies LiveMessage));
    });
  }

  /** Closes every socket of one operator at once (a revoked device: code 4001, "revoked"). */
  disconnect(operatorId: string, code: number, reason: string): void {
    for (const client of this.clients) {
      if (client.principal.kind !== 'overlay' && client.principal.id === operatorId) {
        client.socket.close(code, reason);
        // A client that never answers the close must not keep reading the show.
        setTimeout(() => client.socket.terminate(), 1000).unref();
      }
    }
  }

  close(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    clearInterval(this.heartbeat);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    for (const c of this.clients) c.socket.close(1001, 'studio stopping');
    this.wss.close();
  }

  private scheduleFlush(): void {
    if (this.flushQueued || this.flushTimer) return;
    const wait = this.pace.wait();
    if (wait > 0) {
      this.flushTimer = setTimeout(() => this.flush(), wait);
      return;
    }
    // A microtask, not a timer: every part of the same change (the core's listeners run one after
    // another) is in by then, and the message leaves before the command's HTTP answer does.
    this.flushQueued = true;
    queueMicrotask(() => this.flush());
  }

  private flush(): void {
    this.flushQueued = false;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const view = this.views.current();
    const changes = changedParts(this.lastSent, view);
    if (Object.keys(changes).length === 0) return;
    this.lastSent = view;
    this.pace.sent();
    // One message per kind of face (producers, overlays, everyone else), serialised once however many clients.
    const messages = new Map<string, string | null>();
    for (const client of this.clients) {
      const key = seesObs(client.principal) ? 'producer' : client.principal.kind === 'overlay' ? 'overlay' : 'operator';
      if (!messages.has(key)) {
        const visible = patchFor(client.principal, changes);
        messages.set(key, visible && JSON.stringify({ type: 'patch', revision: view.revision, changes: visible } satisfies LiveMessage));
      }
      const data = messages.get(key);
      if (data) this.send(client, data);
    }
  }

  private beat(): void {
    const data = JSON.stringify({ type: 'heartbeat', serverTime: Date.now(), revision: this.lastSent.revision } satisfies LiveMessage);
    for (const client of this.clients) {
      if (!client.alive) {
        client.socket.terminate();
        continue;
      }
      client.alive = false;
      client.socket.ping();
      this.send(client, data);
    }
  }

  private send(client: Client, data: string): void {
    if (client.socket.readyState !== WebSocket.OPEN) return;
    if (client.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      client.socket.terminate();
      return;
    }
    client.socket.send(data);
  }
}
