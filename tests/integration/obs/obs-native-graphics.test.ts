import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import OBSWebSocket from 'obs-websocket-js';
import { startDisplay, startObs, type ObsInstance, type VirtualDisplay } from '../../helpers/obs-process';
import { startTestStudio, type TestStudio } from '../../helpers/test-studio';
import { until } from '../../helpers/until';
import { STUDIO_SCENE, STUDIO_SOURCE } from '../../../src/main/obs/studio-sources';
import { graphicCardSource, graphicTextSource } from '../../../src/main/obs/native-graphics';
import type { ObsConnectionView } from '../../../src/shared/obs';

/** `SHOPCAST_SCREENSHOTS=dir` saves the canvas for a person to look at. */
const SHOTS = process.env.SHOPCAST_SCREENSHOTS;

let display: VirtualDisplay;
let obs: ObsInstance;
let t: TestStudio;
let probe: OBSWebSocket;
let connection: ObsConnectionView;

const connectionView = async (): Promise<ObsConnectionView> => (await t.api('GET', `/api/v1/obs/connections/${connection.id}`)).body;
const textOf = async (inputName: string) => String((await probe.call('GetInputSettings', { inputName })).inputSettings.text ?? '');
const shown = async () => new Map((await probe.call('GetSceneItemList', { sceneName: STUDIO_SCENE })).sceneItems.map((i) => [String(i.sourceName), i.sceneItemEnabled === true]));

async function boxOf(sourceName: string) {
  const { sceneItemId } = await probe.call('GetSceneItemId', { sceneName: STUDIO_SCENE, sourceName });
  const { sceneItemTransform: tr } = await probe.call('GetSceneItemTransform', { sceneName: STUDIO_SCENE, sceneItemId });
  const bounded = tr.boundsType !== 'OBS_BOUNDS_NONE';
  const w = bounded ? Math.min(Number(tr.width), Number(tr.boundsWidth)) : Number(tr.width);
  const h = bounded ? Math.min(Number(tr.height), Number(tr.boundsHeight)) : Number(tr.height);
  return { x: Number(tr.positionX), y: Number(tr.positionY), w, h };
}
const apart = (a: { x: number; y: number; w: number; h: number }, b: typeof a) => a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;

beforeAll(async () => {
  display = await startDisplay();
  obs = await startObs(display);
  probe = new OBSWebSocket();
  await probe.connect(obs.url, obs.password);
  await probe.call('SetVideoSettings', { baseWidth: 1920, baseHeight: 1080, outputWidth: 1920, outputHeight: 1080 });
  t = await startTestStudio();
  await t.api('POST', '/api/v1/products/import', [{ id: 'lav-01', title: { pl: 'Spodnie lawendowe', de: 'Lavendelhose' }, price: { PLN: 84.99, EUR: 19.99 }, stock: 3 }]);
  await t.api('PATCH', '/api/v1/show', { locales: [{ locale: 'pl-PL', currency: 'PLN' }, { locale: 'de-DE', currency: 'EUR' }] });
  await t.api('POST', '/api/v1/rundown/items', { productId: 'lav-01' });
  connection = (await t.api('POST', '/api/v1/obs/connections', { name: 'Polish channel', url: obs.url, password: obs.password, locale: 'pl-PL' })).body;
  await until('identified', connectionView, (c) => c.status === 'identified');
  expect((await t.api('POST', `/api/v1/obs/connections/${connection.id}/setup`)).status).toBe(200);
}, 90_000);

afterAll(async () => {
  await probe?.disconnect().catch(() => {});
  await t?.stop();
  await obs?.stop();
  await display?.stop();
});

describe('a coupon on the native card', () => {
  it("shows the Polish OBS the Polish code with OBS's own sources, with nothing on air, and hides it again", async () => {
    const coupon = await t.api('POST', '/api/v1/graphics', { kind: 'coupon', text: { pl: 'Rabat 10% na całe zamówienie', de: '10 % Rabatt' }, code: { 'pl-PL': 'POLSKA10', 'de-DE': 'HERBST10' } });
    expect((await t.api('POST', `/api/v1/graphics/${coupon.body.id}/show`)).status).toBe(200);
    await until('the coupon drawn', () => textOf(graphicTextSource(0)), (v) => v === 'Rabat 10% na całe zamówienie\nKod: POLSKA10');
    await until('the coupon and its card shown', shown, (v) => v.get(graphicTextSource(0)) === true && v.get(graphicCardSource(0)) === true);
    expect((await shown()).get(graphicTextSource(1))).toBe(false);

    const { rundown } = (await t.api('GET', '/api/v1/show')).body;
    await t.api('POST', '/api/v1/rundown/pin', { itemId: rundown[0].id });
    await until('the product card', () => textOf(STUDIO_SOURCE.title), (v) => v === 'Spodnie lawendowe');
    // Beside the product card, not over it, and inside the canvas.
    const couponBox = await boxOf(graphicCardSource(0));
    for (const name of [STUDIO_SOURCE.card, STUDIO_SOURCE.tickerBar, STUDIO_SOURCE.dealCard]) expect(apart(couponBox, await boxOf(name)), name).toBe(true);
    expect(couponBox.x + couponBox.w).toBeLessThanOrEqual(1920);
    if (SHOTS) {
      await new Promise((r) => setTimeout(r, 300));
      const { imageData } = await probe.call('GetSourceScreenshot', { sourceName: STUDIO_SCENE, imageFormat: 'png', imageWidth: 1920 });
      await mkdir(SHOTS, { recursive: true });
      await writeFile(`${SHOTS}/native-coupon.png`, Buffer.from(imageData.replace(/^data:image\/png;base64,/, ''), 'base64'));
    }

    expect((await t.api('POST', `/api/v1/graphics/${coupon.body.id}/hide`)).status).toBe(200);
    await until('the coupon hidden', shown, (v) => v.get(graphicTextSource(0)) === false && v.get(graphicCardSource(0)) === false);
  });
});
