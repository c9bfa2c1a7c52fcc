import type { ObsConnectionView } from '../../shared/obs';
import type { OverlayText } from '../../shared/overlay-text';
import type { CoreView } from '../../shared/view';
import { diffCanvas, observeCanvas, type KnownCanvas } from './canvas-sync';
import type { ImageFiles } from './image-files';
import type { ObsRpc } from './obs-rpc';
import { audienceFor, canvasContent, desiredCanvas } from './studio-canvas';
import type { StudioLayout } from './studio-setup';
import { isRemoteObs, REMOTE_IMAGE_NOTE, studioSources, type StudioEnv } from './studio-sources';
import { layoutLines, type SourceSpec } from './native-card';
import type { Theme } from '../../shared/theme';


export interface CanvasFollowerDeps {
  /** The view of the core's state, never the composed face view: OBS must not follow its own status. */
  view(): CoreView;
  text: OverlayText;
  images: ImageFiles;
  /** The connection as it is now: its OBS session, what it has of the setup, its audience. */
  rpc(): ObsRpc | null;
  layout(): StudioLayout | null;
  paused(): boolean;
  target(): { id: string; name: string; url: string; locale: string; overlayUrl: string };
  onChange(): void;
  onApplied?(id: string, revision: number, ms: number): void;
  log?(line: string): void;
}

/**
 * Keeps one OBS's canvas on the show: one batch at a time, never a stale state, only what differs
 * from what OBS holds. After a (re)connect or setup it reads OBS back first, because OBS may have
 * restarted without saving, and records what it had to put back.
 */
export class CanvasFollower {
  /** What OBS holds of the studio's sources; null: read it back before the next batch. */
  private known: KnownCanvas | null = null;
  /** The program scene last switched to for an item (null after a reconnect). */
  private appliedScene: string | null = null;
  private applying: Promise<void> | null = null;
  private dirty = false;
  private tick: NodeJS.Timeout | null = null;
  private logResync = true;
  /** The last read-back after a new session or scene collection (setup answers for its own). */
  resync: ObsConnectionView['resync'] = null;
  /** What the last read-back of any kind put right. */
  readBack: string[] = [];
  imageNote: string | null = null;
  showing: ObsConnectionView['showing'] = null;
  /** The layout last drawn, for `layoutFor`. */
  private drawn: { key: string; theme: Theme; specs: SourceSpec[] } | null = null;
  /** The layout and look of the last batch OBS took whole (null: compare everything next time). */
  private settledLook: { specs: SourceSpec[]; soldOut: boolean } | null = null;

  constructor(private readonly deps: CanvasFollowerDeps) {}

  /** The show changed: bring the canvas along (coalesced; the latest state wins). */
  follow(): void {
    const rpc = this.deps.rpc();
    if (!rpc || !this.deps.layout() || this.deps.paused()) return;
    if (this.applying) {
      this.dirty = true;
      return;
    }
    this.applying = this.applyLoop(rpc).finally(() => (this.applying = null));
  }

  /**
   * OBS may hold anything now: read it back before the next batch. After a new session or scene
   * collection what was put back goes to the log too; setup reports it in its own answer.
   */
  reread(why: 'session' | 'collection' | 'setup'): void {
    this.known = null;
    this.logResync = why !== 'setup';
    if (why === 'session') this.appliedScene = null;
  }

  /** Waits for the batches under way, e.g. the read-back that setup reports on. */
  async settled(): Promise<void> {
    await this.applying;
  }

  stop(): void {
    if (this.tick) clearTimeout(this.tick);
    this.tick = null;
  }

  private async applyLoop(rpc: ObsRpc): Promise<void> {
    do {
      this.dirty = false;
      await this.applyOnce(rpc).catch(() => {
        // The link's status tells the operator; the next pass reads OBS back and re-applies.
        this.known = null;
      });
    } while (this.dirty && this.deps.rpc() === rpc && !this.deps.paused());
  }

