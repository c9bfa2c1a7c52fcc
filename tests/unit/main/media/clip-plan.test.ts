import { afterEach, describe, expect, it } from 'vitest';
import { ShowCore } from '../../../../src/main/show/show-core';
import { RecordingsLog } from '../../../../src/main/media/recordings-log';
import { planSlots } from '../../../../src/main/media/clip-plan';
import type { Actor } from '../../../../src/shared/events';
import { tempDir } from '../../../helpers/temp-dir';

const PRODUCER: Actor = { id: 'owner', client: 'test', role: 'producer' };
const OBS: Actor = { id: 'obs', client: 'obs' };
const T0 = 1_800_000_000_000;
let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups) await c();
  cleanups = [];
});

/** A show journaled by the real core, its clock moved by hand. */
async function showWithJournal() {
  const { dir, cleanup } = await tempDir('shopcast-media-');
  cleanups.push(cleanup);
  let now = T0;
  const { core } = await ShowCore.open(dir, { now: () => now });
  cleanups.unshift(() => core.close());
  await core.execute({ type: 'show.update', title: 'Autumn', locales: [{ locale: 'pl-PL', currency: 'PLN' }, { locale: 'de-DE', currency: 'EUR' }] }, PRODUCER);
  await core.execute(
    {
      type: 'catalogue.import',
      products: [
        { id: 'lav', title: { en: 'Lavender trousers', pl: 'Spodnie lawendowe' }, pitch: { pl: 'Miękkie i lekkie' }, price: { PLN: 84.99, EUR: 19.99 } },
        { id: 'coat', title: { en: 'Wool coat', de: 'Wollmantel' }, price: { PLN: 499, EUR: 119 } }
      ]
    },
    PRODUCER
  );
  await core.execute({ type: 'rundown.add', productId: 'lav' }, PRODUCER);
  await core.execute({ type: 'rundown.add', productId: 'coat' }, PRODUCER);
  const at = async (ms: number, command: Record<string, unknown>, actor = PRODUCER) => {
    now = T0 + ms;
    await core.executeUntrusted(command, actor);
  };
  return { dir, core, at };
}

