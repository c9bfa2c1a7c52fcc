import type { Recording } from './recordings-log';

/** A stretch a recording was paused (studio-clock epoch ms): its file holds no frames of it. */
export interface Pause {
  from: number;
  /** null while still paused. */
  to: number | null;
}

/**
 * Milliseconds of `recording` paused within [from, to): a pause still running lasts until `to`.
 * What the show did in those milliseconds is not in the file.
 */
export function pausedWithin(recording: Pick<Recording, 'pauses'>, from: number, to: number): number {
  let paused = 0;
  for (const pause of recording.pauses) paused += Math.max(0, Math.min(pause.to ?? to, to) - Math.max(pause.from, from));
  return paused;
}

/**
 * Where show time `at` is in the recording's file, in seconds from its first frame: the time since
 * the start minus what was paused before it. Inside a pause, the place the file resumes.
 */
export function fileSecondsAt(recording: Pick<Recording, 'startedAt' | 'pauses'>, at: number): number {
  const since = Math.max(0, at - recording.startedAt);
  return (since - pausedWithin(recording, recording.startedAt, Math.max(recording.startedAt, at))) / 1000;
}