  private async applyOnce(rpc: ObsRpc): Promise<void> {
    const layout = this.deps.layout();
    if (!layout) return;
    const target = this.deps.target();
    const view = this.deps.view();
    const content = canvasContent(view, audienceFor(target.locale, view.locales), this.deps.text);
    // Off air only hides (see desiredCanvas): the layout matters only for what is shown.
    const filled = (name: string) => !!content.texts[name];
    const env = { inputKinds: layout.inputKinds, width: layout.width, height: layout.height, theme: view.theme, overlayUrl: target.overlayUrl };
    // OBS's image source opens files on its own computer only: one elsewhere shows no image, and says why.
    const remote = isRemoteObs(target.url);
    this.imageNote = remote && layout.mode === 'native' && content.image ? REMOTE_IMAGE_NOTE : null;
    const specs = this.layoutFor(env, filled);
    const desired = desiredCanvas(specs, content, (address) => (remote ? null : this.deps.images.localFile(address)));
    const resyncing = this.known === null;
    // The same layout and look as the last batch OBS took, with nothing read back since: only texts,
    // files and visibility can differ (a pin's case), so only those are compared.
    const contentOnly = !resyncing && this.settledLook?.specs === specs && this.settledLook.soldOut === content.soldOut;
    const started = performance.now();
    const diff = diffCanvas(desired, this.known ?? (await observeCanvas(rpc)), contentOnly);
    const requests = diff.requests;
    if (content.scene && content.scene !== this.appliedScene && layout.scenes.includes(content.scene)) {
      requests.push({ requestType: 'SetCurrentProgramScene', requestData: { sceneName: content.scene } });
    }
    if (requests.length) {
      const responses = await rpc.callBatch(requests);
      // A refused request (a source deleted a moment ago) must not be remembered as shown.
      if (responses.some((r) => !r.requestStatus.result)) throw new Error('OBS refused part of the batch');
    }
    const ms = performance.now() - started;
    this.known = diff.after;
    // Off air leaves the card's look as it was (only hiding): the next card on air is compared whole.
    this.settledLook = desired.some((d) => d.onlyVisibility) ? null : { specs, soldOut: content.soldOut };
    if (content.scene) this.appliedScene = content.scene;
    this.scheduleTick(content.nextTickAt);
    if (resyncing) {
      this.readBack = diff.labels;
      if (this.logResync) this.resync = { at: Date.now(), ms: Math.round(ms), reapplied: diff.labels };
      if (diff.labels.length && this.logResync) this.deps.log?.(`OBS "${target.name}": put back ${diff.labels.length} things OBS had lost or changed (${diff.labels.join(', ')}) in ${Math.round(ms)} ms`);
    }
    if (!requests.length && !resyncing && this.showing?.revision === view.revision) return;
    this.showing = { productId: content.productId, revision: view.revision, at: Date.now() };
    this.deps.onApplied?.(target.id, view.revision, ms);
    this.deps.onChange();
  }

  /**
   * The sources' looks and places for this canvas, theme and set of filled lines: a pin changes
   * texts, rarely the layout, so it is drawn again only when one of those changed.
   */
  private layoutFor(env: StudioEnv, filled: (name: string) => boolean): SourceSpec[] {
    const lines = layoutLines().map((name) => (filled(name) ? '1' : '0')).join('');
    const key = `${env.width}x${env.height}|${env.inputKinds.join(',')}|${env.overlayUrl}|${lines}`;
    if (this.drawn?.key !== key || this.drawn.theme !== env.theme) this.drawn = { key, theme: env.theme, specs: studioSources(env, filled) };
    return this.drawn.specs;
  }

  /** The deal clock is the only thing that changes by itself: redraw it when its second turns. */
  private scheduleTick(at: number | null): void {
    if (this.tick) clearTimeout(this.tick);
    this.tick = at === null ? null : setTimeout(() => this.follow(), Math.max(0, at - Date.now()));
  }
}