describe('clip planning from a journal of pins and recordings', () => {
  it('makes one slot per product on air inside the recording, clipped to its start and stop, read back from the journal file', async () => {
    const { dir, core, at } = await showWithJournal();
    await at(1_000, { type: 'rundown.pin', itemId: 'item-1' }); // on air before the recording starts
    await at(5_000, { type: 'recording.started', connectionId: 'obs-pl', at: T0 + 4_000 }, OBS);
    await at(20_000, { type: 'rundown.pin', itemId: 'item-2' });
    await at(50_000, { type: 'rundown.unpin' });
    await at(60_000, { type: 'rundown.pin', itemId: 'item-1' });
    await at(70_000, { type: 'recording.stopped', connectionId: 'obs-pl', at: T0 + 70_000, path: '/rec/show.mkv' }, OBS);
    const log = RecordingsLog.fromJournal(dir);
    const recording = log.lastOf('obs-pl')!;
    expect(recording).toEqual({ connectionId: 'obs-pl', startedAt: T0 + 4_000, stoppedAt: T0 + 70_000, path: '/rec/show.mkv', folder: null, pauses: [] });
    const slots = planSlots(recording, recording.stoppedAt!, log.airBetween(recording.startedAt, recording.stoppedAt!), core.current.products, {
      locale: 'pl-PL',
      currency: 'PLN',
      baseLanguage: 'en',
      showTitle: 'Autumn'
    });
    expect(slots.map((s) => [s.productId, s.startSeconds, s.durationSeconds])).toEqual([
      ['lav', 0, 16],
      ['coat', 16, 30],
      ['lav', 56, 10]
    ]);
    expect(slots[0]).toMatchObject({ title: 'Spodnie lawendowe · Autumn', description: 'Miękkie i lekkie\n84,99\u00a0zł' });
    // No Polish title for the coat: the base language, never German.
    expect(slots[1].title).toBe('Wool coat · Autumn');
  });

  it('forgets the last show\'s recordings and reads the opened show\'s journal instead, following its revisions from there', async () => {
    const first = await showWithJournal();
    await first.at(5_000, { type: 'recording.started', connectionId: 'obs-pl', at: T0 + 4_000 }, OBS);
    await first.at(9_000, { type: 'recording.stopped', connectionId: 'obs-pl', at: T0 + 9_000, path: '/rec/first.mkv' }, OBS);
    const second = await showWithJournal();
    await second.at(2_000, { type: 'recording.started', connectionId: 'obs-de', at: T0 + 2_000 }, OBS);
    const log = RecordingsLog.fromJournal(first.dir);
    expect(log.lastOf('obs-pl')?.path).toBe('/rec/first.mkv');
    log.readJournal(second.dir);
    expect(log.lastOf('obs-pl')).toBeUndefined();
    expect(log.lastOf('obs-de')).toMatchObject({ startedAt: T0 + 2_000, stoppedAt: null });
    // The opened show's revisions are lower than the last show's: they must still be heard.
    const off = second.core.subscribe((_state, entry) => log.add(entry));
    await second.at(3_000, { type: 'recording.stopped', connectionId: 'obs-de', at: T0 + 3_000, path: '/rec/second.mkv' }, OBS);
    off();
    expect(log.lastOf('obs-de')?.path).toBe('/rec/second.mkv');
  });

  it('writes titles and prices in the language and currency of each OBS', async () => {
    const { core } = await showWithJournal();
    const log = new RecordingsLog();
    log.add({ rev: 100, at: T0, actor: OBS, command: 'recording.started', events: [{ type: 'recording.started', connectionId: 'obs-de', at: T0 }] });
    log.add({ rev: 101, at: T0 + 1000, actor: PRODUCER, command: 'rundown.pin', events: [{ type: 'onAir.pinned', itemId: 'item-2', productId: 'coat', since: T0 + 1000 }] });
    const slots = planSlots(log.lastOf('obs-de')!, T0 + 31_000, log.airBetween(T0, T0 + 31_000), core.current.products, { locale: 'de-DE', currency: 'EUR', baseLanguage: 'en', showTitle: 'Herbst' });
    expect(slots).toEqual([expect.objectContaining({ productId: 'coat', startSeconds: 1, durationSeconds: 30, title: 'Wollmantel · Herbst', description: '119\u00a0€' })]);
  });

  it('ends a recording that never got its stop (OBS crashed) where the next one starts, and ignores entries it has already seen', () => {
    const log = new RecordingsLog();
    const entry = (rev: number, at: number, type: 'recording.started' | 'recording.stopped') => ({ rev, at, actor: OBS, command: type, events: [{ type, connectionId: 'c', at }] });
    log.add(entry(1, T0, 'recording.started'));
    log.add(entry(2, T0 + 50_000, 'recording.started'));
    log.add(entry(2, T0 + 90_000, 'recording.stopped'));
    expect(log.lastOf('c')).toMatchObject({ startedAt: T0 + 50_000, stoppedAt: null });
    log.add(entry(3, T0 + 60_000, 'recording.stopped'));
    expect(log.lastOf('c')).toMatchObject({ startedAt: T0 + 50_000, stoppedAt: T0 + 60_000 });
  });

  it('leaves out a pin corrected within a second: no clip of a product nobody saw', () => {
    const log = new RecordingsLog();
    log.add({ rev: 1, at: T0, actor: OBS, command: 'x', events: [{ type: 'recording.started', connectionId: 'c', at: T0 }] });
    log.add({ rev: 2, at: T0, actor: PRODUCER, command: 'x', events: [{ type: 'onAir.pinned', itemId: 'item-1', productId: 'a', since: T0 }] });
    log.add({ rev: 3, at: T0 + 500, actor: PRODUCER, command: 'x', events: [{ type: 'onAir.pinned', itemId: 'item-2', productId: 'b', since: T0 + 500 }] });
    const slots = planSlots(log.lastOf('c')!, T0 + 20_000, log.airBetween(T0, T0 + 20_000), {}, { locale: 'en-GB', currency: null, baseLanguage: 'en', showTitle: 'S' });
    expect(slots.map((s) => s.productId)).toEqual(['b']);
  });
});
