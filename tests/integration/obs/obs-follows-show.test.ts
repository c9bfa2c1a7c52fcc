import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import OBSWebSocket from 'obs-websocket-js';
import { startDisplay, startObs, type ObsInstance, type VirtualDisplay } from '../../helpers/obs-process';
import { startTestStudio, type TestStudio } from '../../helpers/test-studio';
import { until } from '../../helpers/until';
import { STUDIO_SCENE, STUDIO_SOURCE, studioSourceNames } from '../../../src/main/obs/studio-sources';
import type { ObsConnectionView } from '../../../src/shared/obs';

let display: VirtualDisplay;
let obs: ObsInstance;
let t: TestStudio;
let probe: OBSWebSocket;
let connection: ObsConnectionView;

const catalogue = [
  { id: 'lav-01', title: { en: 'Lavender trousers', pl: 'Spodnie lawendowe', de: 'Lavendelhose' }, price: { EUR: 19.99, PLN: 84.99 }, compareAt: { PLN: 99.99 }, stock: 3, image: '/media/demo/lav-01.png' },
  { id: 'mug-02', title: { en: 'Enamel mug', pl: 'Kubek emaliowany', de: 'Emaille-Becher' }, price: { EUR: 7.5, PLN: 32 }, stock: 5 },
  { id: 'lamp-03', title: { en: 'Desk lamp', pl: 'Lampka biurkowa', de: 'Schreibtischlampe' }, price: { EUR: 39, PLN: 169 }, stock: 0 }
];


const connectionView = async (id: string): Promise<ObsConnectionView> => (await t.api('GET', `/api/v1/obs/connections/${id}`)).body;
const textOf = async (inputName: string) => String((await probe.call('GetInputSettings', { inputName })).inputSettings.text ?? '');

async function connectProbe(): Promise<void> {
  probe = new OBSWebSocket();
  await probe.connect(obs.url, obs.password);
}

beforeAll(async () => {
  display = await startDisplay();
  obs = await startObs(display);
  await connectProbe();
  // The streamer's own scene and source, which the studio must never touch.
  await probe.call('CreateInput', { sceneName: 'Scene', inputName: 'My caption', inputKind: 'text_ft2_source_v2', inputSettings: { text: 'hello chat' } });
  t = await startTestStudio();
  await t.api('POST', '/api/v1/products/import', catalogue);
  await t.api('PATCH', '/api/v1/show', { locales: [{ locale: 'pl-PL', currency: 'PLN' }, { locale: 'de-DE', currency: 'EUR' }] });
  for (const p of catalogue) await t.api('POST', '/api/v1/rundown/items', { productId: p.id });
  const added = await t.api('POST', '/api/v1/obs/connections', { name: 'Polish channel', url: obs.url, password: obs.password, locale: 'pl-PL' });
  expect(added.status).toBe(201);
  connection = added.body;
  await until('the studio to be identified by OBS', () => connectionView(connection.id), (c) => c.status === 'identified');
}, 60_000);

afterAll(async () => {
  await probe?.disconnect().catch(() => {});
  await t?.stop();
  await obs?.stop();
  await display?.stop();
});

