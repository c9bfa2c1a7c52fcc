import { z } from 'zod';

/** `POST /api/v1/clips`: cut one clip per on-air slot from that OBS's last recording. */
export const ClipRequest = z.object({
  connectionId: z.string().min(1).max(64),
  /** Re-encode for frame-exact cuts; default false: stream copy, cut at the keyframes. */
  exact: z.boolean().optional()
});
export type ClipRequest = z.infer<typeof ClipRequest>;

/** `PUT /api/v1/clips/folders/:connectionId`: where this machine sees a remote OBS's recordings; null forgets it. */
export const RecordingFolder = z.object({ folder: z.string().trim().min(1).max(4096).nullable() });
export type RecordingFolder = z.infer<typeof RecordingFolder>;

/** `POST /api/v1/recordings`: start or stop recording on every OBS at once, or on one. */
export const RecordingsAction = z.object({ action: z.enum(['start', 'stop']), connectionId: z.string().min(1).max(64).optional() });
export type RecordingsAction = z.infer<typeof RecordingsAction>;

export type ClipStatus = 'queued' | 'cutting' | 'done' | 'failed' | 'cancelled';

/** One clip: a product's slot on air, cut from one OBS's recording, in that OBS's language. */
export interface ClipView {
  id: string;
  connectionId: string;
  productId: string;
  itemId: string;
  locale: string;
  /** Where the slot begins in the recording, and how long it lasts (seconds, millisecond precision). */
  startSeconds: number;
  durationSeconds: number;
  /**
   * Seconds of the slot on air while OBS's recording was paused: not in the file, so the clip is
   * that much shorter than the slot (0: none). A slot paused throughout gets no clip.
   */
  pausedSeconds: number;
  /** In the clip's language; the description carries the price in that market's currency. */
  title: string;
  description: string;
  mode: 'copy' | 'exact';
  status: ClipStatus;
  /** 0–1 while cutting. */
  progress: number;
  error: string | null;
  /** Bytes of the finished file, null until done. */
  bytes: number | null;
  createdAt: number;
}

/** `GET /api/v1/clips`: the clips, and whether the studio can cut any at all. */
export interface ClipsView {
  clips: ClipView[];
  ffmpeg: { available: boolean; path: string | null; version: string | null; problem: string | null };
  /** Per OBS connection: its recordings as the studio knows them, and whether its files are readable here. */
  connections: RecordingsView[];
}

export interface RecordingsView {
  connectionId: string;
  /** The folder the user mapped for a remote OBS, null if none. */
  folder: string | null;
  remote: boolean;
  recording: boolean;
  /** `pausedSeconds`: how long OBS paused it (its file is that much shorter than start to stop). */
  last: { startedAt: number; stoppedAt: number | null; pausedSeconds: number; path: string | null; readable: boolean; problem: string | null } | null;
}
