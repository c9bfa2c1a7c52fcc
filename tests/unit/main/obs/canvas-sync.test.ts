import { describe, expect, it } from 'vitest';
import { diffCanvas, type KnownCanvas, type KnownSource } from '../../../../src/main/obs/canvas-sync';
import type { DesiredSource } from '../../../../src/main/obs/studio-canvas';
import { STUDIO_SCENE } from '../../../../src/main/obs/studio-sources';

const place = { positionX: 10, positionY: 20, alignment: 5, boundsType: 'OBS_BOUNDS_NONE', scaleX: 1, scaleY: 1, rotation: 0 };
const desired: DesiredSource[] = [
  { name: 'Shopcast · Card', index: 0, enabled: true, transform: place, settings: { color: 4, width: 100, height: 50 }, filters: [] },
  { name: 'Shopcast · Title', index: 1, enabled: true, transform: { ...place, positionY: 30 }, settings: { text: 'Kubek', font: { face: 'DejaVu Sans', size: 40 } }, filters: [] }
];
const known = (): KnownCanvas =>
  new Map<string, KnownSource>([
    ['Shopcast · Card', { sceneItemId: 1, index: 0, enabled: true, transform: { ...place, positionX: 10.000000381 }, settings: { color: 4, width: 100, height: 50 }, filters: {} }],
    ['Shopcast · Title', { sceneItemId: 2, index: 1, enabled: true, transform: { ...place, positionY: 30, width: 120 }, settings: { text: 'Kubek', font: { face: 'DejaVu Sans', size: 40, style: 'Book' } }, filters: {} }]
  ]);

describe('bringing OBS to the card', () => {
  it('sends nothing when OBS holds the card (float places and extra keys OBS adds are the same)', () => {
    expect(diffCanvas(desired, known())).toMatchObject({ requests: [], labels: [] });
  });

  it('puts back a place lost in a restart and says so', () => {
    const k = known();
    k.set('Shopcast · Title', { ...k.get('Shopcast · Title')!, transform: { ...place, positionX: 0, positionY: 0 } });
    const diff = diffCanvas(desired, k);
    expect(diff.labels).toEqual(['Shopcast · Title: place']);
    expect(diff.requests).toEqual([{ requestType: 'SetSceneItemTransform', requestData: { sceneName: STUDIO_SCENE, sceneItemId: 2, sceneItemTransform: desired[1].transform } }]);
    expect(diffCanvas(desired, diff.after).requests).toEqual([]);
  });

  it('sends only the settings that differ, content apart from look, then visibility last', () => {
    const k = known();
    k.set('Shopcast · Title', { ...k.get('Shopcast · Title')!, enabled: false, settings: { text: 'Lampa', font: { face: 'DejaVu Sans', size: 30 } } });
    const diff = diffCanvas(desired, k);
    expect(diff.labels).toEqual(['Shopcast · Title: look', 'Shopcast · Title: content', 'Shopcast · Title: visibility']);
    expect(diff.requests.map((r) => r.requestType)).toEqual(['SetInputSettings', 'SetSceneItemEnabled']);
    expect((diff.requests[0] as { requestData: unknown }).requestData).toMatchObject({ inputSettings: { text: 'Kubek', font: { size: 40 } }, overlay: true });
  });

  it('restores the order from the bottom up and names the sources that were out of place', () => {
    const k = known();
    k.set('Shopcast · Card', { ...k.get('Shopcast · Card')!, index: 1 });
    k.set('Shopcast · Title', { ...k.get('Shopcast · Title')!, index: 0 });
    const diff = diffCanvas(desired, k);
    expect(diff.labels).toEqual(['Shopcast · Card: order', 'Shopcast · Title: order']);
    expect(diff.requests.map((r) => (r as { requestData: { sceneItemIndex: number } }).requestData.sceneItemIndex)).toEqual([0, 1]);
  });

  it('going off air sends only the hiding, whatever else differs', () => {
    const hidden = desired.map((d) => ({ ...d, enabled: false, settings: { text: '' }, transform: { ...place, positionX: 999 }, onlyVisibility: true }));
    const diff = diffCanvas(hidden, known());
    expect(diff.requests.map((r) => r.requestType)).toEqual(['SetSceneItemEnabled', 'SetSceneItemEnabled']);
    expect(diff.after.get('Shopcast · Title')!.settings.text).toBe('Kubek');
  });

  it('creates a missing scroll filter, and leaves sources OBS does not have to setup', () => {
    const withScroll = [desired[0], { ...desired[1], filters: [{ name: 'Shopcast · Scroll', kind: 'scroll_filter', settings: { speed_x: 90 } }] }];
    const diff = diffCanvas(withScroll, known());
    expect(diff.requests).toEqual([{ requestType: 'CreateSourceFilter', requestData: { sourceName: 'Shopcast · Title', filterName: 'Shopcast · Scroll', filterKind: 'scroll_filter', filterSettings: { speed_x: 90 } } }]);
    const without = known();
    without.delete('Shopcast · Card');
    expect(diffCanvas(desired, without).requests).toEqual([]);
  });

  it('for a pin on a settled layout, sends only the texts that changed and remembers them', () => {
    const pinned = desired.map((d) => (d.name === 'Shopcast · Title' ? { ...d, settings: { ...d.settings, text: 'Lampa' } } : d));
    const diff = diffCanvas(pinned, known(), true);
    expect(diff.requests).toEqual([{ requestType: 'SetInputSettings', requestData: { inputName: 'Shopcast · Title', inputSettings: { text: 'Lampa' }, overlay: true } }]);
    expect(diff.labels).toEqual(['Shopcast · Title: content']);
    expect(diff.after.get('Shopcast · Title')!.settings).toMatchObject({ text: 'Lampa', font: { size: 40 } });
    expect(diffCanvas(pinned, diff.after, true).requests).toEqual([]);
  });

  it('for a pin on a settled layout, still shows and hides sources, but leaves look, place and order alone', () => {
    const k = known();
    k.set('Shopcast · Title', { ...k.get('Shopcast · Title')!, enabled: false, index: 0, transform: { ...place, positionX: 0 }, settings: { text: 'Kubek', font: { face: 'DejaVu Sans', size: 30 } } });
    k.set('Shopcast · Card', { ...k.get('Shopcast · Card')!, index: 1 });
    const diff = diffCanvas(desired, k, true);
    expect(diff.requests).toEqual([{ requestType: 'SetSceneItemEnabled', requestData: { sceneName: STUDIO_SCENE, sceneItemId: 2, sceneItemEnabled: true } }]);
    // Compared whole, the same OBS state is put right everywhere.
    expect(diffCanvas(desired, k).labels).toEqual(['Shopcast · Title: look', 'Shopcast · Title: place', 'Shopcast · Card: order', 'Shopcast · Title: order', 'Shopcast · Title: visibility']);
  });
});
