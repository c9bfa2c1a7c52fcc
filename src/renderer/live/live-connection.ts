import type { LiveMessage } from '@shared/view';

export type LinkStatus = 'connecting' | 'live' | 'offline';

/** The studio sends a heartbeat every 5 s: this long without a word means the link is dead. */
const SILENCE_MS = 12_000;
/** Short drops (a studio restart, a Wi-Fi roam) show calmly as "reconnecting"; only longer ones alarm. */
const OFFLINE_AFTER_MS = 3_000;
/** The studio closes a revoked device's sockets with this code: dialling again is pointless. */
export const REVOKED_CLOSE_CODE = 4001;

export interface LiveHooks {
  /** The studio revoked this credential while connected. */
  onRevoked?: () => void;
  /** The link dropped for another reason (a refused upgrade looks the same to a browser). */
  onDrop?: () => void;
}

/**
 * The live feed, kept open: reconnects with backoff after any drop or silence, and every reconnect
 * starts from the studio's snapshot, so the control room is never left on a stale show.
 */
export class LiveConnection {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private stopped = false;
  private silenceTimer: number | undefined;
  private retryTimer: number | undefined;
  private offlineTimer: number | undefined;

  constructor(
    private readonly url: string,
    private readonly onMessage: (message: LiveMessage, receivedAt: number) => void,
    private readonly onStatus: (status: LinkStatus) => void,
    private readonly hooks: LiveHooks = {}
  ) {}

  start(): void {
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    window.clearTimeout(this.silenceTimer);
    window.clearTimeout(this.retryTimer);
    window.clearTimeout(this.offlineTimer);
    this.socket?.close();
  }

  private open(): void {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    this.watchSilence();
    socket.onerror = () => this.dropped(socket);
    socket.onmessage = (event) => {
      this.watchSilence();
      const message = JSON.parse(String(event.data)) as LiveMessage;
      if (message.type === 'snapshot') {
        this.attempt = 0;
        window.clearTimeout(this.offlineTimer);
        this.offlineTimer = undefined;
        this.onStatus('live');
      }
      this.onMessage(message, Date.now());
    };
    socket.onclose = (event) => {
      if (event.code === REVOKED_CLOSE_CODE && this.socket === socket) {
        this.stop();
        this.hooks.onRevoked?.();
        return;
      }
      this.dropped(socket);
    };
  }

  private dropped(socket: WebSocket): void {
    if (this.socket !== socket) return;
    this.socket = null;
    socket.onclose = null;
    socket.close();
    window.clearTimeout(this.silenceTimer);
    if (this.stopped) return;
    // The first drop starts the clock; later failed redials neither restart it nor calm an alarm already raised.
    if (this.offlineTimer === undefined) {
      this.onStatus('connecting');
      this.offlineTimer = window.setTimeout(() => this.onStatus('offline'), OFFLINE_AFTER_MS);
    }
    this.hooks.onDrop?.();
    const delay = Math.min(5000, 500 * 2 ** this.attempt++) * (0.75 + Math.random() * 0.5);
    this.retryTimer = window.setTimeout(() => this.open(), delay);
  }

  private watchSilence(): void {
    window.clearTimeout(this.silenceTimer);
    const socket = this.socket;
    // A half-open link never fires close by itself: drop it and dial again.
    if (socket) this.silenceTimer = window.setTimeout(() => this.dropped(socket), SILENCE_MS);
  }
}
