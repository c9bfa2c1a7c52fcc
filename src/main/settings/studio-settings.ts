import { randomBytes } from 'node:crypto';
import Conf from 'conf';
import type { ObsConnectionConfig } from '../obs/obs-connection';
import type { ObsConnectionStore } from '../obs/obs-manager';
import type { MarketplaceStore, StoredMarketplace } from '../marketplace/marketplace-manager';
import type { DeviceStore, StoredDevice } from '../access/device-registry';
import { writeSettings } from '../disk-errors';
import type { SecretVault } from '../common/secret-vault';

/** The owner's token among the secrets (OS keychain in the desktop app, owner-only file headless). */
const OWNER_TOKEN_SECRET = 'studio.ownerToken';

interface StudioSettingsData {
  /** Older versions kept the owner's token here; it moves to the secret vault at the next start. */
  ownerToken?: string;
  /** Read-only token for overlay pages: it ends up in OBS's scene files, so it must not be the owner's. */
  overlayToken?: string;
  /** OBS connections without their passwords (those are in the secret store). */
  obsConnections?: ObsConnectionConfig[];
  /** The marketplace the show sells on, without its secrets. */
  marketplace?: StoredMarketplace;
  /** Paired devices, each with the SHA-256 of its token (the token itself is never stored). */
  devices?: StoredDevice[];
  /** LAN mode: whether the studio also listens on the machine's network addresses. Off by default. */
  lan?: { enabled: boolean };
}

export interface LanStore {
  enabled(): boolean;
  setEnabled(enabled: boolean): void;
}

/**
 * Settings the user would set in the UI, kept in the data dir. `conf` is the store electron-store is
 * built on; using it directly keeps one format for the desktop app and the headless `serve`.
 */
export class StudioSettings {
  private readonly store: Conf<StudioSettingsData>;

  constructor(dataDir: string) {
    this.store = new Conf<StudioSettingsData>({
      cwd: dataDir,
      configName: 'settings',
      configFileMode: 0o600,
      schema: {
        ownerToken: { type: 'string', minLength: 20 },
        overlayToken: { type: 'string', minLength: 20 },
        marketplace: { type: 'object', properties: { kind: { type: 'string' } }, required: ['kind'] },
        lan: { type: 'object', properties: { enabled: { type: 'boolean' } }, required: ['enabled'] },
        devices: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              name: { type: 'string' },
              role: { enum: ['producer', 'moderator', 'viewer', 'host'] },
              tokenHash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
              pairedAt: { type: 'number' },
              lastSeenAt: { type: ['number', 'null'] }
            },
            required: ['id', 'name', 'role', 'tokenHash', 'pairedAt']
          }
        },
        obsConnections: {
          type: 'array',
          items: {
            type: 'object',
            properties: { id: { type: 'string' }, name: { type: 'string' }, url: { type: 'string' }, locale: { type: 'string' }, setupDone: { type: 'boolean' } },
            required: ['id', 'name', 'url', 'locale']
          }
        }
      }
    });
  }

  /**
   * The owner's API token: printed at every start (API.md), so it must stay readable: it is kept
   * with the other secrets, not in this file, which people copy between machines and attach to
   * bug reports. A token from an older version's settings moves there once.
   */
  ownerToken(vault: SecretVault): string {
    const legacy = this.store.get('ownerToken');
    const token = vault.get(OWNER_TOKEN_SECRET) ?? legacy ?? randomBytes(24).toString('base64url');
    if (vault.get(OWNER_TOKEN_SECRET) === token) {
      if (legacy !== undefined) this.store.delete('ownerToken');
      return token;
    }
    try {
      vault.set(OWNER_TOKEN_SECRET, token);
      if (legacy !== undefined) this.store.delete('ownerToken');
    } catch {
      // The vault refused (an OS keychain gone away): the owner-only settings file keeps it rather than losing it.
      this.store.set('ownerToken', token);
    }
    return token;
  }

  /** Read-only and already in OBS's scene files in the clear: kept here so overlay URLs never change. */
  overlayToken(): string {
    return this.token('overlayToken');
  }

  readonly obsConnections: ObsConnectionStore = {
    load: () => (this.store.get('obsConnections') ?? []).map((c) => ({ ...c, setupDone: c.setupDone ?? false })),
    save: (configs) => writeSettings('OBS connections', () => this.store.set('obsConnections', configs))
  };

  readonly marketplace: MarketplaceStore = {
    load: () => this.store.get('marketplace'),
    save: (settings) => writeSettings('marketplace settings', () => this.store.set('marketplace', settings))
  };

  readonly devices: DeviceStore = {
    load: () => (this.store.get('devices') ?? []).map((d) => ({ ...d, lastSeenAt: d.lastSeenAt ?? null })),
    save: (devices) => writeSettings('paired devices', () => this.store.set('devices', devices))
  };

  readonly lan: LanStore = {
    enabled: () => this.store.get('lan')?.enabled ?? false,
    setEnabled: (enabled) => writeSettings('LAN mode setting', () => this.store.set('lan', { enabled }))
  };

  private token(key: 'overlayToken'): string {
    let token = this.store.get(key);
    if (!token) {
      token = randomBytes(24).toString('base64url');
      writeSettings('studio tokens', () => this.store.set(key, token));
    }
    return token;
  }
}
