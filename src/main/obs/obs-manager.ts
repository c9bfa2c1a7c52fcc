import { randomUUID } from 'node:crypto';
import type { CoreView } from '../../shared/view';
import type { ObsConnectionInput, ObsConnectionPatch, ObsConnectionView } from '../../shared/obs';
import type { OverlayText } from '../../shared/overlay-text';
import { ObsConnection, type ObsConnectionConfig, type ObsConnectionDeps } from './obs-connection';
import { ImageFiles } from './image-files';
import type { SetupReport } from './studio-setup';
import type { SecretVault } from '../common/secret-vault';

export type { SecretVault };

/** Where connections persist: the settings file for the public part, the secret store for passwords. */
export interface ObsConnectionStore {
  load(): ObsConnectionConfig[];
  save(configs: ObsConnectionConfig[]): void;
}


export interface ObsManagerDeps {
  store: ObsConnectionStore;
  secrets: SecretVault;
  /** The view of the core's state; read on every change. Never the composed face view: OBS must not follow its own status. */
  view(): CoreView;
  /** Called whenever the show changes, so every OBS follows. */
  subscribeShow(listener: () => void): () => void;
  text: OverlayText;
  /** Bundled media folders and where shop images are downloaded for OBS to open. */
  images: { mediaDirs: Record<string, string>; cacheDir: string };
  overlayUrl(locale: string): string;
  onApplied?(id: string, revision: number, ms: number): void;
  log?(line: string): void;
  /** An OBS started or stopped recording (media/ journals it). */
  onRecordState?: ObsConnectionDeps['onRecordState'];
}

export class ObsNotFoundError extends Error {}

const secretName = (id: string) => `obs:${id}`;

/** Every OBS the show drives (one per language channel), and their connections' life cycle. */
export class ObsManager {
  private readonly connections = new Map<string, ObsConnection>();
  private readonly listeners = new Set<() => void>();
  private cachedViews: ObsConnectionView[] | null = null;
  private unsubscribe: (() => void) | null = null;
  /** Its own: a finished download brings every OBS along, and no callback runs before this manager exists. */
  private readonly images: ImageFiles;

  constructor(private readonly deps: ObsManagerDeps) {
    this.images = new ImageFiles(deps.images.mediaDirs, deps.images.cacheDir, () => this.follow());
  }

  start(): void {
    for (const config of this.deps.store.load()) this.open(config);
    this.unsubscribe = this.deps.subscribeShow(() => this.follow());
  }

  /** Brings every OBS to the current show (after a change, or when an image became available). */
  follow(): void {
    for (const c of this.connections.values()) c.follow();
  }

  async close(): Promise<void> {
    this.unsubscribe?.();
    await Promise.all([...this.connections.values()].map((c) => c.stop()));
  }

  /** Identity changes only when something changed, so the live feed sends it only then. */
  views(): ObsConnectionView[] {
    return (this.cachedViews ??= [...this.connections.values()].map((c) => c.view()));
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  add(input: ObsConnectionInput): ObsConnectionView {
    const config: ObsConnectionConfig = { id: randomUUID().slice(0, 8), name: input.name, url: input.url, locale: input.locale, setupDone: false };
    if (input.password) this.deps.secrets.set(secretName(config.id), input.password);
    this.open(config);
    this.persist();
    return this.get(config.id).view();
  }

  update(id: string, patch: ObsConnectionPatch): ObsConnectionView {
    const connection = this.get(id);
    const { password, ...rest } = patch;
    if (password !== undefined) {
      if (password) this.deps.secrets.set(secretName(id), password);
      else this.deps.secrets.delete(secretName(id));
    }
    connection.reconfigure({ ...connection.config, ...rest }, this.deps.secrets.get(secretName(id)));
    this.persist();
    return connection.view();
  }

  async remove(id: string): Promise<void> {
    const connection = this.get(id);
    this.connections.delete(id);
    this.deps.secrets.delete(secretName(id));
    this.persist();
    this.changed();
    await connection.stop();
  }

  setup(id: string): Promise<SetupReport> {
    return this.get(id).setup();
  }

  get(id: string): ObsConnection {
    const connection = this.connections.get(id);
    if (!connection) throw new ObsNotFoundError(`OBS connection "${id}" does not exist`);
    return connection;
  }

  private open(config: ObsConnectionConfig): void {
    const connection = new ObsConnection(config, this.deps.secrets.get(secretName(config.id)), {
      view: this.deps.view,
      // One OverlayText for every OBS: each label is worked out once for all of them.
      text: this.deps.text,
      images: this.images,
      overlayUrl: this.deps.overlayUrl,
      onChange: () => this.changed(),
      onSetupDone: () => this.persist(),
      onApplied: this.deps.onApplied,
      log: this.deps.log,
      onRecordState: this.deps.onRecordState
    });
    this.connections.set(config.id, connection);
    connection.start();
  }

  private persist(): void {
    this.deps.store.save([...this.connections.values()].map((c) => c.config));
  }

  private changed(): void {
    this.cachedViews = null;
    for (const l of this.listeners) l();
  }
}
