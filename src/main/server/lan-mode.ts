import QRCode from 'qrcode';
import type { LanView, PairingView, Role } from '../../shared/access';
import type { PairingDesk } from '../access/pairing-desk';
import type { LanStore } from '../settings/studio-settings';
import { ApiError } from './api-error';
import type { LanListeners } from './lan-listeners';
import { lanHostNames, type HostAllowList } from './request-guard';

export interface LanModeOptions {
  store: LanStore;
  /** The machine's addresses on the studio network, read when needed (Wi-Fi may come up after the studio). */
  addresses: () => readonly string[];
  /** The studio was started on a LAN or wildcard address (`serve --host 0.0.0.0`): LAN mode is on and stays on. */
  boundToLan: boolean;
  allowList: HostAllowList;
  listeners: LanListeners;
  pairing: PairingDesk;
  /** `http://127.0.0.1:PORT`: where pairing points while LAN mode is off. */
  loopbackUrl: () => string;
  port: () => number;
  /** How often a stored "on" that could not start is tried again. */
  retryMs?: number;
}

const RETRY_MS = 10_000;

/**
 * LAN mode: whether devices on the studio network can reach the studio. On, it listens on the LAN
 * addresses too and accepts their Host names; off, those listeners close and the pairing code goes.
 */
export class LanMode {
  private enabled = false;
  private qr: { url: string; dataUrl: string } | null = null;
  private retry: NodeJS.Timeout | null = null;
  /** Why a stored "on" is not running yet (no network address, the port taken there). */
  private problem: string | null = null;

  constructor(private readonly options: LanModeOptions) {}

  /**
   * Restores the stored setting once the studio's port is known. A studio network that is not up
   * yet (a laptop whose Wi-Fi joins after the studio started) keeps the setting on and is tried
   * again until it comes up, rather than leaving the moderator locked out.
   */
  async start(): Promise<void> {
    if (this.options.boundToLan) {
      this.enabled = true;
      this.options.allowList.setLanNames(lanHostNames(this.options.addresses()));
      return;
    }
    if (this.options.store.enabled()) await this.tryToStart();
  }

  async set(enabled: boolean): Promise<LanView> {
    if (this.options.boundToLan && !enabled) {
      throw new ApiError(409, 'lan_fixed_by_host', 'the studio was started on a network address (--host); restart it without --host to keep it on this machine');
    }
    this.stopRetrying();
    if (!this.options.boundToLan) await this.switch(enabled);
    this.options.store.setEnabled(enabled);
    return this.view();
  }

  /** Why LAN mode is on in the settings but not listening, or null. */
  get waitingFor(): string | null {
    return this.problem;
  }

  private async tryToStart(): Promise<void> {
    this.retry = null;
    try {
      await this.switch(true);
      this.problem = null;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      this.problem = err.message;
      this.retry = setTimeout(() => void this.tryToStart().catch(() => undefined), this.options.retryMs ?? RETRY_MS);
      this.retry.unref();
    }
  }

  private stopRetrying(): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    this.problem = null;
  }

  async view(): Promise<LanView> {
    return { enabled: this.enabled, urls: this.urls(), pairing: await this.pairingView(), requests: this.options.pairing.pending() };
  }

  async offerPairing(role: Role): Promise<PairingView> {
    this.options.pairing.open(role);
    return (await this.pairingView())!;
  }

  async close(): Promise<void> {
    this.stopRetrying();
    await this.options.listeners.close();
  }

  private urls(): string[] {
    if (!this.enabled) return [];
    return this.options.addresses().map((a) => `http://${a.includes(':') ? `[${a}]` : a}:${this.options.port()}/`);
  }

  private async switch(enabled: boolean): Promise<void> {
    const { listeners, allowList } = this.options;
    const addresses = this.options.addresses();
    if (enabled === this.enabled) return;
    if (enabled) {
      if (addresses.length === 0) throw new ApiError(409, 'no_lan_address', 'this machine has no network address besides loopback; connect it to the studio network first');
      try {
        await listeners.listen(addresses, this.options.port());
      } catch (err) {
        throw new ApiError(503, 'lan_unavailable', `could not listen on the studio network: ${(err as Error).message}`);
      }
      allowList.setLanNames(lanHostNames(addresses));
    } else {
      allowList.setLanNames([]);
      await listeners.close();
      this.options.pairing.withdraw();
    }
    this.enabled = enabled;
  }

  private async pairingView(): Promise<PairingView | null> {
    const offer = this.options.pairing.current();
    if (!offer) return null;
    const base = this.urls()[0] ?? `${this.options.loopbackUrl()}/`;
    // The code rides in the fragment: browsers never send it to a server or into a log.
    const url = `${base}pair#code=${offer.code}`;
    if (this.qr?.url !== url) this.qr = { url, dataUrl: await qrDataUrl(url) };
    return { code: offer.code, role: offer.role, expiresAt: offer.expiresAt, url, qrDataUrl: this.qr.dataUrl, refusedAttempts: offer.refusedAttempts };
  }
}

async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
