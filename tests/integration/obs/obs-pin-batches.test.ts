import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startObsShow, type ObsShow } from '../../helpers/obs-studio';
import { until } from '../../helpers/until';
import { STUDIO_SOURCE } from '../../../src/main/obs/studio-sources';

const catalogue = [
  { id: 'lav-01', title: { pl: 'Spodnie lawendowe' }, price: { PLN: 84.99 }, stock: 3 },
  { id: 'mug-02', title: { pl: 'Kubek emaliowany' }, price: { PLN: 32 }, stock: 5 },
  { id: 'lamp-03', title: { pl: 'Lampka biurkowa' }, price: { PLN: 169 }, stock: 1 }
];

/** What the card's lines say for each product, in Polish, as OBS must hold them. */
const card = [
  { title: 'Spodnie lawendowe', price: '84,99 zł', stock: 'Zostały 3 sztuki', next: 'Kubek emaliowany · 32 zł' },
  { title: 'Kubek emaliowany', price: '32 zł', stock: 'Zostało 5 sztuk', next: 'Lampka biurkowa · 169 zł' },
  { title: 'Lampka biurkowa', price: '169 zł', stock: 'Została 1 sztuka', next: '' }
];

let s: ObsShow;

/** The card's lines as OBS holds them right now (spaces in prices are Intl's no-break spaces). */
async function cardInObs(): Promise<Record<string, string>> {
  const read = async (name: string) => (await s.textOf(name)).replace(/\u00a0/g, ' ');
  return { title: await read(STUDIO_SOURCE.title), price: await read(STUDIO_SOURCE.price), stock: await read(STUDIO_SOURCE.stock), next: await read(STUDIO_SOURCE.next) };
}

/** Until the studio says this OBS acknowledged `revision` (or a later one). */
const acknowledged = (revision: number) => until(`OBS to acknowledge revision ${revision}`, s.connectionView, (c) => (c.showing?.revision ?? -1) >= revision, 20_000);

beforeAll(async () => {
  s = await startObsShow({ catalogue });
}, 90_000);

afterAll(async () => {
  await s?.stop();
});

describe('a pin reaches OBS in one batch of what changed', () => {
  it('shows the pinned product in the audience\'s words once OBS acknowledged the pin', async () => {
    const revision = await s.pin(1);
    await acknowledged(revision);
    // Acknowledged means in OBS: read straight after, with no waiting.
    expect(await cardInObs()).toEqual(card[1]);
  });

  it('ends on the last of several quick pins, and no earlier batch lands after it', async () => {
    let last = 0;
    for (const index of [0, 2, 1, 0, 2]) last = await s.pin(index);
    await acknowledged(last);
    expect(await cardInObs()).toEqual(card[2]);
    // Anything still under way would be older: give it time to land, then look again.
    await new Promise((r) => setTimeout(r, 500));
    expect(await cardInObs()).toEqual(card[2]);
    expect((await s.connectionView()).showing).toMatchObject({ productId: 'lamp-03', revision: last });
  });

  it('after OBS restarts, puts the card back though nothing changed in the show (what OBS held before is not trusted)', async () => {
    const revision = await s.pin(0);
    await acknowledged(revision);
    // OBS saves its scene collection when a source is created, not when a text is set over
    // obs-websocket: save a wrong title, so OBS comes back holding what the studio did not send.
    await s.probe.call('SetInputSettings', { inputName: STUDIO_SOURCE.title, inputSettings: { text: 'Stale title' } });
    await s.probe.call('CreateInput', { sceneName: 'Scene', inputName: 'Save now', inputKind: 'color_source_v3', inputSettings: {} });
    await s.obs.kill();
    await until('the studio to see OBS gone', s.connectionView, (c) => c.status !== 'identified');
    await s.obs.restart();
    await s.reconnectProbe();
    await until('the card whole again', cardInObs, (c) => JSON.stringify(c) === JSON.stringify(card[0]), 20_000);
    expect((await s.connectionView()).status).toBe('identified');
  }, 60_000);

  it('after the restart, a pin changes only what it changes and the card follows it at once', async () => {
    const revision = await s.pin(1);
    await acknowledged(revision);
    expect(await cardInObs()).toEqual(card[1]);
  });
});
