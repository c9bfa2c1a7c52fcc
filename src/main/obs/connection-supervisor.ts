import type { ResponseMessage } from 'obs-websocket-js';
import { backoffDelay } from './backoff';
import { reason, type Reason } from '../../shared/reason';
import { ObsConnectError, ObsRpc, type ObsFailure } from './obs-rpc';

export type LinkStatus = 'connecting' | 'identified' | 'degraded' | 'backing_off' | 'failed' | 'stopped';

export interface LinkState {
  status: LinkStatus;
  /** The reason of the last failure, shown once; cleared when identified. */
  lastError: string | null;
  /** `lastError` as a code and parameters, for the desk to word in its language. */
  lastErrorReason: Reason | null;
  failureKind: ObsFailure['kind'] | null;
  /** When the next attempt is due (backing off), epoch ms. */
  retryAt: number | null;
  obsVersion: string | null;
}

export interface LinkTarget {
  url: string;
  password: string | undefined;
}

export interface SupervisorHooks {
  /** A new session is identified: bring OBS to the current state. */
  onIdentified(rpc: ObsRpc): Promise<void>;
  /** The liveness ping's answers, which double as the health sample. */
  onSample(responses: ResponseMessage[], at: number): void;
  onChange(state: LinkState): void;
}

export interface SupervisorOptions {
  pingMs?: number;
  /** Pings missed in a row before the link is declared dead and reopened. */
  maxMissedPings?: number;
  random?: () => number;
}

/**
 * Keeps one OBS connected, because obs-websocket-js does not: one attempt at a time, backoff with
 * jitter, a ping that notices half-open links, and refusals that no retry can fix (wrong password,
 * wrong protocol) reported once and left alone until the operator changes something.
 */
export class ConnectionSupervisor {
  private state: LinkState = { status: 'stopped', lastError: null, lastErrorReason: null, failureKind: null, retryAt: null, obsVersion: null };
  private current: ObsRpc | null = null;
  private running = false;
  private readonly sleepers = new Set<() => void>();
  private loop: Promise<void> | null = null;
  private readonly pingMs: number;
  private readonly maxMissedPings: number;
  private readonly random: () => number;

  constructor(
    private target: LinkTarget,
    private readonly hooks: SupervisorHooks,
    options: SupervisorOptions = {}
  ) {
    this.pingMs = options.pingMs ?? 2000;
    this.maxMissedPings = options.maxMissedPings ?? 2;
    this.random = options.random ?? Math.random;
  }

  get link(): LinkState {
    return this.state;
  }

  /** The identified session, or null while there is none. */
  get rpc(): ObsRpc | null {
    return this.state.status === 'identified' || this.state.status === 'degraded' ? this.current : null;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeAll();
    await this.current?.close();
    await this.loop;
    this.set({ status: 'stopped', retryAt: null });
  }

  /** New address or password: drop the session and try at once. */
  retarget(target: LinkTarget): void {
    this.target = target;
    this.retryNow();
    void this.current?.close();
  }

  /** Skip the wait (the operator pressed "reconnect", or fixed the password). */
  retryNow(): void {
    this.wakeAll();
  }

  private wakeAll(): void {
    for (const wake of [...this.sleepers]) wake();
  }

  private async run(): Promise<void> {
    let attempt = 0;
    while (this.running) {
      this.set({ status: 'connecting', retryAt: null });
      const rpc = new ObsRpc();
      const closed = new Promise<ObsFailure>((resolve) => rpc.onClose(resolve));
      let failure: ObsFailure;
      try {
        const hello = await rpc.connect(this.target.url, this.target.password);
        if (!this.running) {
          await rpc.close();
          break;
        }
        attempt = 0;
        this.current = rpc;
        this.set({ status: 'identified', lastError: null, lastErrorReason: null, failureKind: null, obsVersion: hello.obsWebSocketVersion });
        this.hooks.onIdentified(rpc).catch(() => {
          // The connection's own status reports what the resync could not do.
        });
        failure = await Promise.race([closed, this.ping(rpc)]);
        await rpc.close();
      } catch (err) {
        failure = err instanceof ObsConnectError ? err.failure : { kind: 'closed', message: String(err), reason: reason('obs.link.closedWith', { detail: String(err) }), retry: true };
      }
      this.current = null;
      if (!this.running) break;
      if (!failure.retry) {
        // Retrying a wrong password only fills OBS's log: wait for the operator.
        this.set({ status: 'failed', lastError: failure.message, lastErrorReason: failure.reason, failureKind: failure.kind, retryAt: null });
        await this.sleep(Number.POSITIVE_INFINITY);
        attempt = 0;
        continue;
      }
      const delay = backoffDelay(attempt++, failure.kind, this.random);
      this.set({ status: 'backing_off', lastError: failure.message, lastErrorReason: failure.reason, failureKind: failure.kind, retryAt: Date.now() + delay });
      await this.sleep(delay);
    }
  }

  /** Resolves (with the reason) when the link stops answering; health samples on the way. */
  private async ping(rpc: ObsRpc): Promise<ObsFailure> {
    let missed = 0;
    while (this.running && this.current === rpc) {
      await this.sleep(this.pingMs);
      if (!this.running || this.current !== rpc) break;
      try {
        // The canvas size too: OBS 29 sends no event when it changes, and the native card follows it.
        const responses = await rpc.callBatch([{ requestType: 'GetStats' }, { requestType: 'GetStreamStatus' }, { requestType: 'GetRecordStatus' }, { requestType: 'GetVideoSettings' }], this.pingMs);
        missed = 0;
        if (this.state.status === 'degraded') this.set({ status: 'identified', lastError: null, lastErrorReason: null });
        this.hooks.onSample(responses, Date.now());
      } catch (err) {
        if (this.current !== rpc) break;
        missed++;
        const detail = (err as Error).message;
        this.set({ status: 'degraded', lastError: `OBS is not answering (${detail})`, lastErrorReason: reason('obs.link.notAnswering', { detail }) });
        if (missed >= this.maxMissedPings) return { kind: 'timeout', message: 'OBS stopped answering; reconnecting', reason: reason('obs.link.stoppedAnswering'), retry: true };
      }
    }
    return { kind: 'closed', message: 'stopped', reason: reason('obs.link.stopped'), retry: false };
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        if (timer) clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = Number.isFinite(ms) ? setTimeout(done, ms) : null;
      this.sleepers.add(done);
    });
  }

  private set(patch: Partial<LinkState>): void {
    this.state = { ...this.state, ...patch };
    this.hooks.onChange(this.state);
  }
}
