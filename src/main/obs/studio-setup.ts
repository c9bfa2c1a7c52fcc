import type { ObsRpc } from './obs-rpc';
import type { SourceSpec } from './native-card';
import { isStudioSource, SetupError, STUDIO_SCENE, studioMode, studioSourceNames } from './studio-sources';
import { reason } from '../../shared/reason';

export { SetupError } from './studio-sources';

/** What this OBS has of the studio's setup, and what the studio's sources depend on there. */
export interface StudioLayout {
  mode: 'native' | 'browser';
  inputKinds: string[];
  /** OBS's canvas (base resolution): the card is laid out for it. */
  width: number;
  height: number;
  /** Studio sources that should be there and are not (the user deleted them): offer repair. */
  missing: string[];
  scenes: string[];
}

export interface SetupReport extends StudioLayout {
  created: string[];
  repaired: string[];
}

/**
 * Creates what is missing of the studio's scene and sources in one OBS: the scene, its inputs (with
 * their look) and their scene items. Places, order, looks and content are then verified and put
 * right by the canvas sync, which says what it changed. Only touches names the studio owns.
 */
export async function setupStudio(rpc: ObsRpc, specs: SourceSpec[], removed: ReadonlySet<string> = new Set()): Promise<{ created: string[]; repaired: string[] }> {
  const created: string[] = [];
  const repaired: string[] = [];

  const { scenes } = await rpc.call('GetSceneList');
  if (!scenes.some((s) => s.sceneName === STUDIO_SCENE)) {
    await rpc.call('CreateScene', { sceneName: STUDIO_SCENE });
    created.push(STUDIO_SCENE);
  }

  const { inputs } = await rpc.call('GetInputList');
  const kindOf = new Map(inputs.map((i) => [String(i.inputName), String(i.inputKind)]));
  // A source removed through the API lingers while a scene item holds it: let go, then recreate.
  for (const name of removed) {
    if (!kindOf.has(name)) continue;
    for (const item of (await sceneItems(rpc)).filter((i) => i.sourceName === name)) {
      await rpc.call('RemoveSceneItem', { sceneName: STUDIO_SCENE, sceneItemId: item.sceneItemId });
    }
    kindOf.delete(name);
  }
  for (const spec of specs) {
    const kind = kindOf.get(spec.name);
    if (kind && kind !== spec.kind) {
      throw new SetupError(`OBS already has a source named "${spec.name}" of another kind (${kind}); rename or delete it, then run setup again`, reason('obs.setup.foreignSource', { source: spec.name, kind }));
    }
    if (!kindOf.has(spec.name)) {
      await rpc.call('CreateInput', { sceneName: STUDIO_SCENE, inputName: spec.name, inputKind: spec.kind, inputSettings: spec.settings, sceneItemEnabled: false });
      created.push(spec.name);
    }
  }

  // Sources of ours that someone took out of the studio scene go back in.
  const items = await sceneItems(rpc);
  for (const spec of specs) {
    if (!items.some((i) => i.sourceName === spec.name)) {
      await rpc.call('CreateSceneItem', { sceneName: STUDIO_SCENE, sourceName: spec.name, sceneItemEnabled: false });
      if (!created.includes(spec.name)) repaired.push(spec.name);
    }
  }
  return { created, repaired };
}

/** What of the studio's setup this OBS has, without changing anything. */
export async function inspectStudio(rpc: ObsRpc, removed: ReadonlySet<string> = new Set()): Promise<StudioLayout> {
  const { inputKinds } = await rpc.call('GetInputKindList', { unversioned: false });
  const video = await rpc.call('GetVideoSettings');
  const base = { mode: studioMode(inputKinds), inputKinds, width: video.baseWidth, height: video.baseHeight };
  const expected = studioSourceNames(inputKinds);
  const { scenes } = await rpc.call('GetSceneList');
  const sceneNames = scenes.map((s) => String(s.sceneName));
  if (!sceneNames.includes(STUDIO_SCENE)) return { ...base, missing: [STUDIO_SCENE, ...expected], scenes: sceneNames };
  const present = (await sceneItems(rpc)).filter((i) => isStudioSource(i.sourceName) && !removed.has(i.sourceName));
  return { ...base, missing: expected.filter((name) => !present.some((i) => i.sourceName === name)), scenes: sceneNames };
}

async function sceneItems(rpc: ObsRpc): Promise<{ sourceName: string; sceneItemId: number }[]> {
  const { sceneItems } = await rpc.call('GetSceneItemList', { sceneName: STUDIO_SCENE });
  return sceneItems.map((i) => ({ sourceName: String(i.sourceName), sceneItemId: Number(i.sceneItemId) }));
}

