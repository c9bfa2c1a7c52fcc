import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import OBSWebSocket from 'obs-websocket-js';
import { join } from 'node:path';
import { startDisplay, startObs, type ObsInstance, type VirtualDisplay } from '../../helpers/obs-process';
import { startTestStudio, type TestStudio } from '../../helpers/test-studio';
import { tempDir } from '../../helpers/temp-dir';
import { until } from '../../helpers/until';
import { decodesCleanly, probe as ffprobe } from '../../helpers/recording';

let display: VirtualDisplay;
let obs: ObsInstance;
let t: TestStudio;
let probe: OBSWebSocket;
let connectionId: string;
let recordings: { dir: string; cleanup: () => Promise<void> };

const lastRecording = async () => (await t.api('GET', '/api/v1/clips')).body.connections.find((c: any) => c.connectionId === connectionId);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  recordings = await tempDir('shopcast-obs-rec-');
  display = await startDisplay();
  obs = await startObs(display);
  probe = new OBSWebSocket();
  await probe.connect(obs.url, obs.password);
  // The profile's recording settings (basic.ini): simple output, x264, into a folder of the test's.
  for (const [parameterName, parameterValue] of [['FilePath', recordings.dir], ['RecFormat', 'mkv'], ['RecQuality', 'Stream'], ['StreamEncoder', 'x264'], ['RecEncoder', 'x264']]) {
    await probe.call('SetProfileParameter', { parameterCategory: 'SimpleOutput', parameterName, parameterValue });
  }
  t = await startTestStudio();
  await t.api('PATCH', '/api/v1/show', { title: 'Jesień', locales: [{ locale: 'pl-PL', currency: 'PLN' }] });
  await t.api('POST', '/api/v1/products/import', [
    { id: 'lav', title: { pl: 'Spodnie lawendowe', en: 'Lavender trousers' }, price: { PLN: 84.99 } },
    { id: 'coat', title: { pl: 'Płaszcz wełniany' }, price: { PLN: 499 } },
    { id: 'hat', title: { pl: 'Czapka' }, price: { PLN: 39 } }
  ]);
  for (const productId of ['lav', 'coat', 'hat']) await t.api('POST', '/api/v1/rundown/items', { productId });
  connectionId = (await t.api('POST', '/api/v1/obs/connections', { name: 'Polski', url: obs.url, password: obs.password, locale: 'pl-PL' })).body.id;
  await until('identified', async () => (await t.api('GET', `/api/v1/obs/connections/${connectionId}`)).body, (c) => c.status === 'identified', 30_000);
}, 90_000);

afterAll(async () => {
  await probe?.call('StopRecord').catch(() => {});
  await probe?.disconnect().catch(() => {});
  await t?.stop();
  await obs?.stop();
  await display?.stop();
  await recordings?.cleanup();
});

describe('clips of a show OBS recorded', () => {
  it('journals the recording started by the studio and stopped in OBS itself, then cuts one playable clip per pin lasting its slot', async () => {
    expect((await t.api('POST', `/api/v1/obs/connections/${connectionId}/record`, { action: 'start' })).status).toBe(200);
    const started = await until('recording journaled', lastRecording, (c) => c?.recording === true, 10_000);
    for (const itemId of ['item-1', 'item-2', 'item-3']) {
      await t.api('POST', '/api/v1/rundown/pin', { itemId });
      await sleep(6000);
    }
    await t.api('POST', '/api/v1/rundown/unpin');
    await sleep(500);
    // Stopped in OBS, not through the studio: the studio still hears it and learns the file.
    await probe.call('StopRecord');
    const stopped = await until('stop journaled with its file', lastRecording, (c) => c?.last?.stoppedAt !== null && c?.last?.path !== null, 15_000);
    expect(stopped.last.path.startsWith(recordings.dir)).toBe(true);
    expect(stopped.last.readable).toBe(true);

    // The stop is journaled when OBS begins stopping; the file is whole a moment later, when OBS closes it.
    const file = (await until('OBS to finish the file', () => ffprobe(stopped.last.path).catch(() => null), (f) => f !== null && Number.isFinite(f.duration), 15_000))!;
    const journaled = (stopped.last.stoppedAt - started.last.startedAt) / 1000;
    console.log(`[figure] recording alignment: file ${file.duration.toFixed(3)} s, journaled start→stop ${journaled.toFixed(3)} s, difference ${((journaled - file.duration) * 1000).toFixed(0)} ms`);
    // Within the "second or two" the issue allows; measured 9–59 ms on a quiet machine, up to 1.4 s under heavy load.
    expect(Math.abs(journaled - file.duration)).toBeLessThan(2);

    const res = await t.api('POST', '/api/v1/clips', { connectionId });
    expect(res.status).toBe(202);
    expect(res.body.clips.map((c: any) => c.productId)).toEqual(['lav', 'coat', 'hat']);
    const done = await until('clips cut', () => t.api('GET', '/api/v1/clips'), (r) => r.body.clips.every((c: any) => c.status === 'done'), 30_000);
    for (const clip of done.body.clips) {
      expect(clip.durationSeconds).toBeGreaterThan(5);
      expect(clip.locale).toBe('pl-PL');
      const path = join(t.dataDir, 'clips', `${clip.id}.mp4`);
      await decodesCleanly(path);
      const { duration } = await ffprobe(path);
      console.log(`[figure] clip ${clip.productId} (${clip.mode}): slot ${clip.durationSeconds.toFixed(2)} s, file ${duration.toFixed(2)} s`);
      expect(Math.abs(duration - clip.durationSeconds)).toBeLessThanOrEqual(2);
    }
    expect(done.body.clips[0].title).toBe('Spodnie lawendowe · Jesień');
  }, 80_000);

  it('cuts clips from a recording started in OBS itself and cut short by OBS crashing, as far as its file goes', async () => {
    await probe.call('StartRecord');
    const started = await until('recording journaled', lastRecording, (c) => c?.recording === true && c.last.stoppedAt === null, 10_000);
    expect(started.last.startedAt).toBeGreaterThan(Date.now() - 10_000);
    for (const itemId of ['item-2', 'item-1']) {
      await t.api('POST', '/api/v1/rundown/pin', { itemId });
      await sleep(5000);
    }
    await obs.kill();
    const after = await until('OBS gone, its file found', lastRecording, (c) => c?.recording === false && c.last.readable === true, 15_000);
    expect(after.last.path.startsWith(recordings.dir)).toBe(true);
    const res = await t.api('POST', '/api/v1/clips', { connectionId });
    expect(res.status).toBe(202);
    expect(res.body.clips.map((c: any) => c.productId)).toEqual(['coat', 'lav']);
    const ids = res.body.clips.map((c: any) => c.id);
    const done = await until('clips cut', () => t.api('GET', '/api/v1/clips'), (r) => r.body.clips.filter((c: any) => ids.includes(c.id)).every((c: any) => c.status === 'done'), 30_000);
    for (const clip of done.body.clips.filter((c: any) => ids.includes(c.id))) {
      const path = join(t.dataDir, 'clips', `${clip.id}.mp4`);
      await decodesCleanly(path);
      const { duration } = await ffprobe(path);
      console.log(`[figure] after a crash, clip ${clip.productId} (${clip.mode}): slot ${clip.durationSeconds.toFixed(2)} s, file ${duration.toFixed(2)} s`);
      expect(Math.abs(duration - clip.durationSeconds)).toBeLessThanOrEqual(2);
    }
  }, 60_000);
});
