import type { CoreView } from '../../shared/view';
import { reason, type Reason } from '../../shared/reason';
import type { ObsConnectionView } from '../../shared/obs';
import type { OverlayText } from '../../shared/overlay-text';
import { ConnectionSupervisor, type LinkState } from './connection-supervisor';
import { ConnectionHealth } from './connection-health';
import type { ObsRpc } from './obs-rpc';
import { audienceFor } from './studio-canvas';
import { inspectStudio, setupStudio, SetupError, type SetupReport, type StudioLayout } from './studio-setup';
import { isRemoteObs, STUDIO_SCENE, studioSources } from './studio-sources';
import { listenToObs } from './obs-events';
import { CanvasFollower } from './canvas-follower';
import { ObsOutputs } from './obs-outputs';
import type { ImageFiles } from './image-files';

export interface ObsConnectionConfig {
  id: string;
  name: string;
  url: string;
  locale: string;
  /** Setup ran here once: the studio may recreate its scene by itself if it vanishes. */
  setupDone: boolean;
}

export interface ObsConnectionDeps {
  /** The view of the core's state, never the composed face view: OBS must not follow its own status. */
  view(): CoreView;
  text: OverlayText;
  images: ImageFiles;
  overlayUrl(locale: string): string;
  onChange(): void;
  onSetupDone(id: string): void;
  onApplied?(id: string, revision: number, ms: number): void;
  /** One line for the studio's log (what a resync put back). */
  log?(line: string): void;
  /** Recording started or stopped, in the studio or in OBS itself; `status` asks OBS how long it has recorded. */
  onRecordState?(
    id: string,
    event: { outputActive: boolean; outputState: string; outputPath?: string | null },
    status: () => Promise<{ outputDuration?: number }>,
    directory: () => Promise<{ recordDirectory?: string }>
  ): void;
}

/**
 * One OBS following the show: kept connected by its supervisor, brought to the current on-air
 * product after every (re)connect and every change, one batch at a time, never with a stale state.
 */
export class ObsConnection {
  private readonly supervisor: ConnectionSupervisor;
  private layout: StudioLayout | null = null;
  private setupState: ObsConnectionView['setup']['state'] = 'unknown';
  private setupMessage: string | null = null;
  private setupReason: Reason | null = null;
  private readonly health = new ConnectionHealth();
  private currentScene: string | null = null;
  private readonly outputs: ObsOutputs;
  private readonly canvas: CanvasFollower;
  private paused = false;
  private cachedView: ObsConnectionView | null = null;
  /** Studio inputs OBS said it removed this session (it may still list them while held). */
  private readonly removed = new Set<string>();

  constructor(
    public config: ObsConnectionConfig,
    private password: string | undefined,
    private readonly deps: ObsConnectionDeps
  ) {
    this.supervisor = new ConnectionSupervisor(
      { url: config.url, password },
      {
        onIdentified: (rpc) => this.onIdentified(rpc),
        onSample: (responses, at) => this.onSample(responses, at),
        onChange: (link) => this.onLinkChange(link)
      }
    );
    this.outputs = new ObsOutputs(() => this.changed(), () => !isRemoteObs(this.config.url));
    this.canvas = new CanvasFollower({
      view: deps.view,
      text: deps.text,
      images: deps.images,
      rpc: () => this.supervisor.rpc,
      layout: () => this.layout,
      paused: () => this.paused,
      target: () => ({ id: this.config.id, name: this.config.name, url: this.config.url, locale: this.config.locale, overlayUrl: deps.overlayUrl(this.config.locale) }),
      onChange: () => this.changed(),
      onApplied: deps.onApplied,
      log: deps.log
    });
  }

  get id(): string {
    return this.config.id;
  }

  start(): void {
    this.supervisor.start();
  }

  stop(): Promise<void> {
    this.canvas.stop();
    return this.supervisor.stop();
  }

  reconfigure(config: ObsConnectionConfig, password: string | undefined): void {
    const relink = config.url !== this.config.url || password !== this.password;
    const relocale = config.locale !== this.config.locale;
    this.config = config;
    this.password = password;
    if (relink) {
      this.supervisor.retarget({ url: config.url, password });
      this.outputs.forget(); // another OBS, maybe: its outputs are known at its first answer
    }
    if (relocale) this.follow();
    this.changed();
  }

  reconnect(): void {
    this.supervisor.retryNow();
  }

  /** The show changed: bring the canvas along. */
  follow(): void {
    this.canvas.follow();
  }

  /** Creates or repairs the studio's scene and sources in this OBS, then shows the current product. */
  async setup(): Promise<SetupReport> {
    const rpc = this.supervisor.rpc;
    if (!rpc) throw new SetupError(`OBS "${this.config.name}" is not connected${this.supervisor.link.lastError ? `: ${this.supervisor.link.lastError}` : ''}`, reason('obs.setup.notConnected'));
    this.setupState = 'running';
    this.changed();
    try {
      const found = await inspectStudio(rpc, this.removed);
      const env = { inputKinds: found.inputKinds, width: found.width, height: found.height, theme: this.deps.view().theme, overlayUrl: this.deps.overlayUrl(this.config.locale) };
      const { created, repaired } = await setupStudio(rpc, studioSources(env), this.removed);
      this.removed.clear();
      this.layout = await inspectStudio(rpc);
      this.setupState = 'ready';
      this.setupMessage = null;
      this.setupReason = null;
      this.config = { ...this.config, setupDone: true };
      this.deps.onSetupDone(this.id);
      // Read everything back and put right what differs: that is what setup repaired.
      this.canvas.reread('setup');
      this.follow();
      await this.canvas.settled();
      const fixed = this.canvas.readBack.filter((label) => !created.some((name) => label.startsWith(`${name}: `)));
      return { ...this.layout, created, repaired: [...repaired, ...fixed] };
    } catch (err) {
      this.setupState = 'failed';
      this.setupFailed(err);
      throw err;
    } finally {
      this.changed();
    }
  }

