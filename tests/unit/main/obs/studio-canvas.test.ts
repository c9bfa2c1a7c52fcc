import { describe, expect, it } from 'vitest';
import { NO_SALES } from '../../../../src/shared/sales';
import { audienceFor, canvasContent, canvasRequests, STUDIO_SCENE, STUDIO_SOURCE } from '../../../../src/main/obs/studio-canvas';
import { OverlayText } from '../../../../src/shared/overlay-text';
import { emptyProduct } from '../../../../src/shared/product';
import type { ShowView } from '../../../../src/shared/view';
import { loadDictionaries } from '../../../../src/main/locales';
import { DEFAULT_THEME } from '../../../../src/shared/theme';

const text = new OverlayText(loadDictionaries('resources/locales'));
const locales = [
  { locale: 'pl-PL', currency: 'PLN' },
  { locale: 'de-DE', currency: 'EUR' }
];
const product = { ...emptyProduct('lav-01'), title: { en: 'Lavender trousers', pl: 'Spodnie lawendowe' }, price: { PLN: 84.99, EUR: 19.99 }, compareAt: { EUR: 24.99 }, stock: 22, image: '/media/demo/lav-01.png' };

function view(onAir: boolean, scene: string | null = null): ShowView {
  return {
    revision: 7,
    title: 'Show',
    locales,
    rundown: [{ id: 'item-1', productId: 'lav-01', scene, addedAt: 0, addedBy: 'x', product, soldOut: false }],
    onAir: onAir ? { itemId: 'item-1', productId: 'lav-01', since: 1, soldOut: false } : null,
    lastOnAirItemId: null,
    sales: NO_SALES,
    obs: [],
    catalogue: { count: 1, revision: 1 },
    deal: null,
    theme: DEFAULT_THEME,
    operators: [],
    goal: null
  };
}

describe('what an OBS canvas shows', () => {
  it('takes the currency of the show locale that matches the connection, then of its language', () => {
    expect(audienceFor('pl-PL', locales).currency).toBe('PLN');
    expect(audienceFor('de-AT', locales).currency).toBe('EUR');
    expect(audienceFor('fr-FR', locales)).toEqual({ locale: 'fr-FR', currency: 'PLN', fallbacks: ['pl'], baseLanguage: 'pl' });
  });

  it('writes the Polish card with Polish plural forms and the złoty price', () => {
    const c = canvasContent(view(true), audienceFor('pl-PL', locales), text);
    expect(c).toMatchObject({ visible: true, title: 'Spodnie lawendowe', price: '84,99\u00a0zł', stockLine: 'Zostały 22 sztuki', productId: 'lav-01' });
  });

  it('falls back to the show language for a missing translation and shows the was-price', () => {
    const c = canvasContent(view(true), audienceFor('de-DE', locales), text);
    expect(c.title).toBe('Spodnie lawendowe');
    expect(c.price).toBe('19,99\u00a0€  statt 24,99\u00a0€');
    expect(c.stockLine).toBe('Nur noch 22 Stück');
  });

  it('hides the card when nothing is on air', () => {
    const c = canvasContent(view(false), audienceFor('pl-PL', locales), text);
    const requests = canvasRequests(c, { mode: 'native', sceneItemIds: [1, 2], scenes: [], imageFile: null });
    expect(requests).toEqual([
      { requestType: 'SetSceneItemEnabled', requestData: { sceneName: STUDIO_SCENE, sceneItemId: 1, sceneItemEnabled: false } },
      { requestType: 'SetSceneItemEnabled', requestData: { sceneName: STUDIO_SCENE, sceneItemId: 2, sceneItemEnabled: false } }
    ]);
  });

  it('fills every native source and shows the card in one batch, switching to the item\'s scene when OBS has it', () => {
    const c = canvasContent(view(true, 'Close-up'), audienceFor('pl-PL', locales), text);
    const requests = canvasRequests(c, { mode: 'native', sceneItemIds: [1], scenes: ['Close-up'], imageFile: '/x/lav-01.png' });
    expect(requests.map((r) => r.requestType)).toEqual(['SetInputSettings', 'SetInputSettings', 'SetInputSettings', 'SetInputSettings', 'SetSceneItemEnabled', 'SetCurrentProgramScene']);
    expect(requests[0]).toEqual({ requestType: 'SetInputSettings', requestData: { inputName: STUDIO_SOURCE.title, inputSettings: { text: 'Spodnie lawendowe' }, overlay: true } });
    expect(requests[3]).toMatchObject({ requestData: { inputSettings: { file: '/x/lav-01.png' } } });
  });

  it('sends only what changed since OBS last acknowledged the canvas', () => {
    const before = canvasContent(view(true), audienceFor('pl-PL', locales), text);
    const target = { mode: 'native' as const, sceneItemIds: [1], scenes: [], imageFile: '/x/lav-01.png' };
    const previous = { content: before, imageFile: '/x/lav-01.png' };
    const soldOut = canvasContent({ ...view(true), rundown: [{ ...view(true).rundown[0], product: { ...product, stock: 0 } }] }, audienceFor('pl-PL', locales), text);
    expect(canvasRequests(soldOut, target, previous)).toEqual([
      { requestType: 'SetInputSettings', requestData: { inputName: STUDIO_SOURCE.stock, inputSettings: { text: 'Wyprzedane' }, overlay: true } }
    ]);
    expect(canvasRequests(before, target, previous)).toEqual([]);
  });

  it('does not ask OBS for a scene it does not have, and leaves a browser overlay to draw itself', () => {
    const c = canvasContent(view(true, 'Missing scene'), audienceFor('pl-PL', locales), text);
    expect(canvasRequests(c, { mode: 'browser', sceneItemIds: [1], scenes: ['Scene'], imageFile: null })).toEqual([]);
  });
});
