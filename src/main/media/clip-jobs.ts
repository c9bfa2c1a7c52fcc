import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import type { ClipView } from '../../shared/media';
import { writeAtomically } from '../show/atomic-file';
import { cutClip, type CutOrder } from './cutter';
import { probeDuration } from './ffmpeg';

/**
 * A stream-copied clip starts at the keyframe before its slot: with the 2-second keyframes streaming
 * platforms ask for, up to 2 s early. Past that (OBS's automatic x264 keyframes can be 8 s apart)
 * the clip is cut again, re-encoded, to start where its slot does.
 */
export const MAX_COPY_LEAD_SECONDS = 2;

/** A clip as kept on disk: its view and the recording it is cut from. */
export interface ClipRecord extends ClipView {
  input: string;
}

const STORE = 'clips.json';
const PART = '.part';

/**
 * The clips and the queue that cuts them, one at a time in an ffmpeg child process. A clip is
 * written to `<id>.mp4.part` and renamed only when ffmpeg finished it, so a file named `.mp4` is
 * always whole. After a restart a clip that was queued or being cut starts again from the
 * beginning (its `.part` is removed first); a finished clip whose file is gone is marked failed.
 */
export class ClipJobs {
  private readonly clips = new Map<string, ClipRecord>();
  private running: { id: string; abort: AbortController; done: Promise<void> } | null = null;
  private nextNumber = 1;
  private saving: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    readonly dir: string,
    private readonly ffmpeg: () => string | null,
    private readonly onChange: () => void
  ) {}

  static async open(dir: string, ffmpeg: () => string | null, onChange: () => void = () => {}): Promise<ClipJobs> {
    await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
    const jobs = new ClipJobs(dir, ffmpeg, onChange);
    let stored: ClipRecord[] = [];
    try {
      stored = JSON.parse(await fsp.readFile(join(dir, STORE), 'utf8')) as ClipRecord[];
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    for (const clip of Array.isArray(stored) ? stored : []) {
      jobs.clips.set(clip.id, await resumed(dir, clip));
      const n = Number(/^clip-(\d+)$/.exec(clip.id)?.[1]);
      if (n >= jobs.nextNumber) jobs.nextNumber = n + 1;
    }
    for (const entry of await fsp.readdir(dir)) if (entry.endsWith(PART)) await fsp.rm(join(dir, entry), { force: true });
    await jobs.save();
    jobs.pump();
    return jobs;
  }

  /** Queues new clips; answers them as queued. `pausedSeconds` is 0 unless said. */
  add(clips: (Omit<ClipRecord, 'id' | 'status' | 'progress' | 'error' | 'bytes' | 'createdAt' | 'pausedSeconds'> & { pausedSeconds?: number })[], now = Date.now()): ClipView[] {
    const added = clips.map((c) => {
      const clip: ClipRecord = { pausedSeconds: 0, ...c, id: `clip-${this.nextNumber++}`, status: 'queued', progress: 0, error: null, bytes: null, createdAt: now };
      this.clips.set(clip.id, clip);
      return clip;
    });
    void this.save();
    this.pump();
    this.onChange();
    return added.map(viewOf);
  }

  list(): ClipView[] {
    return [...this.clips.values()].map(viewOf);
  }

  get(id: string): ClipView | undefined {
    const clip = this.clips.get(id);
    return clip && viewOf(clip);
  }

  /** The finished file of a clip, or null when it is not done. */
  file(id: string): string | null {
    return this.clips.get(id)?.status === 'done' ? join(this.dir, `${id}.mp4`) : null;
  }

  /** Stops a queued or running cut; a finished clip stays. Answers whether anything was cancelled. */
  cancel(id: string): boolean {
    const clip = this.clips.get(id);
    if (!clip || (clip.status !== 'queued' && clip.status !== 'cutting')) return false;
    this.update(clip, { status: 'cancelled', progress: 0 });
    if (this.running?.id === id) this.running.abort.abort();
    return true;
  }

  /** Saves what is known and stops the running cut (it starts again at the next start). */
  async close(): Promise<void> {
    this.closed = true;
    const running = this.running;
    running?.abort.abort();
    await running?.done;
    await this.saving;
  }

  private pump(): void {
    if (this.running || this.closed) return;
    const next = [...this.clips.values()].find((c) => c.status === 'queued');
    const ffmpeg = this.ffmpeg();
    if (!next) return;
    if (!ffmpeg) {
      this.update(next, { status: 'failed', error: 'ffmpeg is not available' });
      return this.pump();
    }
    const abort = new AbortController();
    const done = this.cut(next, ffmpeg, abort.signal).finally(() => {
      this.running = null;
      this.pump();
    });
    this.running = { id: next.id, abort, done };
  }

  private async cut(clip: ClipRecord, ffmpeg: string, signal: AbortSignal): Promise<void> {
    const final = join(this.dir, `${clip.id}.mp4`);
    const part = final + PART;
    this.update(clip, { status: 'cutting', progress: 0 });
    let lastTold = 0;
    const order = (exact: boolean): CutOrder => ({
      ffmpeg,
      input: clip.input,
      output: part,
      startSeconds: clip.startSeconds,
      durationSeconds: clip.durationSeconds,
      exact,
      signal,
      onProgress: (fraction) => {
        clip.progress = exact && clip.mode === 'copy' ? 0.5 + fraction / 2 : fraction;
        // Told a few times a second at most: the live feed is the show's, not the cutter's.
        if (Date.now() - lastTold < 250) return;
        lastTold = Date.now();
        this.onChange();
      }
    });
    try {
      await cutClip(order(clip.mode === 'exact'));
      if (clip.mode === 'copy') {
        const length = await probeDuration(ffmpeg, part);
        if (length !== null && length - clip.durationSeconds > MAX_COPY_LEAD_SECONDS && !signal.aborted) {
          await cutClip(order(true));
          clip.mode = 'exact';
        }
      }
      const { size } = await fsp.stat(part);
      await fsp.rename(part, final);
      this.update(clip, { status: 'done', progress: 1, bytes: size });
    } catch (err) {
      await fsp.rm(part, { force: true }).catch(() => {});
      // Closing is not cancelling: the clip stays queued and is cut at the next start.
      if (this.closed && clip.status === 'cutting') this.update(clip, { status: 'queued', progress: 0 });
      else if (clip.status === 'cutting') this.update(clip, { status: 'failed', error: (err as Error).message });
    }
  }

  private update(clip: ClipRecord, change: Partial<ClipRecord>): void {
    Object.assign(clip, change);
    void this.save();
    this.onChange();
  }

  private save(): Promise<void> {
    const body = JSON.stringify([...this.clips.values()].map((c) => ({ ...c, progress: c.status === 'done' ? 1 : 0 })));
    this.saving = this.saving.then(() => writeAtomically(this.dir, STORE, [body])).catch(() => {});
    return this.saving;
  }
}

/** A stored clip as it stands after a restart. */
async function resumed(dir: string, clip: ClipRecord): Promise<ClipRecord> {
  if (clip.status === 'cutting') return { ...clip, status: 'queued', progress: 0 };
  if (clip.status === 'done') {
    const exists = await fsp.stat(join(dir, `${clip.id}.mp4`)).then(() => true, () => false);
    if (!exists) return { ...clip, status: 'failed', error: 'the clip file is gone' };
  }
  return clip;
}

function viewOf(clip: ClipRecord): ClipView {
  const { input: _input, ...view } = clip;
  // Clips kept by a version that did not follow pauses: none was known.
  return { ...view, pausedSeconds: view.pausedSeconds ?? 0 };
}