  async switchScene(sceneName: string): Promise<void> {
    await this.requireRpc().call('SetCurrentProgramScene', { sceneName });
  }

  /** Starts or stops an output and waits for OBS's real state; throws OBS's reason when it did not happen. */
  output(which: 'stream' | 'record', action: 'start' | 'stop'): Promise<void> {
    return this.outputs.command(this.requireRpc(), which, action);
  }

  view(): ObsConnectionView {
    if (this.cachedView) return this.cachedView;
    const link = this.supervisor.link;
    const showLocales = this.deps.view().locales;
    this.cachedView = {
      id: this.config.id,
      name: this.config.name,
      url: this.config.url,
      locale: this.config.locale,
      currency: audienceFor(this.config.locale, showLocales).currency,
      hasPassword: !!this.password,
      status: link.status,
      lastError: link.lastError,
      lastErrorReason: link.lastErrorReason,
      retryAt: link.retryAt,
      obsVersion: link.obsVersion,
      setup: { state: this.setupState, mode: this.layout?.mode ?? null, missing: this.layout?.missing ?? [], message: this.setupMessage, reason: this.setupReason },
      showing: this.canvas.showing,
      currentScene: this.currentScene,
      scenes: this.layout?.scenes ?? [],
      ...this.health.view(),
      resync: this.canvas.resync,
      outputs: this.outputs.view(),
      imageNote: this.canvas.imageNote,
      imageNoteReason: this.canvas.imageNote ? reason('obs.image.remote') : null
    };
    return this.cachedView;
  }

  private requireRpc(): ObsRpc {
    const rpc = this.supervisor.rpc;
    if (!rpc) throw new SetupError(`OBS "${this.config.name}" is not connected`, reason('obs.setup.notConnected'));
    return rpc;
  }

  private async onIdentified(rpc: ObsRpc): Promise<void> {
    this.layout = null;
    this.canvas.reread('session');
    this.paused = false;
    this.removed.clear();
    this.health.linkRestored();
    this.listen(rpc);
    this.outputs.listen(rpc);
    try {
      const layout = await this.inspect(rpc);
      if (layout.missing.length > 0 && this.config.setupDone) {
        // Studio sources gone at reconnect (a crash before OBS saved what setup made): they are
        // ours, so make them again rather than leave the canvas half empty mid-show.
        await this.setup().catch(() => {});
        return;
      }
      this.follow();
    } catch (err) {
      this.setupFailed(err);
      this.changed();
    }
  }

  private async inspect(rpc: ObsRpc): Promise<StudioLayout> {
    const layout = await inspectStudio(rpc, this.removed);
    this.layout = layout;
    const { currentProgramSceneName } = await rpc.call('GetCurrentProgramScene');
    this.currentScene = currentProgramSceneName;
    this.setupState = layout.missing.length === 0 ? 'ready' : layout.missing.includes(STUDIO_SCENE) && !this.config.setupDone ? 'needed' : 'repair';
    this.changed();
    return layout;
  }

  private listen(rpc: ObsRpc): void {
    listenToObs(rpc, {
      current: () => this.supervisor.rpc === rpc,
      sceneChanged: (sceneName) => {
        this.currentScene = sceneName;
        this.changed();
      },
      reinspect: () => void this.inspect(rpc).then(() => this.follow(), () => {}),
      removed: this.removed,
      collectionChanging: () => (this.paused = true),
      collectionChanged: () => {
        this.paused = false;
        this.canvas.reread('collection');
      },
      outputChanged: () => this.supervisor.retryNow(),
      recordStateChanged: (e) => this.deps.onRecordState?.(this.config.id, e, () => rpc.call('GetRecordStatus'), () => rpc.call('GetRecordDirectory'))
    });
  }

  private onSample(responses: Parameters<ConnectionHealth['take']>[0], at: number): void {
    const { streaming, recording, canvas } = this.health.take(responses, at);
    this.outputs.sample(streaming, recording);
    if (this.layout && canvas && (canvas.width !== this.layout.width || canvas.height !== this.layout.height)) {
      // Someone changed OBS's canvas (landscape to vertical): lay the card out again.
      this.layout = { ...this.layout, ...canvas };
      this.follow();
    }
    this.changed();
  }

  private onLinkChange(link: LinkState): void {
    if (link.status === 'backing_off' || link.status === 'failed') {
      this.layout = null;
      this.outputs.forget();
      if (link.lastError) this.health.linkFailed(String(link.failureKind), `${this.config.name}: ${link.lastError}`, link.lastErrorReason ?? reason('obs.link.closed'));
    }
    this.changed();
  }

  /** Why setup or the read-back failed: the studio's own reason, or OBS's words as `detail`. */
  private setupFailed(err: unknown): void {
    this.setupMessage = (err as Error).message;
    this.setupReason = err instanceof SetupError ? err.reason : reason('obs.setup.failed', { detail: this.setupMessage });
  }

  private changed(): void {
    this.cachedView = null;
    this.deps.onChange();
  }
}
