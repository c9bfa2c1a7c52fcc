import type { ObsRpc } from './obs-rpc';
import { isStudioSource, STUDIO_SCENE } from './studio-sources';

/** What a connection does about what OBS tells it happened. */
export interface ObsEventHandlers {
  /** Still this connection's session: a late timer of an old session does nothing. */
  current(): boolean;
  /** The program scene changed (the operator's scene switcher). */
  sceneChanged(sceneName: string): void;
  /** Read OBS's scenes and sources again, then bring the canvas along. */
  reinspect(): void;
  /** Studio inputs OBS said it removed this session (it may still list them while held). */
  removed: Set<string>;
  /** OBS swaps scene collections: it answers "not ready" until the new one is in. */
  collectionChanging(): void;
  collectionChanged(): void;
  /** Streaming or recording changed: ask at once rather than wait for the next liveness ping. */
  outputChanged(): void;
  /** Recording started or stopped (in the studio or in OBS itself): the recordings log follows it. */
  recordStateChanged?(event: { outputActive: boolean; outputState: string; outputPath?: string | null }): void;
}

/** How long OBS needs after telling of a removal before its lists reflect it. */
export const REINSPECT_AFTER_MS = 250;

/** Subscribes a connection to the dozen OBS events that change what the studio knows of it. */
export function listenToObs(rpc: ObsRpc, on: ObsEventHandlers): void {
  // OBS tells of a removal before its lists reflect it: look again once it has settled.
  let timer: NodeJS.Timeout | null = null;
  const reinspect = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (on.current()) on.reinspect();
    }, REINSPECT_AFTER_MS);
  };
  rpc.on('CurrentProgramSceneChanged', (e) => on.sceneChanged(e.sceneName));
  rpc.on('SceneCreated', reinspect);
  rpc.on('SceneRemoved', reinspect);
  rpc.on('SceneNameChanged', reinspect);
  rpc.on('InputRemoved', (e) => {
    if (!isStudioSource(e.inputName)) return;
    on.removed.add(e.inputName);
    reinspect();
  });
  rpc.on('InputCreated', (e) => {
    if (on.removed.delete(e.inputName)) reinspect();
  });
  rpc.on('InputNameChanged', (e) => (isStudioSource(e.oldInputName) || isStudioSource(e.inputName)) && reinspect());
  rpc.on('SceneItemRemoved', (e) => e.sceneName === STUDIO_SCENE && reinspect());
  rpc.on('SceneItemCreated', (e) => e.sceneName === STUDIO_SCENE && reinspect());
  rpc.on('CurrentSceneCollectionChanging', () => on.collectionChanging());
  rpc.on('CurrentSceneCollectionChanged', () => {
    on.collectionChanged();
    reinspect();
  });
  rpc.on('StreamStateChanged', () => on.outputChanged());
  rpc.on('RecordStateChanged', (e) => {
    on.outputChanged();
    on.recordStateChanged?.(e);
  });
}
