import type { JsonObject, JsonValue } from 'type-fest';
import type { RequestBatchRequest } from 'obs-websocket-js';
import type { DesiredSource } from './studio-canvas';
import type { ObsRpc } from './obs-rpc';
import { STUDIO_SCENE, isStudioSource } from './studio-sources';

/** What OBS holds of one studio source (read back, or as last acknowledged). */
export interface KnownSource {
  sceneItemId: number;
  index: number;
  enabled: boolean;
  transform: JsonObject;
  settings: JsonObject;
  /** Filter name → settings. */
  filters: Record<string, JsonObject>;
}

export type KnownCanvas = Map<string, KnownSource>;

/** Settings that carry the product rather than the look: reported as "content". */
const CONTENT_KEYS = new Set(['text', 'file', 'input']);

/**
 * Reads back every studio source of the studio scene in two round trips: OBS can restart without
 * saving its scene collection, and then it holds the items with places, looks or texts lost.
 */
export async function observeCanvas(rpc: ObsRpc): Promise<KnownCanvas> {
  const { sceneItems } = await rpc.call('GetSceneItemList', { sceneName: STUDIO_SCENE });
  const ours = sceneItems
    .map((i) => ({ name: String(i.sourceName), sceneItemId: Number(i.sceneItemId), index: Number(i.sceneItemIndex), enabled: i.sceneItemEnabled === true }))
    .filter((i) => isStudioSource(i.name));
  const requests: RequestBatchRequest[] = ours.flatMap((i) => [
    { requestType: 'GetSceneItemTransform', requestData: { sceneName: STUDIO_SCENE, sceneItemId: i.sceneItemId } },
    { requestType: 'GetInputSettings', requestData: { inputName: i.name } },
    { requestType: 'GetSourceFilterList', requestData: { sourceName: i.name } }
  ]);
  const responses = requests.length ? await rpc.callBatch(requests) : [];
  const known: KnownCanvas = new Map();
  ours.forEach((i, n) => {
    const [transform, settings, filters] = responses.slice(n * 3, n * 3 + 3).map((r) => (r.requestStatus.result ? ((r.responseData ?? {}) as JsonObject) : null));
    if (!transform || !settings) return; // gone between the list and the batch: setup's repair case
    const filterList = Array.isArray(filters?.filters) ? (filters.filters as JsonObject[]) : [];
    known.set(i.name, {
      sceneItemId: i.sceneItemId,
      index: i.index,
      enabled: i.enabled,
      transform: (transform.sceneItemTransform ?? {}) as JsonObject,
      settings: (settings.inputSettings ?? {}) as JsonObject,
      filters: Object.fromEntries(filterList.map((f) => [String(f.filterName), (f.filterSettings ?? {}) as JsonObject]))
    });
  });
  return known;
}

export interface CanvasDiff {
  requests: RequestBatchRequest[];
  /** What differed, as `Shopcast · Price: place` (place, order, look, content, scroll, visibility). */
  labels: string[];
  /** What OBS holds once the requests went through. */
  after: KnownCanvas;
}

/**
 * The requests that bring OBS from `known` to `desired`, content before visibility so a card never
 * flashes the previous product. Sources OBS does not have are left to setup's repair. `contentOnly`:
 * the caller knows OBS already has every look, place, filter and order of `desired` (it sent them
 * and nothing was read back since), so only texts, files and visibility are compared, as a pin needs.
 */
