import type { JsonObject } from 'type-fest';
import { isStudioSource, STUDIO_SCENE, STUDIO_SOURCE } from './studio-canvas';
import type { ObsRpc } from './obs-rpc';

/** Something about this OBS that setup cannot fix by itself; the message says what to do. */
export class SetupError extends Error {}

export interface StudioLayout {
  mode: 'native' | 'browser';
  /** Scene items of the studio's own sources in the studio scene. */
  sceneItemIds: number[];
  /** Studio sources that should be there and are not (the user deleted them): offer repair. */
  missing: string[];
  scenes: string[];
}

export interface SetupReport extends StudioLayout {
  created: string[];
  repaired: string[];
}

export interface SourceSpec {
  name: string;
  kind: string;
  settings: JsonObject;
  transform: JsonObject;
}

const TEXT_KINDS = ['text_ft2_source_v2', 'text_gdiplus_v3', 'text_gdiplus_v2'];

/** OBS alignment flags: left 1, top 4. */
const TOP_LEFT = 5;

/**
 * Creates or repairs the studio's scene and sources in one OBS. Safe to run any number of times;
 * it only ever touches the scene and sources whose names it owns.
 */
export async function setupStudio(rpc: ObsRpc, overlayUrl: string, removed: ReadonlySet<string> = new Set()): Promise<SetupReport> {
  const { inputKinds } = await rpc.call('GetInputKindList', { unversioned: false });
  const video = await rpc.call('GetVideoSettings');
  const specs = studioSources(inputKinds, overlayUrl, video.baseWidth, video.baseHeight);
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
      throw new SetupError(`OBS already has a source named "${spec.name}" of another kind (${kind}); rename or delete it, then run setup again`);
    }
    if (!kind) {
      await rpc.call('CreateInput', { sceneName: STUDIO_SCENE, inputName: spec.name, inputKind: spec.kind, inputSettings: spec.settings, sceneItemEnabled: false });
      created.push(spec.name);
    } else {
      await rpc.call('SetInputSettings', { inputName: spec.name, inputSettings: spec.settings, overlay: true });
    }
  }

  // Sources of ours that someone took out of the studio scene go back in, in their places.
  let items = await sceneItems(rpc);
  for (const spec of specs) {
    if (!items.some((i) => i.sourceName === spec.name)) {
      await rpc.call('CreateSceneItem', { sceneName: STUDIO_SCENE, sourceName: spec.name, sceneItemEnabled: false });
      if (!created.includes(spec.name)) repaired.push(spec.name);
    }
  }
  items = await sceneItems(rpc);
  const batch = specs.flatMap((spec, order) => {
    const item = items.find((i) => i.sourceName === spec.name)!;
    return [
      { requestType: 'SetSceneItemTransform' as const, requestData: { sceneName: STUDIO_SCENE, sceneItemId: item.sceneItemId, sceneItemTransform: spec.transform } },
      { requestType: 'SetSceneItemIndex' as const, requestData: { sceneName: STUDIO_SCENE, sceneItemId: item.sceneItemId, sceneItemIndex: order } }
    ];
  });
  await rpc.callBatch(batch);
  const layout = await inspectStudio(rpc);
  return { ...layout, created, repaired };
}

/** What of the studio's setup this OBS has, without changing anything. */
export async function inspectStudio(rpc: ObsRpc, removed: ReadonlySet<string> = new Set()): Promise<StudioLayout> {
  const { inputKinds } = await rpc.call('GetInputKindList', { unversioned: false });
  const mode = inputKinds.includes('browser_source') ? 'browser' : 'native';
  const expected = mode === 'browser' ? [STUDIO_SOURCE.overlay] : [STUDIO_SOURCE.card, STUDIO_SOURCE.image, STUDIO_SOURCE.title, STUDIO_SOURCE.price, STUDIO_SOURCE.stock];
  const { scenes } = await rpc.call('GetSceneList');
  const sceneNames = scenes.map((s) => String(s.sceneName));
  if (!sceneNames.includes(STUDIO_SCENE)) return { mode, sceneItemIds: [], missing: [STUDIO_SCENE, ...expected], scenes: sceneNames };
  const items = await sceneItems(rpc);
  const present = items.filter((i) => isStudioSource(i.sourceName) && !removed.has(i.sourceName));
  return {
    mode,
    sceneItemIds: present.map((i) => i.sceneItemId),
    missing: expected.filter((name) => !present.some((i) => i.sourceName === name)),
    scenes: sceneNames
  };
}

async function sceneItems(rpc: ObsRpc): Promise<{ sourceName: string; sceneItemId: number }[]> {
  const { sceneItems } = await rpc.call('GetSceneItemList', { sceneName: STUDIO_SCENE });
  return sceneItems.map((i) => ({ sourceName: String(i.sourceName), sceneItemId: Number(i.sceneItemId) }));
}

/**
 * The sources the studio needs in an OBS with these input kinds: one browser source showing the
 * overlay page where OBS has it, else a card drawn with OBS's own text and image sources.
 */
