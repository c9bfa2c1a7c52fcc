import { randomBytes } from 'node:crypto';
import Conf from 'conf';

interface StudioSettingsData {
  /** The owner's API token: printed at start, persisted so scripts and bookmarks keep working. */
  ownerToken?: string;
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
      schema: { ownerToken: { type: 'string', minLength: 20 } }
    });
  }

  ownerToken(): string {
    let token = this.store.get('ownerToken');
    if (!token) {
      token = randomBytes(24).toString('base64url');
      this.store.set('ownerToken', token);
    }
    return token;
  }
}
