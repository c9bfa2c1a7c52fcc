import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import OBSWebSocket from 'obs-websocket-js';
import { startDisplay, startObs, type ObsInstance, type VirtualDisplay } from '../../helpers/obs-process';
import { startTestStudio, type TestStudio } from '../../helpers/test-studio';
import { until } from '../../helpers/until';
import { STUDIO_SCENE, STUDIO_SOURCE } from '../../../src/main/obs/studio-sources';
import type { ObsConnectionView } from '../../../src/shared/obs';

let display: VirtualDisplay;
let obs: ObsInstance;
let t: TestStudio;
let probe: OBSWebSocket;
let connection: ObsConnectionView;

const connectionView = async (): Promise<ObsConnectionView> => (await t.api('GET', `/api/v1/obs/connections/${connection.id}`)).body;
const shown = async () => new Map((await probe.call('GetSceneItemList', { sceneName: STUDIO_SCENE })).sceneItems.map((i) => [String(i.sourceName), i.sceneItemEnabled === true]));

beforeAll(async () => {
  display = await startDisplay();
  obs = await startObs(display);
  probe = new OBSWebSocket();
  await probe.connect(obs.url, obs.password);
  t = await startTestStudio();
  await t.api('POST', '/api/v1/products/import', [
    { id: 'lav-01', title: { pl: 'Spodnie lawendowe' }, price: { PLN: 84.99 }, stock: 3, image: '/media/demo/lav-01.png' },
    { id: 'mug-02', title: { pl: 'Kubek emaliowany' }, price: { PLN: 32 }, stock: 5 }
  ]);
  await t.api('PATCH', '/api/v1/show', { locales: [{ locale: 'pl-PL', currency: 'PLN' }] });
  for (const id of ['lav-01', 'mug-02']) await t.api('POST', '/api/v1/rundown/items', { productId: id });
  // 127.0.0.2 reaches the same OBS, but by its address it is "another computer" to the studio.
  const url = obs.url.replace('127.0.0.1', '127.0.0.2');
  connection = (await t.api('POST', '/api/v1/obs/connections', { name: 'Studio B', url, password: obs.password, locale: 'pl-PL' })).body;
  await until('identified', connectionView, (c) => c.status === 'identified', 15_000);
  expect((await t.api('POST', `/api/v1/obs/connections/${connection.id}/setup`)).status).toBe(200);
}, 90_000);

afterAll(async () => {
  await probe?.disconnect().catch(() => {});
  await t?.stop();
  await obs?.stop();
  await display?.stop();
});

describe('an OBS on another computer', () => {
  it('shows the card without the image, never a path it cannot open, and says why on the OBS card', async () => {
    const { rundown } = (await t.api('GET', '/api/v1/show')).body;
    await t.api('POST', '/api/v1/rundown/pin', { itemId: rundown[0].id });
    const view = await until('the note', connectionView, (c) => c.showing?.productId === 'lav-01' && c.imageNote !== null);
    expect(view.imageNote).toMatch(/another computer.*only from its own disk/);
    const visible = await shown();
    expect(visible.get(STUDIO_SOURCE.title)).toBe(true);
    expect(visible.get(STUDIO_SOURCE.image)).toBe(false);
    // This computer's file path means nothing there: it is not sent.
    expect((await probe.call('GetInputSettings', { inputName: STUDIO_SOURCE.image })).inputSettings.file ?? '').toBe('');
  });

  it('drops the note for a product without an image', async () => {
    await t.api('POST', '/api/v1/rundown/next');
    await until('no note', connectionView, (c) => c.showing?.productId === 'mug-02' && c.imageNote === null);
  });
});
