import { randomBytes } from 'node:crypto';
import type { DevicePatch, DeviceView, Role } from '../../shared/access';
import { hashToken, newDeviceToken, sameHash } from './device-tokens';

/** A paired device as the data dir keeps it: only the hash of its token, never the token. */
export interface StoredDevice {
  id: string;
  name: string;
  role: Role;
  tokenHash: string;
  pairedAt: number;
  lastSeenAt: number | null;
}

export interface DeviceStore {
  load(): StoredDevice[];
  save(devices: StoredDevice[]): void;
}

/** How often presence reaches the settings file: a request per second must not mean a write per second. */
export const SEEN_PERSIST_MS = 60_000;

/**
 * The devices paired with this studio. Tokens are looked up by their hash; `lastSeenAt` is kept in
 * memory and written at most once a minute (and on `flush`).
 */
export class DeviceRegistry {
  private devices: StoredDevice[];
  private seenDirty = false;
  private lastPersistAt = 0;

  constructor(
    private readonly store: DeviceStore,
    private readonly now: () => number = Date.now
  ) {
    this.devices = store.load();
  }

  /** A new device with a fresh token; the token is returned once and never stored. */
  pair(name: string, role: Role): { token: string; device: StoredDevice } {
    const token = newDeviceToken();
    const device: StoredDevice = { id: `dev-${randomBytes(6).toString('hex')}`, name, role, tokenHash: hashToken(token), pairedAt: this.now(), lastSeenAt: null };
    this.devices = [...this.devices, device];
    this.persist();
    return { token, device };
  }

  /** The device this token belongs to, or null. Every stored hash is compared, in constant time each. */
  authenticate(token: string): StoredDevice | null {
    const presented = hashToken(token);
    let found: StoredDevice | null = null;
    for (const device of this.devices) if (sameHash(presented, device.tokenHash)) found = device;
    return found;
  }

  get(id: string): StoredDevice | null {
    return this.devices.find((d) => d.id === id) ?? null;
  }

  list(): StoredDevice[] {
    return this.devices;
  }

  update(id: string, patch: DevicePatch): StoredDevice | null {
    const current = this.get(id);
    if (!current) return null;
    const updated: StoredDevice = { ...current, ...(patch.name !== undefined && { name: patch.name }), ...(patch.role !== undefined && { role: patch.role }) };
    this.devices = this.devices.map((d) => (d.id === id ? updated : d));
    this.persist();
    return updated;
  }

  /** Forgets the device and so its token: the next request with it is refused. */
  revoke(id: string): boolean {
    if (!this.get(id)) return false;
    this.devices = this.devices.filter((d) => d.id !== id);
    this.persist();
    return true;
  }

  /** The device was heard from (a request or a live message). */
  seen(id: string): void {
    const at = this.now();
    const device = this.get(id);
    if (!device) return;
    device.lastSeenAt = at;
    this.seenDirty = true;
    if (at - this.lastPersistAt >= SEEN_PERSIST_MS) this.persistLastSeen();
  }

  /** Writes pending presence (on a live socket closing, and when the studio stops). */
  flush(): void {
    if (this.seenDirty) this.persistLastSeen();
  }

  /**
   * Last-seen times are a courtesy: a disk that refuses them (full, read-only) must not fail the
   * device's request or its live socket. They are tried again a minute later.
   */
  private persistLastSeen(): void {
    try {
      this.persist();
    } catch {
      this.lastPersistAt = this.now();
    }
  }

  private persist(): void {
    this.store.save(this.devices);
    this.seenDirty = false;
    this.lastPersistAt = this.now();
  }
}

export function deviceView(device: StoredDevice, online: boolean): DeviceView {
  return { id: device.id, name: device.name, role: device.role, pairedAt: device.pairedAt, lastSeenAt: device.lastSeenAt, online };
}
