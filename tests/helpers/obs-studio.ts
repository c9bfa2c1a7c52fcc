import { mkdir, writeFile } from 'node:fs/promises';
import OBSWebSocket from 'obs-websocket-js';
import type { StudioOptions } from '../../src/main/studio';
import type { ObsConnectionView } from '../../src/shared/obs';
import { startDisplay, startObs, type ObsInstance, type VirtualDisplay } from './obs-process';
import { startTestStudio, type TestStudio } from './test-studio';
import { until } from './until';

export interface ObsShowOptions {
  /** Products imported in this order, each put in the rundown. */
  catalogue?: unknown[];
  /** The show's audiences; the connection follows the first. */
  locales?: { locale: string; currency: string }[];
  /** OBS's base canvas; left at OBS's default when absent. */
  canvas?: { width: number; height: number };
  /** Runs setup (the studio's scene and sources) once identified; on unless false. */
  setup?: boolean;
  /** Work done in OBS through the probe before the studio sees it (a streamer's own sources). */
  beforeStudio?: (probe: OBSWebSocket) => Promise<void>;
  studio?: Partial<StudioOptions>;
}

/**
 * A real OBS under Xvfb followed by a real studio: the preamble every OBS integration test shares.
 * `probe` is a separate obs-websocket client that reads what OBS really holds.
 */
export interface ObsShow {
  display: VirtualDisplay;
  obs: ObsInstance;
  t: TestStudio;
  probe: OBSWebSocket;
  connection: ObsConnectionView;
  /** Rundown item ids, in catalogue order. */
  items: string[];
  connectionView(): Promise<ObsConnectionView>;
  /** The text OBS holds in one of its text sources. */
  textOf(inputName: string): Promise<string>;
  /** Pins a rundown item; resolves with the revision the studio answered. */
  pin(index: number): Promise<number>;
  /** After OBS restarted: a new probe session. */
  reconnectProbe(): Promise<void>;
  stop(): Promise<void>;
}

export async function startObsShow(options: ObsShowOptions = {}): Promise<ObsShow> {
  const display = await startDisplay();
  const started: { obs?: ObsInstance; t?: TestStudio } = {};
  try {
    return await follow(display, started, options);
  } catch (err) {
    // A preamble that failed half-way must not leave OBS or Xvfb running for the next file.
    await started.t?.stop().catch(() => {});
    await started.obs?.stop().catch(() => {});
    await display.stop();
    throw err;
  }
}

async function follow(display: VirtualDisplay, started: { obs?: ObsInstance; t?: TestStudio }, options: ObsShowOptions): Promise<ObsShow> {
  const obs = (started.obs = await startObs(display));
  let probe = await connectProbe(obs);
  if (options.canvas) {
    const { width, height } = options.canvas;
    await probe.call('SetVideoSettings', { baseWidth: width, baseHeight: height, outputWidth: width, outputHeight: height });
  }
  await options.beforeStudio?.(probe);
  const t = (started.t = await startTestStudio(options.studio));
  const locales = options.locales ?? [{ locale: 'pl-PL', currency: 'PLN' }];
  const items: string[] = [];
  if (options.catalogue?.length) {
    await t.api('POST', '/api/v1/products/import', options.catalogue);
    for (const p of options.catalogue as { id: string }[]) items.push((await t.api('POST', '/api/v1/rundown/items', { productId: p.id })).body.id);
  }
  await t.api('PATCH', '/api/v1/show', { locales });
  const added = await t.api('POST', '/api/v1/obs/connections', { name: 'Polish channel', url: obs.url, password: obs.password, locale: locales[0].locale });
  if (added.status !== 201) throw new Error(`adding the OBS connection answered ${added.status}: ${JSON.stringify(added.body)}`);
  const connection = added.body as ObsConnectionView;
  const connectionView = async (): Promise<ObsConnectionView> => (await t.api('GET', `/api/v1/obs/connections/${connection.id}`)).body;
  await until('the studio to be identified by OBS', connectionView, (c) => c.status === 'identified', 30_000);
  if (options.setup !== false) {
    const setup = await t.api('POST', `/api/v1/obs/connections/${connection.id}/setup`);
    if (setup.status !== 200) throw new Error(`setup answered ${setup.status}: ${JSON.stringify(setup.body)}`);
  }
  return {
    display,
    obs,
    t,
    get probe() {
      return probe;
    },
    connection,
    items,
    connectionView,
    textOf: async (inputName) => String((await probe.call('GetInputSettings', { inputName })).inputSettings.text ?? ''),
    async pin(index) {
      const res = await t.api('POST', '/api/v1/rundown/pin', { itemId: items[index] });
      if (res.status !== 200) throw new Error(`pin answered ${res.status}: ${JSON.stringify(res.body)}`);
      return Number(res.body.revision);
    },
    async reconnectProbe() {
      await probe.disconnect().catch(() => {});
      probe = await connectProbe(obs);
    },
    async stop() {
      await probe.disconnect().catch(() => {});
      await t.stop();
      await obs.stop();
      await display.stop();
    }
  };
}

/** OBS may have only just opened its port: the handshake is retried until it answers. */
async function connectProbe(obs: ObsInstance): Promise<OBSWebSocket> {
  const probe = new OBSWebSocket();
  await until('the probe to connect to OBS', () => probe.connect(obs.url, obs.password).then(() => true), (ok) => ok, 10_000);
  return probe;
}

/** Where OBS drew a studio source: its box on the canvas. */
export async function boxOf(probe: OBSWebSocket, sceneName: string, sourceName: string): Promise<{ x: number; y: number; w: number; h: number }> {
  const { sceneItemId } = await probe.call('GetSceneItemId', { sceneName, sourceName });
  const { sceneItemTransform: tr } = await probe.call('GetSceneItemTransform', { sceneName, sceneItemId });
  // `width` is the source's own size; bounds (when set) scale it down to fit on the canvas.
  const bounded = tr.boundsType !== 'OBS_BOUNDS_NONE';
  const w = bounded ? Math.min(Number(tr.width), Number(tr.boundsWidth)) : Number(tr.width);
  const h = bounded ? Math.min(Number(tr.height), Number(tr.boundsHeight)) : Number(tr.height);
  return { x: Number(tr.positionX), y: Number(tr.positionY), w, h };
}

/** Saves what OBS shows of a scene as `dir/name.png`, for a person to look at (`SHOPCAST_SCREENSHOTS`). */
export async function saveCanvas(probe: OBSWebSocket, sceneName: string, dir: string, name: string, width: number): Promise<void> {
  const { imageData } = await probe.call('GetSourceScreenshot', { sourceName: sceneName, imageFormat: 'png', imageWidth: width });
  await mkdir(dir, { recursive: true });
  await writeFile(`${dir}/${name}.png`, Buffer.from(imageData.replace(/^data:image\/png;base64,/, ''), 'base64'));
}
