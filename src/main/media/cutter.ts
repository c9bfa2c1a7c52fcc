import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';

export interface CutOrder {
  ffmpeg: string;
  input: string;
  /** Written as is: the caller renames it once the cut is complete. */
  output: string;
  startSeconds: number;
  durationSeconds: number;
  /** Re-encode for a frame-exact start; otherwise stream copy from the keyframe at or before the start. */
  exact: boolean;
  onProgress(fraction: number): void;
  signal: AbortSignal;
}

export class CutError extends Error {}

/**
 * Cuts one clip with ffmpeg in a child process at low priority, so a long cut never competes with
 * the show. `-ss` before `-i` seeks the input (fast on a 90-minute file); with stream copy the clip
 * starts at the keyframe before the slot, and `-avoid_negative_ts make_zero` makes its timestamps
 * start at 0 so every player plays it from the first frame.
 */
export function cutClip(order: CutOrder): Promise<void> {
  const codec = order.exact ? ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-c:a', 'aac', '-b:a', '160k'] : ['-c', 'copy'];
  const args = [
    '-hide_banner', '-nostdin', '-y', '-loglevel', 'error',
    '-ss', order.startSeconds.toFixed(3),
    '-i', order.input,
    '-t', order.durationSeconds.toFixed(3),
    '-map', '0:v:0?', '-map', '0:a:0?',
    ...codec,
    '-avoid_negative_ts', 'make_zero',
    '-movflags', '+faststart',
    '-f', 'mp4',
    '-progress', 'pipe:1', '-nostats',
    order.output
  ];
  return new Promise((resolve, reject) => {
    if (order.signal.aborted) return reject(new CutError('cancelled'));
    const child = spawn(order.ffmpeg, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      if (child.pid) setPriority(child.pid, 10);
    } catch {
      // Not allowed on this system: the cut still runs, at normal priority.
    }
    const abort = () => child.kill('SIGKILL');
    order.signal.addEventListener('abort', abort, { once: true });
    let errors = '';
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        // out_time_us (newer ffmpeg) or out_time_ms (older, also microseconds despite its name).
        const m = /^out_time_(?:us|ms)=(\d+)/.exec(line);
        if (m && order.durationSeconds > 0) order.onProgress(Math.min(1, Number(m[1]) / 1e6 / order.durationSeconds));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
    child.on('error', (err) => reject(new CutError(`ffmpeg could not start: ${err.message}`)));
    child.on('close', (code) => {
      order.signal.removeEventListener('abort', abort);
      if (order.signal.aborted) reject(new CutError('cancelled'));
      else if (code === 0) resolve();
      else reject(new CutError(`ffmpeg failed (${code}): ${errors.trim().split('\n').slice(-2).join(' ') || 'no message'}`));
    });
  });
}
