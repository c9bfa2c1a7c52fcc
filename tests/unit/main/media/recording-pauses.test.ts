import { afterEach, describe, expect, it } from 'vitest';
import { ShowCore } from '../../../../src/main/show/show-core';
import { RecordingsLog } from '../../../../src/main/media/recordings-log';
import { planSlots } from '../../../../src/main/media/clip-plan';
import { chapterLines, chaptersOf } from '../../../../src/main/media/chapters';
import { fileSecondsAt } from '../../../../src/main/media/recording-time';
import type { Actor } from '../../../../src/shared/events';
import { tempDir } from '../../../helpers/temp-dir';

const PRODUCER: Actor = { id: 'owner', client: 'test', role: 'producer' };
const OBS: Actor = { id: 'obs', client: 'obs' };
const T0 = 1_800_000_000_000;
const PL = { locale: 'pl-PL', currency: 'PLN', baseLanguage: 'en', showTitle: 'Jesień' };
let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups) await c();
  cleanups = [];
});

/**
 * A 70-second recording paused three times, journaled by the real core and read back from the file:
 * paused 10–25 s (lavender on air), 40–50 s (the coat, then lavender pinned inside the pause) and
 * 65 s until the stop at 70 s. Its file holds 40 s.
 */
async function pausedShow() {
  const { dir, cleanup } = await tempDir('shopcast-pauses-');
  cleanups.push(cleanup);
  let now = T0;
  const { core } = await ShowCore.open(dir, { now: () => now });
  cleanups.unshift(() => core.close());
  await core.execute({ type: 'catalogue.import', products: [{ id: 'lav', title: { pl: 'Spodnie lawendowe' }, price: { PLN: 84.99 } }, { id: 'coat', title: { pl: 'Płaszcz' }, price: { PLN: 499 } }] }, PRODUCER);
  for (const productId of ['lav', 'coat', 'lav', 'coat']) await core.execute({ type: 'rundown.add', productId }, PRODUCER);
  const at = async (s: number, command: Record<string, unknown>, actor = PRODUCER) => {
    now = T0 + s * 1000;
    await core.executeUntrusted(command, actor);
  };
  const obs = (s: number, type: string) => at(s, { type, connectionId: 'obs-pl', at: T0 + s * 1000 }, OBS);
  await obs(0, 'recording.started');
  await at(2, { type: 'rundown.pin', itemId: 'item-1' });
  await obs(10, 'recording.paused');
  await obs(25, 'recording.resumed');
  await at(30, { type: 'rundown.pin', itemId: 'item-2' });
  await obs(40, 'recording.paused');
  await at(45, { type: 'rundown.pin', itemId: 'item-3' });
  await obs(50, 'recording.resumed');
  await at(60, { type: 'rundown.pin', itemId: 'item-4' });
  await obs(65, 'recording.paused');
  await at(70, { type: 'recording.stopped', connectionId: 'obs-pl', at: T0 + 70_000, path: '/rec/show.mkv' }, OBS);
  const log = RecordingsLog.fromJournal(dir);
  const recording = log.lastOf('obs-pl')!;
  const end = recording.stoppedAt!;
  return { recording, end, slots: planSlots(recording, end, log.airBetween(recording.startedAt, end), core.current.products, PL) };
}

describe('a recording OBS paused', () => {
  it('keeps each pause from the journal, the last one ended by the stop', async () => {
    const { recording } = await pausedShow();
    expect(recording.pauses).toEqual([
      { from: T0 + 10_000, to: T0 + 25_000 },
      { from: T0 + 40_000, to: T0 + 50_000 },
      { from: T0 + 65_000, to: T0 + 70_000 }
    ]);
    expect(fileSecondsAt(recording, recording.stoppedAt!)).toBe(40);
  });

  it('places each slot in the file minus the pauses before it, shortens a slot paused in part and says by how much', async () => {
    const { slots } = await pausedShow();
    expect(slots.map((s) => [s.productId, s.startSeconds, s.durationSeconds, s.pausedSeconds])).toEqual([
      ['lav', 2, 13, 15],
      ['coat', 15, 10, 5],
      // Pinned at 45 s inside the pause: its footage starts when the recording resumes.
      ['lav', 25, 10, 5],
      ['coat', 35, 5, 5]
    ]);
  });

  it('gives no slot to a product on air only while the recording was paused', () => {
    const log = new RecordingsLog();
    const fact = (rev: number, s: number, type: string) => log.add({ rev, at: T0 + s * 1000, actor: OBS, command: type, events: [{ type, connectionId: 'c', at: T0 + s * 1000 } as never] });
    fact(1, 0, 'recording.started');
    fact(2, 5, 'recording.paused');
    log.add({ rev: 3, at: T0 + 6_000, actor: PRODUCER, command: 'rundown.pin', events: [{ type: 'onAir.pinned', itemId: 'item-1', productId: 'hat', since: T0 + 6_000 }] });
    fact(4, 8, 'recording.paused'); // told again (after a reconnect): the same pause goes on
    log.add({ rev: 5, at: T0 + 20_000, actor: PRODUCER, command: 'rundown.unpin', events: [{ type: 'onAir.cleared', itemId: 'item-1' }] });
    fact(6, 30, 'recording.resumed');
    fact(7, 31, 'recording.paused');
    fact(8, 40, 'recording.stopped');
    const recording = log.lastOf('c')!;
    expect(recording.pauses).toEqual([{ from: T0 + 5_000, to: T0 + 30_000 }, { from: T0 + 31_000, to: T0 + 40_000 }]);
    expect(planSlots(recording, recording.stoppedAt!, log.airBetween(T0, T0 + 40_000), {}, PL)).toEqual([]);
  });

  it('puts the YouTube chapters where the products are in the file, not on the show clock', async () => {
    const { recording, end, slots } = await pausedShow();
    const chapters = chaptersOf(slots.map((s) => ({ startSeconds: s.startSeconds, title: s.name })), fileSecondsAt(recording, end));
    // The last coat has 5 s of footage: too short for YouTube, it joins the chapter before.
    expect(chapterLines(chapters!)).toBe('0:00 Spodnie lawendowe\n0:15 Płaszcz\n0:25 Spodnie lawendowe\n');
  });
});
