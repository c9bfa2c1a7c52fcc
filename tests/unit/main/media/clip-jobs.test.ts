import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ClipJobs, type ClipRecord } from '../../../../src/main/media/clip-jobs';
import { tempDir } from '../../../helpers/temp-dir';
import { until } from '../../../helpers/until';
import { makeRecording, probe } from '../../../helpers/recording';

let dir: string;
let cleanup: () => Promise<void>;
let recording: string;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('shopcast-jobs-'));
  recording = join(dir, 'rec.mp4');
  await makeRecording(recording, 30, { size: '640x360', fps: 25 });
}, 60_000);
afterAll(() => cleanup());

const order = (over: Partial<ClipRecord> = {}) => ({
  connectionId: 'c',
  productId: 'lav',
  itemId: 'item-1',
  locale: 'pl-PL',
  startSeconds: 3,
  durationSeconds: 5,
  pausedSeconds: 0,
  title: 'T',
  description: '',
  mode: 'copy' as const,
  input: recording,
  ...over
});

describe('the clip queue', () => {
  it('cancels a running cut: the clip says cancelled and no file of it is left, finished or not', async () => {
    const clips = join(dir, 'cancel');
    const jobs = await ClipJobs.open(clips, () => 'ffmpeg');
    const [clip] = jobs.add([order({ mode: 'exact', startSeconds: 0, durationSeconds: 30 })]);
    await until('cutting', () => jobs.get(clip.id)!, (c) => c.status === 'cutting');
    expect(jobs.cancel(clip.id)).toBe(true);
    await until('stopped', () => readdir(clips), (names) => !names.some((n) => n.includes(clip.id)));
    expect(jobs.get(clip.id)).toMatchObject({ status: 'cancelled' });
    expect(jobs.file(clip.id)).toBeNull();
    await jobs.close();
  });

  it('after a restart cuts again a clip that was being cut, removing its half-written .part first', async () => {
    const clips = join(dir, 'restart');
    const first = await ClipJobs.open(clips, () => null);
    await first.close();
    const interrupted: ClipRecord = { ...order(), id: 'clip-7', status: 'cutting', progress: 0.4, error: null, bytes: null, createdAt: 1 };
    await writeFile(join(clips, 'clips.json'), JSON.stringify([interrupted, { ...interrupted, id: 'clip-8', status: 'done', progress: 1 }]));
    await writeFile(join(clips, 'clip-7.mp4.part'), 'half a clip');
    const jobs = await ClipJobs.open(clips, () => 'ffmpeg');
    // A "done" clip whose file is gone is not shown as done.
    expect(jobs.get('clip-8')).toMatchObject({ status: 'failed', error: 'the clip file is gone' });
    const done = await until('clip-7 cut again', () => jobs.get('clip-7')!, (c) => c.status === 'done', 20_000);
    expect(done.bytes).toBeGreaterThan(1000);
    expect(Math.abs((await probe(jobs.file('clip-7')!)).duration - 5)).toBeLessThanOrEqual(1);
    expect(await readdir(clips)).not.toContain('clip-7.mp4.part');
    // New clips never reuse the ids of stored ones.
    expect(jobs.add([order()])[0].id).toBe('clip-9');
    await jobs.close();
  });

  it('cuts again, re-encoded, a stream-copied clip that would start far before its slot for want of a keyframe', async () => {
    const sparse = join(dir, 'sparse.mp4');
    await makeRecording(sparse, 30, { keyframeSeconds: 10 });
    const jobs = await ClipJobs.open(join(dir, 'sparse'), () => 'ffmpeg');
    const [clip] = jobs.add([order({ input: sparse, startSeconds: 15, durationSeconds: 5 })]);
    const done = await until('done', () => jobs.get(clip.id)!, (c) => c.status === 'done', 20_000);
    expect(done.mode).toBe('exact');
    expect(Math.abs((await probe(jobs.file(clip.id)!)).duration - 5)).toBeLessThanOrEqual(0.5);
    await jobs.close();
  });

  it('marks a clip failed, with ffmpeg\'s reason, when its recording cannot be read', async () => {
    const jobs = await ClipJobs.open(join(dir, 'broken'), () => 'ffmpeg');
    const [clip] = jobs.add([order({ input: join(dir, 'missing.mkv') })]);
    const failed = await until('failed', () => jobs.get(clip.id)!, (c) => c.status === 'failed');
    expect(failed.error).toMatch(/ffmpeg failed.*missing\.mkv/);
    await jobs.close();
  });
});
