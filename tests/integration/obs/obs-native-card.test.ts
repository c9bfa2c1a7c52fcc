import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type OBSWebSocket from 'obs-websocket-js';
import type { TestStudio } from '../../helpers/test-studio';
import { boxOf as boxIn, saveCanvas, startObsShow, type ObsShow } from '../../helpers/obs-studio';
import { until } from '../../helpers/until';
import { STUDIO_SCENE, STUDIO_SOURCE } from '../../../src/main/obs/studio-sources';
import { abgr } from '../../../src/main/obs/native-card';
import type { ObsConnectionView } from '../../../src/shared/obs';

/** `SHOPCAST_SCREENSHOTS=dir` saves the canvases for a person to look at. */
const SHOTS = process.env.SHOPCAST_SCREENSHOTS;

let show: ObsShow;
let t: TestStudio;
let probe: OBSWebSocket;
let connection: ObsConnectionView;

const catalogue = [
  {
    id: 'lav-01',
    title: { pl: 'Spodnie lawendowe' },
    pitch: { pl: 'Len z bawełną, luźny krój' },
    badge: { pl: 'Nowość' },
    price: { PLN: 84.99 },
    compareAt: { PLN: 99.99 },
    lowest30d: { PLN: 79.99 },
    stock: 3,
    image: '/media/demo/lav-01.png'
  },
  { id: 'mug-02', title: { pl: 'Kubek emaliowany' }, price: { PLN: 32 }, stock: 5 }
];

const connectionView = async (): Promise<ObsConnectionView> => (await t.api('GET', `/api/v1/obs/connections/${connection.id}`)).body;
const settingsOf = async (inputName: string) => (await probe.call('GetInputSettings', { inputName })).inputSettings;
const textOf = async (inputName: string) => String((await settingsOf(inputName)).text ?? '');
const shown = async () => new Map((await probe.call('GetSceneItemList', { sceneName: STUDIO_SCENE })).sceneItems.map((i) => [String(i.sourceName), i.sceneItemEnabled === true]));

async function screenshot(name: string, width: number): Promise<void> {
  if (SHOTS) await saveCanvas(probe, STUDIO_SCENE, SHOTS, name, width);
}

const boxOf = (sourceName: string) => boxIn(probe, STUDIO_SCENE, sourceName);

beforeAll(async () => {
  show = await startObsShow({ catalogue, canvas: { width: 1920, height: 1080 } });
  ({ t, probe, connection } = show);
}, 90_000);

afterAll(async () => {
  await show?.stop();
});

