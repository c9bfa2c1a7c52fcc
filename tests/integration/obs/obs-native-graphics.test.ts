import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type OBSWebSocket from 'obs-websocket-js';
import type { TestStudio } from '../../helpers/test-studio';
import { boxOf as boxIn, saveCanvas, startObsShow, type ObsShow } from '../../helpers/obs-studio';
import { until } from '../../helpers/until';
import { STUDIO_SCENE, STUDIO_SOURCE } from '../../../src/main/obs/studio-sources';
import { graphicCardSource, graphicTextSource } from '../../../src/main/obs/native-graphics';

/** `SHOPCAST_SCREENSHOTS=dir` saves the canvas for a person to look at. */
const SHOTS = process.env.SHOPCAST_SCREENSHOTS;

let show: ObsShow;
let t: TestStudio;
let probe: OBSWebSocket;

const textOf = async (inputName: string) => String((await probe.call('GetInputSettings', { inputName })).inputSettings.text ?? '');
const shown = async () => new Map((await probe.call('GetSceneItemList', { sceneName: STUDIO_SCENE })).sceneItems.map((i) => [String(i.sourceName), i.sceneItemEnabled === true]));

const boxOf = (sourceName: string) => boxIn(probe, STUDIO_SCENE, sourceName);
const apart = (a: { x: number; y: number; w: number; h: number }, b: typeof a) => a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;

beforeAll(async () => {
  show = await startObsShow({
    catalogue: [{ id: 'lav-01', title: { pl: 'Spodnie lawendowe', de: 'Lavendelhose' }, price: { PLN: 84.99, EUR: 19.99 }, stock: 3 }],
    locales: [{ locale: 'pl-PL', currency: 'PLN' }, { locale: 'de-DE', currency: 'EUR' }],
    canvas: { width: 1920, height: 1080 }
  });
  ({ t, probe } = show);
}, 90_000);

afterAll(async () => {
  await show?.stop();
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
      await saveCanvas(probe, STUDIO_SCENE, SHOTS, 'native-coupon', 1920);
    }

    expect((await t.api('POST', `/api/v1/graphics/${coupon.body.id}/hide`)).status).toBe(200);
    await until('the coupon hidden', shown, (v) => v.get(graphicTextSource(0)) === false && v.get(graphicCardSource(0)) === false);
  });
});