describe('OBS follows the show', () => {
  it('never returns the OBS password in the API', async () => {
    const { body } = await t.api('GET', '/api/v1/obs/connections');
    expect(JSON.stringify(body)).not.toContain(obs.password);
    expect(body.connections[0]).toMatchObject({ name: 'Polish channel', hasPassword: true, locale: 'pl-PL', currency: 'PLN' });
    expect(JSON.stringify((await t.api('GET', '/api/v1/show')).body)).not.toContain(obs.password);
  });

  it('reports that setup is needed on an OBS that has never seen the studio', async () => {
    expect((await connectionView(connection.id)).setup).toMatchObject({ state: 'needed', mode: 'native' });
  });

  it('sets up its scene and native sources on an empty OBS, and a second setup changes nothing', async () => {
    const first = await t.api('POST', `/api/v1/obs/connections/${connection.id}/setup`);
    expect(first.status).toBe(200);
    const native = studioSourceNames(['image_source', 'color_source_v3', 'text_ft2_source_v2']);
    expect(first.body.created).toEqual([STUDIO_SCENE, ...native]);
    const inputsAfterFirst = (await probe.call('GetInputList')).inputs.map((i) => i.inputName);

    const second = await t.api('POST', `/api/v1/obs/connections/${connection.id}/setup`);
    expect(second.body).toMatchObject({ created: [], repaired: [], missing: [] });
    expect((await probe.call('GetInputList')).inputs.map((i) => i.inputName)).toEqual(inputsAfterFirst);
    expect((await probe.call('GetSceneItemList', { sceneName: STUDIO_SCENE })).sceneItems).toHaveLength(native.length);

    // The streamer's own source is untouched.
    expect((await probe.call('GetInputSettings', { inputName: 'My caption' })).inputSettings.text).toBe('hello chat');
    expect((await probe.call('GetSceneList')).scenes.map((s) => s.sceneName).sort()).toEqual(['Scene', STUDIO_SCENE].sort());
    expect((await connectionView(connection.id)).setup.state).toBe('ready');
  });

  it('puts a pinned product on the canvas in the connection\'s language and currency', async () => {
    const before = (await probe.call('GetSourceScreenshot', { sourceName: STUDIO_SCENE, imageFormat: 'png', imageWidth: 320 })).imageData;
    const { rundown } = (await t.api('GET', '/api/v1/show')).body;
    await t.api('POST', '/api/v1/rundown/pin', { itemId: rundown[0].id });
    // OBS runs a batch one request after another: read the canvas once OBS acknowledged all of it.
    await until('OBS to acknowledge the pin', () => connectionView(connection.id), (c) => c.showing?.productId === 'lav-01');
    await until('the Polish title on the canvas', () => textOf(STUDIO_SOURCE.title), (v) => v === 'Spodnie lawendowe');
    expect(await textOf(STUDIO_SOURCE.price)).toBe('84,99\u00a0zł');
    expect(await textOf(STUDIO_SOURCE.was)).toBe('zamiast 99,99\u00a0zł');
    expect(await textOf(STUDIO_SOURCE.stock)).toBe('Zostały 3 sztuki');
    const image = (await probe.call('GetInputSettings', { inputName: STUDIO_SOURCE.image })).inputSettings.file;
    expect(String(image)).toMatch(/lav-01\.png$/);
    const cardSources = [STUDIO_SOURCE.card, STUDIO_SOURCE.image, STUDIO_SOURCE.title, STUDIO_SOURCE.price, STUDIO_SOURCE.was, STUDIO_SOURCE.stock];
    const visibility = async () => new Map((await probe.call('GetSceneItemList', { sceneName: STUDIO_SCENE })).sceneItems.map((i) => [i.sourceName, i.sceneItemEnabled]));
    // Texts and visibility are separate requests of one batch: on a busy machine OBS may report the text first.
    const shown = await until('the card shown', visibility, (v) => cardSources.every((name) => v.get(name) === true));
    for (const name of cardSources) expect(shown.get(name), name).toBe(true);
    // No deal runs: its card stays hidden.
    expect(shown.get(STUDIO_SOURCE.dealCard)).toBe(false);
    // The pixels changed: the card is drawn.
    const after = await until(
      'the canvas to show the card',
      async () => (await probe.call('GetSourceScreenshot', { sourceName: STUDIO_SCENE, imageFormat: 'png', imageWidth: 320 })).imageData,
      (img) => img !== before
    );
    expect(after.startsWith('data:image/png;base64,')).toBe(true);
  });

  it('shows a sold-out product with its flag and hides the card on unpin', async () => {
    const { rundown } = (await t.api('GET', '/api/v1/show')).body;
    await t.api('POST', '/api/v1/rundown/pin', { itemId: rundown[2].id });
    await until('the sold-out line', () => textOf(STUDIO_SOURCE.stock), (v) => v === 'Wyprzedane');
    expect(await textOf(STUDIO_SOURCE.title)).toBe('Lampka biurkowa');
    await t.api('POST', '/api/v1/rundown/unpin');
    await until(
      'the card to be hidden',
      async () => (await probe.call('GetSceneItemList', { sceneName: STUDIO_SCENE })).sceneItems.map((i) => i.sceneItemEnabled),
      (enabled) => enabled.every((e) => e === false)
    );
    // OBS hides the items before the studio has read OBS's answer to the batch: the studio's own
    // view follows within moments of that answer.
    await until('the studio to say nothing is showing', async () => (await connectionView(connection.id)).showing?.productId, (id) => id === null);
  });

  it('says so when the streamer deletes a studio source, and repair brings it back', async () => {
    // As OBS's Sources dock does it: the scene item goes, and with it the source.
    const { sceneItemId } = await probe.call('GetSceneItemId', { sceneName: STUDIO_SCENE, sourceName: STUDIO_SOURCE.price });
    await probe.call('RemoveSceneItem', { sceneName: STUDIO_SCENE, sceneItemId });
    // As a script would: the source is removed while its scene item still holds it.
    await probe.call('RemoveInput', { inputName: STUDIO_SOURCE.stock });
    const seen = await until('the repair notice', () => connectionView(connection.id), (c) => c.setup.missing.length === 2);
    expect(seen.setup).toMatchObject({ state: 'repair', missing: [STUDIO_SOURCE.price, STUDIO_SOURCE.stock] });
    const repaired = await t.api('POST', `/api/v1/obs/connections/${connection.id}/setup`);
    expect(repaired.body.created).toEqual([STUDIO_SOURCE.price, STUDIO_SOURCE.stock]);
    expect((await probe.call('GetSceneItemList', { sceneName: STUDIO_SCENE })).sceneItems).toHaveLength(studioSourceNames(['image_source', 'text_ft2_source_v2']).length);
    expect((await connectionView(connection.id)).setup).toMatchObject({ state: 'ready', missing: [] });
  });

  it('heals by itself when OBS is killed mid-show and comes back, showing what was pinned meanwhile', async () => {
    const { rundown } = (await t.api('GET', '/api/v1/show')).body;
    await t.api('POST', '/api/v1/rundown/pin', { itemId: rundown[0].id });
    await until('the first product', () => textOf(STUDIO_SOURCE.title), (v) => v === 'Spodnie lawendowe');
    await probe.disconnect().catch(() => {});
    await obs.kill();
    await until('the studio to notice', () => connectionView(connection.id), (c) => c.status === 'backing_off' || c.status === 'connecting');
    // The host moves on while OBS is down.
    await t.api('POST', '/api/v1/rundown/next');
    await obs.restart();
    const back = Date.now();
    await connectProbe();
    await until('the canvas to show the product pinned while OBS was down', () => textOf(STUDIO_SOURCE.title), (v) => v === 'Kubek emaliowany', 15_000);
    const healedMs = Date.now() - back;
    expect(healedMs).toBeLessThan(10_000);
    // OBS shows it a moment before its answer reaches the studio.
    const view = await until('the studio to record it', () => connectionView(connection.id), (c) => c.showing?.productId === 'mug-02', 2000);
    expect(view.status).toBe('identified');
  }, 60_000);

  it('switches the program scene when asked and answers 409 for a scene that does not exist', async () => {
    expect((await t.api('POST', `/api/v1/obs/connections/${connection.id}/scene`, { sceneName: STUDIO_SCENE })).status).toBe(200);
    await until('the scene switch', async () => (await probe.call('GetCurrentProgramScene')).currentProgramSceneName, (s) => s === STUDIO_SCENE);
    await until('the view to follow', () => connectionView(connection.id), (c) => c.currentScene === STUDIO_SCENE);
    const refused = await t.api('POST', `/api/v1/obs/connections/${connection.id}/scene`, { sceneName: 'Nope' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('obs_refused');
  });

  it('samples health: frame rate and frames from the liveness ping', async () => {
    const view = await until('a health sample', () => connectionView(connection.id), (c) => c.health !== null && c.health.fps > 0);
    expect(view.health).toMatchObject({ streaming: false, recording: false, bitrateKbps: null });
    expect(view.health!.renderTotalFrames).toBeGreaterThan(0);
  });
});
