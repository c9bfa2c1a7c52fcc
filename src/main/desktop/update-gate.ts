/** The part of electron-updater's autoUpdater the gate drives; replaced in tests. */
export interface UpdaterPort {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
}

/** Where updates come from: a feed packaged by electron-builder (`app-update.yml`) or a generic URL. */
export type UpdateFeed = { kind: 'packaged' } | { kind: 'url'; url: string } | null;

/**
 * Auto-update, off until a release feed is configured, and never during a show: an update is
 * downloaded in the background, and installed only when the operator quits with nothing on air
 * and no OBS live. electron-updater's own install-on-quit stays off, so nothing else installs it.
 */
export class UpdateGate {
  private ready: string | null = null;

  constructor(
    private readonly feed: UpdateFeed,
    private readonly updater: UpdaterPort | null,
    private readonly log: (line: string) => void
  ) {}

  get enabled(): boolean {
    return this.feed !== null && this.updater !== null;
  }

  /** The version downloaded and waiting, if any. */
  get pendingVersion(): string | null {
    return this.ready;
  }

  start(onReady: (version: string) => void): void {
    const updater = this.updater;
    if (!this.feed || !updater) return;
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = false;
    if (this.feed.kind === 'url') updater.setFeedURL({ provider: 'generic', url: this.feed.url });
    updater.on('update-downloaded', (info) => {
      this.ready = info.version;
      onReady(info.version);
    });
    // An unreachable feed must not disturb a show: it is logged, and tried again next launch.
    updater.on('error', (err) => this.log(`Update check failed: ${err.message}`));
    updater.checkForUpdates().catch((err: unknown) => this.log(`Update check failed: ${(err as Error).message}`));
  }

  /** At quit: installs the waiting update if nothing is on air; true when it took over the quit. */
  installOnQuit(showRunning: boolean): boolean {
    if (!this.updater || this.ready === null || showRunning) return false;
    this.updater.quitAndInstall(false, false);
    return true;
  }
}

/** The feed from the environment (`SHOPCAST_UPDATE_FEED`, an https URL) or the packaged one. */
export function updateFeedFrom(env: Record<string, string | undefined>, packagedFeed: boolean): UpdateFeed {
  const url = env.SHOPCAST_UPDATE_FEED;
  if (url && /^https:\/\/\S+$/.test(url)) return { kind: 'url', url };
  return packagedFeed ? { kind: 'packaged' } : null;
}
