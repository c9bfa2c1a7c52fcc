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
  recordings = await tempDir('shopcast-obs-pause-');
  display = await startDisplay();
  obs = await startObs(display);
  probe = new OBSWebSocket();
  await probe.connect(obs.url, obs.password);
  // A recording encoder of its own ('Small'): OBS cannot pause a recording that shares the stream's
  // encoder ('Stream'): PauseRecord then answers success and nothing pauses.
  for (const [parameterName, parameterValue] of [['FilePath', recordings.dir], ['RecFormat', 'mkv'], ['RecQuality', 'Small'], ['StreamEncoder', 'x264'], ['RecEncoder', 'x264']]) {
    await probe.call('SetProfileParameter', { parameterCategory: 'SimpleOutput', parameterName, parameterValue });
  }
  t = await startTestStudio();
  await t.api('PATCH', '/api/v1/show', { title: 'Jesień', locales: [{ locale: 'pl-PL', currency: 'PLN' }] });
  await t.api('POST', '/api/v1/products/import', [
    { id: 'lav', title: { pl: 'Spodnie lawendowe' }, price: { PLN: 84.99 } },
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

describe('a recording paused in OBS', () => {
  it('journals the pause, and cuts clips where the products are in the file: a slot paused in part is shorter by the pause', async () => {
    expect((await t.api('POST', `/api/v1/obs/connections/${connectionId}/record`, { action: 'start' })).status).toBe(200);
    await until('recording journaled', lastRecording, (c) => c?.recording === true, 10_000);
    await t.api('POST', '/api/v1/rundown/pin', { itemId: 'item-1' });
    await sleep(5000);
    await probe.call('PauseRecord');
    await until('OBS paused', () => probe.call('GetRecordStatus'), (s) => s.outputPaused === true, 5_000);
    await sleep(2000);
    await t.api('POST', '/api/v1/rundown/pin', { itemId: 'item-2' }); // pinned during the pause
    await sleep(3000);
    await probe.call('ResumeRecord');
    await sleep(6000);
    await t.api('POST', '/api/v1/rundown/pin', { itemId: 'item-3' });
    await sleep(6000);
    await t.api('POST', '/api/v1/rundown/unpin');
    await sleep(500);
    await probe.call('StopRecord');
    const stopped = await until('stop journaled with its file', lastRecording, (c) => c?.last?.stoppedAt !== null && c?.last?.path !== null, 15_000);
    expect(stopped.last.pausedSeconds).toBeGreaterThan(4);
    expect(stopped.last.pausedSeconds).toBeLessThan(6.5);

    const file = (await until('OBS to finish the file', () => ffprobe(stopped.last.path).catch(() => null), (f) => f !== null && Number.isFinite(f.duration), 15_000))!;
    const journaled = (stopped.last.stoppedAt - stopped.last.startedAt) / 1000 - stopped.last.pausedSeconds;
    console.log(`[figure] paused recording: file ${file.duration.toFixed(3)} s, journaled start→stop minus ${stopped.last.pausedSeconds.toFixed(3)} s paused ${journaled.toFixed(3)} s, difference ${((journaled - file.duration) * 1000).toFixed(0)} ms`);
    expect(Math.abs(journaled - file.duration)).toBeLessThan(2);

    const res = await t.api('POST', '/api/v1/clips', { connectionId });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body.clips.map((c: any) => c.productId)).toEqual(['lav', 'coat', 'hat']);
    const [lav, coat, hat] = res.body.clips;
    // lav: 5 s before the pause, 2 s of it paused; coat: pinned 3 s into the pause, 6 s after it; hat: never paused.
    expect(lav.pausedSeconds).toBeGreaterThan(1);
    expect(coat.pausedSeconds).toBeGreaterThan(2);
    expect(hat.pausedSeconds).toBe(0);
    // The coat's footage starts where the lavender's ends: the pause is not in the file.
    expect(Math.abs(coat.startSeconds - (lav.startSeconds + lav.durationSeconds))).toBeLessThan(0.2);
    const done = await until('clips cut', () => t.api('GET', '/api/v1/clips'), (r) => r.body.clips.every((c: any) => c.status === 'done'), 30_000);
    for (const clip of done.body.clips) {
      const path = join(t.dataDir, 'clips', `${clip.id}.mp4`);
      await decodesCleanly(path);
      const { duration } = await ffprobe(path);
      console.log(`[figure] paused recording, clip ${clip.productId} (${clip.mode}): slot ${clip.durationSeconds.toFixed(2)} s (${clip.pausedSeconds.toFixed(2)} s paused), file ${duration.toFixed(2)} s`);
      expect(Math.abs(duration - clip.durationSeconds)).toBeLessThanOrEqual(2);
    }
  }, 90_000);
});