describe('the native card shows what the browser card shows', () => {
  it('shows the lowest price of the last 30 days, the was-price, badge and pitch when a discounted product is pinned', async () => {
    const { rundown } = (await t.api('GET', '/api/v1/show')).body;
    await t.api('POST', '/api/v1/rundown/pin', { itemId: rundown[0].id });
    await until('the lowest-30-day line', () => textOf(STUDIO_SOURCE.lowest), (v) => v === 'Najniższa cena z 30 dni przed obniżką: 79,99\u00a0zł');
    // Texts come first in the pin's batch, showing them last: look once OBS answered all of it.
    await until('the card drawn', () => connectionView(), (c) => c.showing?.productId === 'lav-01');
    expect(await textOf(STUDIO_SOURCE.price)).toBe('84,99\u00a0zł');
    expect(await textOf(STUDIO_SOURCE.was)).toBe('zamiast 99,99\u00a0zł');
    expect(await textOf(STUDIO_SOURCE.badge)).toBe('Nowość');
    expect(await textOf(STUDIO_SOURCE.pitch)).toBe('Len z bawełną, luźny krój');
    expect(await textOf(STUDIO_SOURCE.next)).toBe('Kubek emaliowany · 32\u00a0zł');
    const visible = await shown();
    for (const name of [STUDIO_SOURCE.lowest, STUDIO_SOURCE.was, STUDIO_SOURCE.badge, STUDIO_SOURCE.pitch, STUDIO_SOURCE.nextCard, STUDIO_SOURCE.ticker]) expect(visible.get(name), name).toBe(true);
    // The lowest price sits inside the card, under the price.
    const card = await boxOf(STUDIO_SOURCE.card);
    const lowest = await boxOf(STUDIO_SOURCE.lowest);
    expect(lowest.y).toBeGreaterThan((await boxOf(STUDIO_SOURCE.price)).y);
    expect(lowest.y + lowest.h).toBeLessThanOrEqual(card.y + card.h);
    await screenshot('native-card-landscape', 1920);
  });

  it('shows a sold-out stock line in the theme\'s primary colour, as the browser card does', async () => {
    expect((await t.api('POST', '/api/v1/products/mug-02/stock', { stock: 0 })).status).toBe(200);
    await t.api('POST', '/api/v1/rundown/next');
    await until('sold out in red', () => settingsOf(STUDIO_SOURCE.stock), (s) => s.text === 'Wyprzedane' && s.color1 === abgr('#ff3b47'));
    await t.api('POST', '/api/v1/products/mug-02/stock', { stock: 5 });
    await until('back to the text colour', () => settingsOf(STUDIO_SOURCE.stock), (s) => s.color1 === abgr('#ffffff'));
  });

  it('hides the lowest-30-day line for a product without a discount', async () => {
    await until('the mug on air', () => textOf(STUDIO_SOURCE.title), (v) => v === 'Kubek emaliowany');
    const visible = await shown();
    expect(visible.get(STUDIO_SOURCE.lowest)).toBe(false);
    expect(visible.get(STUDIO_SOURCE.was)).toBe(false);
    expect(visible.get(STUDIO_SOURCE.image)).toBe(false);
  });

  it('counts a flash deal down second by second, with its price and the lowest-30-day line', async () => {
    const { rundown } = (await t.api('GET', '/api/v1/show')).body;
    await t.api('POST', '/api/v1/rundown/pin', { itemId: rundown[0].id });
    expect((await t.api('POST', '/api/v1/deal', { productId: 'lav-01', price: { PLN: 59.99 }, durationSeconds: 120 })).status).toBe(200);
    const first = await until('the deal clock', () => textOf(STUDIO_SOURCE.dealClock), (v) => /^Koniec za [12]:\d\d$/.test(v));
    const later = await until('the clock to move', () => textOf(STUDIO_SOURCE.dealClock), (v) => v !== first && /^Koniec za/.test(v), 2500);
    expect(later).not.toBe(first);
    expect(await textOf(STUDIO_SOURCE.price)).toBe('59,99\u00a0zł');
    expect(await textOf(STUDIO_SOURCE.lowest)).toBe('Najniższa cena z 30 dni przed obniżką: 79,99\u00a0zł');
    expect(await textOf(STUDIO_SOURCE.deal)).toContain('59,99\u00a0zł');
    expect((await shown()).get(STUDIO_SOURCE.dealCard)).toBe(true);
    await screenshot('native-card-deal', 1920);
    await t.api('DELETE', '/api/v1/deal');
    await until('the deal card hidden', shown, (v) => v.get(STUDIO_SOURCE.dealCard) === false);
  });

  it('follows the theme: a new accent colour reaches the price, and the logo appears top left with coming-up below it', async () => {
    const nextBefore = await boxOf(STUDIO_SOURCE.nextCard);
    await t.api('PATCH', '/api/v1/show', { theme: { accent: '#00c853', logo: '/media/demo/bag-07.png' } });
    await until('the price in the new accent', () => settingsOf(STUDIO_SOURCE.price), (s) => s.color1 === abgr('#00c853'));
    await until('the logo shown', shown, (v) => v.get(STUDIO_SOURCE.logo) === true);
    expect(String((await settingsOf(STUDIO_SOURCE.logo)).file)).toMatch(/bag-07\.png$/);
    const logo = await boxOf(STUDIO_SOURCE.logo);
    const next = await boxOf(STUDIO_SOURCE.nextCard);
    expect(next.y).toBeGreaterThan(nextBefore.y);
    expect(next.y).toBeGreaterThanOrEqual(logo.y + logo.h);
    await screenshot('native-card-theme-logo', 1920);
    await t.api('PATCH', '/api/v1/show', { theme: { accent: '#ffd14f', logo: null } });
    await until('the logo gone', shown, (v) => v.get(STUDIO_SOURCE.logo) === false);
  });

  it('still draws the title when the theme names a font this OBS does not have', async () => {
    await t.api('PATCH', '/api/v1/show', { theme: { font: '"No Such Font 42", sans-serif' } });
    await until('the font asked for', () => settingsOf(STUDIO_SOURCE.title), (s) => (s.font as { face?: string })?.face === 'No Such Font 42');
    const { sceneItemId } = await probe.call('GetSceneItemId', { sceneName: STUDIO_SCENE, sourceName: STUDIO_SOURCE.title });
    await new Promise((r) => setTimeout(r, 300));
    const { sceneItemTransform } = await probe.call('GetSceneItemTransform', { sceneName: STUDIO_SCENE, sceneItemId });
    expect(Number(sceneItemTransform.sourceWidth)).toBeGreaterThan(100);
    await t.api('PATCH', '/api/v1/show', { theme: { font: '"Noto Sans", "DejaVu Sans", system-ui, sans-serif' } });
  });

  it('lays the card out again, by itself, when OBS\'s canvas turns vertical (1080×1920), inside the safe margin', async () => {
    await probe.call('SetVideoSettings', { baseWidth: 1080, baseHeight: 1920, outputWidth: 1080, outputHeight: 1920 });
    // No setup needed: the studio notices the new canvas by its next ping (every 2 s).
    const margin = 54;
    const card = await until('the card full width', () => boxOf(STUDIO_SOURCE.card), (b) => b.w === 1080 - 2 * margin, 5000);
    expect(card.x).toBe(margin);
    expect(card.y).toBeGreaterThan(1920 / 2);
    for (const name of [STUDIO_SOURCE.title, STUDIO_SOURCE.price, STUDIO_SOURCE.lowest, STUDIO_SOURCE.stock, STUDIO_SOURCE.tickerBar, STUDIO_SOURCE.nextCard]) {
      const b = await boxOf(name);
      expect(b.x, name).toBeGreaterThanOrEqual(margin);
      expect(b.x + b.w, name).toBeLessThanOrEqual(1080 - margin + 1);
      expect(b.y + b.h, name).toBeLessThanOrEqual(1920 - margin);
    }
    await screenshot('native-card-vertical', 1080);
  });
});