export function diffCanvas(desired: DesiredSource[], known: KnownCanvas, contentOnly = false): CanvasDiff {
  const requests: RequestBatchRequest[] = [];
  const labels: string[] = [];
  const after: KnownCanvas = new Map(known);
  const present = desired.filter((d) => known.has(d.name));
  for (const d of present) {
    if (d.onlyVisibility) continue;
    const k = known.get(d.name)!;
    const sceneItemId = k.sceneItemId;
    const keys = contentOnly ? Object.keys(d.settings).filter((key) => CONTENT_KEYS.has(key)) : Object.keys(d.settings);
    const changed = Object.fromEntries(keys.filter((key) => !same(d.settings[key], k.settings[key])).map((key) => [key, d.settings[key]]));
    if (Object.keys(changed).length) {
      requests.push({ requestType: 'SetInputSettings', requestData: { inputName: d.name, inputSettings: changed, overlay: true } });
      if (Object.keys(changed).some((key) => !CONTENT_KEYS.has(key))) labels.push(`${d.name}: look`);
      if (Object.keys(changed).some((key) => CONTENT_KEYS.has(key))) labels.push(`${d.name}: content`);
    }
    if (contentOnly) {
      if (Object.keys(changed).length) after.set(d.name, { ...k, settings: { ...k.settings, ...changed } });
      continue;
    }
    if (!same(d.transform, k.transform)) {
      requests.push({ requestType: 'SetSceneItemTransform', requestData: { sceneName: STUDIO_SCENE, sceneItemId, sceneItemTransform: d.transform } });
      labels.push(`${d.name}: place`);
    }
    for (const f of d.filters) {
      if (!(f.name in k.filters)) {
        requests.push({ requestType: 'CreateSourceFilter', requestData: { sourceName: d.name, filterName: f.name, filterKind: f.kind, filterSettings: f.settings } });
        labels.push(`${d.name}: scroll`);
      } else if (!same(f.settings, k.filters[f.name])) {
        requests.push({ requestType: 'SetSourceFilterSettings', requestData: { sourceName: d.name, filterName: f.name, filterSettings: f.settings, overlay: true } });
        labels.push(`${d.name}: scroll`);
      }
    }
    after.set(d.name, { ...k, transform: { ...k.transform, ...d.transform }, settings: { ...k.settings, ...d.settings }, filters: { ...k.filters, ...Object.fromEntries(d.filters.map((f) => [f.name, f.settings])) } });
  }
  // Order: ours at the bottom of the studio scene, in the layout's order. Setting each from the
  // bottom up gives that order whatever else the user put in the scene.
  // Relative order is what shows; absolute indices shift with whatever else is in the scene.
  const ranked = contentOnly ? present : [...present].sort((a, b) => known.get(a.name)!.index - known.get(b.name)!.index);
  const misplaced = present.filter((d, position) => ranked[position] !== d);
  if (misplaced.length) {
    present.forEach((d, position) => {
      requests.push({ requestType: 'SetSceneItemIndex', requestData: { sceneName: STUDIO_SCENE, sceneItemId: known.get(d.name)!.sceneItemId, sceneItemIndex: position } });
      after.set(d.name, { ...after.get(d.name)!, index: position });
    });
    labels.push(...misplaced.map((d) => `${d.name}: order`));
  }
  for (const d of present) {
    const k = known.get(d.name)!;
    if (k.enabled === d.enabled) continue;
    requests.push({ requestType: 'SetSceneItemEnabled', requestData: { sceneName: STUDIO_SCENE, sceneItemId: k.sceneItemId, sceneItemEnabled: d.enabled } });
    labels.push(`${d.name}: visibility`);
    after.set(d.name, { ...after.get(d.name)!, enabled: d.enabled });
  }
  return { requests, labels, after };
}

/** OBS keeps transforms as floats: a place within half a pixel is the same place. */
function same(want: JsonValue | undefined, have: JsonValue | undefined): boolean {
  if (typeof want === 'number') return typeof have === 'number' && Math.abs(want - have) < 0.5;
  if (want && typeof want === 'object' && !Array.isArray(want)) {
    if (!have || typeof have !== 'object' || Array.isArray(have)) return false;
    return Object.entries(want).every(([key, value]) => same(value, (have as JsonObject)[key]));
  }
  // OBS leaves out a text never set (a source created empty, then restarted): empty is empty.
  return want === have || (want === '' && have === undefined);
}