export function studioSources(inputKinds: string[], overlayUrl: string, width: number, height: number): SourceSpec[] {
  return inputKinds.includes('browser_source') ? [browserSpec(overlayUrl, width, height)] : nativeSpecs(inputKinds, width, height);
}

function browserSpec(url: string, width: number, height: number): SourceSpec {
  return {
    name: STUDIO_SOURCE.overlay,
    kind: 'browser_source',
    // The page animates itself; OBS must keep it running while hidden so it is ready when shown.
    settings: { url, width, height, fps: 30, shutdown: false, restart_when_active: false, reroute_audio: false, css: '' },
    transform: { positionX: 0, positionY: 0, alignment: TOP_LEFT, boundsType: 'OBS_BOUNDS_NONE', scaleX: 1, scaleY: 1 }
  };
}

/** A product card drawn with OBS's own sources, for builds without the browser source. */
function nativeSpecs(inputKinds: string[], width: number, height: number): SourceSpec[] {
  const textKind = TEXT_KINDS.find((k) => inputKinds.includes(k));
  if (!textKind || !inputKinds.includes('image_source')) {
    throw new SetupError('this OBS has neither the browser source nor text and image sources; install the official OBS build');
  }
  const g = cardGeometry(width, height);
  const text = (value: string, size: number, rgb: number, bold: boolean): JsonObject =>
    textKind === 'text_ft2_source_v2'
      ? { text: value, font: { face: 'DejaVu Sans', size, style: bold ? 'Bold' : 'Book', flags: bold ? 1 : 0 }, color1: abgr(rgb), color2: abgr(rgb), outline: false, drop_shadow: false, word_wrap: false }
      : { text: value, font: { face: 'Segoe UI', size, style: bold ? 'Bold' : 'Regular', flags: bold ? 1 : 0 }, color: bgr(rgb), opacity: 100 };
  const box = (x: number, y: number, w: number, h: number, boundsType: string): JsonObject => ({
    positionX: x,
    positionY: y,
    alignment: TOP_LEFT,
    boundsType,
    boundsAlignment: TOP_LEFT,
    boundsWidth: Math.max(1, w),
    boundsHeight: Math.max(1, h)
  });
  return [
    {
      name: STUDIO_SOURCE.card,
      kind: inputKinds.find((k) => k.startsWith('color_source')) ?? 'color_source_v3',
      settings: { color: 0xe6181414, width: g.cardW, height: g.cardH },
      transform: { positionX: g.cardX, positionY: g.cardY, alignment: TOP_LEFT, boundsType: 'OBS_BOUNDS_NONE', scaleX: 1, scaleY: 1 }
    },
    { name: STUDIO_SOURCE.image, kind: 'image_source', settings: { file: '', unload: false }, transform: box(g.cardX + g.pad, g.cardY + g.pad, g.image, g.image, 'OBS_BOUNDS_SCALE_INNER') },
    { name: STUDIO_SOURCE.title, kind: textKind, settings: text('', g.titleSize, 0xffffff, true), transform: box(g.textX, g.cardY + g.pad, g.textW, g.titleSize * 1.4, 'OBS_BOUNDS_MAX_ONLY') },
    { name: STUDIO_SOURCE.price, kind: textKind, settings: text('', g.priceSize, 0xffd14f, true), transform: box(g.textX, g.cardY + g.pad + g.titleSize * 1.6, g.textW, g.priceSize * 1.4, 'OBS_BOUNDS_MAX_ONLY') },
    { name: STUDIO_SOURCE.stock, kind: textKind, settings: text('', g.stockSize, 0xd6d6e0, false), transform: box(g.textX, g.cardY + g.cardH - g.pad - g.stockSize * 1.4, g.textW, g.stockSize * 1.4, 'OBS_BOUNDS_MAX_ONLY') }
  ];
}

/** The card in the lower third, inside the title-safe margins, for landscape and vertical canvases. */
export function cardGeometry(width: number, height: number) {
  const vertical = height > width;
  const margin = Math.round(width * 0.05);
  const cardW = vertical ? width - 2 * margin : Math.round(width * 0.46);
  const cardH = Math.round(vertical ? height * 0.15 : height * 0.25);
  const cardX = margin;
  const cardY = height - cardH - Math.round(height * (vertical ? 0.12 : 0.07));
  const pad = Math.round(cardH * 0.08);
  const image = cardH - 2 * pad;
  const textX = cardX + 2 * pad + image;
  return {
    cardX,
    cardY,
    cardW,
    cardH,
    pad,
    image,
    textX,
    textW: cardX + cardW - pad - textX,
    titleSize: Math.round(cardH * 0.17),
    priceSize: Math.round(cardH * 0.2),
    stockSize: Math.round(cardH * 0.11)
  };
}

/** OBS's text colours are 0xAABBGGRR. */
const abgr = (rgb: number): number => (0xff000000 | ((rgb & 0xff) << 16) | (rgb & 0xff00) | ((rgb >> 16) & 0xff)) >>> 0;
const bgr = (rgb: number): number => abgr(rgb) & 0xffffff;
