import { execFile } from 'node:child_process';
import { copyFile, rm, stat, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ClipJobs } from '../../src/main/media/clip-jobs';
import { findFfmpeg } from '../../src/main/media/ffmpeg';
import { makeRecording } from '../helpers/recording';
import { tempDir } from '../helpers/temp-dir';
import { until } from '../helpers/until';

/** A minute made by ffmpeg, then joined end to end without re-encoding: a long file in seconds. */
async function longRecording(dir: string, file: string, minutes: number): Promise<void> {
  const piece = join(dir, 'piece.mkv');
  const pieceMinutes = Math.min(1, minutes);
  await makeRecording(piece, pieceMinutes * 60, { size: '1280x720', fps: 30, keyframeSeconds: 2 });
  const list = join(dir, 'pieces.txt');
  await writeFile(list, Array.from({ length: Math.ceil(minutes / pieceMinutes) }, () => `file '${piece}'\n`).join(''));
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', file]);
  await rm(piece);
}

const MINUTES = Number(process.env.SHOPCAST_BENCH_CLIP_MINUTES ?? 90);
const CLIPS = 20;
const run = promisify(execFile);

/**
 * Cutting a 90-minute recording (ffmpeg testsrc, H.264 with a keyframe every 2 s as OBS streams,
 * AAC) into 20 clips that cover it, through the studio's own queue with stream copy, against copying
 * the whole file once: the limit, since a clip can at best copy its bytes.
 */
export async function benchClips(): Promise<void> {
  const ffmpeg = await findFfmpeg();
  if (!ffmpeg.available) return console.log(`clips: skipped (${ffmpeg.problem})`);
  const { dir, cleanup } = await tempDir('shopcast-bench-clips-');
  try {
    const recording = join(dir, 'show.mkv');
    let t0 = performance.now();
    await longRecording(dir, recording, MINUTES);
    const { size } = await stat(recording);
    console.log(`recording: ${MINUTES} min, ${(size / 1e6).toFixed(0)} MB, made in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

    t0 = performance.now();
    await copyFile(recording, join(dir, 'copy.mkv'));
    const copyMs = performance.now() - t0;
    await rm(join(dir, 'copy.mkv'));

    const jobs = await ClipJobs.open(join(dir, 'clips'), () => ffmpeg.path);
    const slot = (MINUTES * 60) / CLIPS;
    t0 = performance.now();
    const clips = jobs.add(
      Array.from({ length: CLIPS }, (_, i) => ({
        connectionId: 'bench', productId: `p-${i}`, itemId: `item-${i + 1}`, locale: 'pl-PL',
        startSeconds: i * slot, durationSeconds: slot, title: `P${i}`, description: '', mode: 'copy' as const, input: recording
      }))
    );
    await until('every clip cut', () => jobs.list(), (all) => all.every((c) => c.status === 'done' || c.status === 'failed'), 30 * 60_000);
    const cutMs = performance.now() - t0;
    const failed = jobs.list().filter((c) => c.status !== 'done');
    const exact = jobs.list().filter((c) => c.mode === 'exact').length;
    const bytes = jobs.list().reduce((sum, c) => sum + (c.bytes ?? 0), 0);
    await jobs.close();
    console.log(`clips: ${clips.length} clips (stream copy, ffmpeg ${ffmpeg.version}) of the whole recording in ${(cutMs / 1000).toFixed(1)} s, ${(bytes / 1e6).toFixed(0)} MB written${exact ? `, ${exact} re-encoded for want of a keyframe` : ''}${failed.length ? `, ${failed.length} FAILED` : ''}`);
    console.log(`copy:  the file once in ${(copyMs / 1000).toFixed(1)} s (the limit); cutting takes ${(cutMs / copyMs).toFixed(1)}× the copy`);
  } finally {
    await cleanup();
  }
}
