import { z } from 'zod';
import { ShowLocale } from './locale';
import type { Reason } from './reason';

const ObsUrl = z
  .string()
  .trim()
  .max(500)
  .regex(/^wss?:\/\/[^\s/]+(:\d+)?\/?$/, 'expected an obs-websocket address such as "ws://127.0.0.1:4455"');

/** `POST /api/v1/obs/connections`: one OBS and the audience it serves. */
export const ObsConnectionInput = z.object({
  name: z.string().trim().min(1).max(80),
  url: ObsUrl,
  password: z.string().max(200).optional(),
  locale: ShowLocale.shape.locale
});
export type ObsConnectionInput = z.infer<typeof ObsConnectionInput>;

export const ObsConnectionPatch = ObsConnectionInput.partial().refine((p) => Object.keys(p).length > 0, 'give something to change');
export type ObsConnectionPatch = z.infer<typeof ObsConnectionPatch>;

export const ObsOutputAction = z.object({ action: z.enum(['start', 'stop']) });
export const ObsSceneSwitch = z.object({ sceneName: z.string().min(1).max(300) });

export type ObsLinkStatus = 'connecting' | 'identified' | 'degraded' | 'backing_off' | 'failed' | 'stopped';

export interface ObsHealthView {
  at: number;
  fps: number;
  cpuPercent: number;
  frameRenderMs: number;
  renderSkippedFrames: number;
  renderTotalFrames: number;
  outputSkippedFrames: number;
  outputTotalFrames: number;
  renderSkippedRecent: number;
  outputSkippedRecent: number;
  congestion: number;
  bitrateKbps: number | null;
  streaming: boolean;
  reconnecting: boolean;
  streamTimecode: string | null;
  recording: boolean;
  recordTimecode: string | null;
}

export interface ObsAlert {
  key: string;
  message: string;
  /** `message` as a code and parameters (`obs.health.renderLag`, `{ percent: 7.3 }`), for the desk to word. */
  reason: Reason;
  at: number;
}

/** Going live or recording as OBS really has it, and why the last start did not happen. */
export interface ObsOutputView {
  state: 'off' | 'starting' | 'on' | 'stopping';
  /** OBS's refusal or failure of the last start, in words the operator can act on; null once it runs. */
  error: string | null;
  /** `error` as a code and parameters; `params.stopped` is `by-itself` when OBS stopped on its own. */
  reason: Reason | null;
  at: number | null;
}

/** One OBS as every face sees it (the password is never part of it). */
export interface ObsConnectionView {
  id: string;
  name: string;
  url: string;
  locale: string;
  currency: string;
  hasPassword: boolean;
  status: ObsLinkStatus;
  lastError: string | null;
  /** `lastError` as a code and parameters (`obs.link.unreachable`), for the desk to word in its language. */
  lastErrorReason: Reason | null;
  retryAt: number | null;
  obsVersion: string | null;
  setup: {
    /** `needed`: never set up here; `repair`: studio sources are missing; `ready`. */
    state: 'unknown' | 'needed' | 'repair' | 'ready' | 'running' | 'failed';
    mode: 'native' | 'browser' | null;
    missing: string[];
    message: string | null;
    /** `message` as a code (`obs.setup.foreignSource`, `{ source, kind }`; `obs.setup.failed` `{ detail }`: OBS's own words). */
    reason: Reason | null;
  };
  /** What this OBS's canvas shows, as last acknowledged by OBS. */
  showing: { productId: string | null; revision: number; at: number } | null;
  currentScene: string | null;
  scenes: string[];
  health: ObsHealthView | null;
  alerts: ObsAlert[];
  /**
   * The last time the studio read OBS back (after a (re)connect or setup) and what it had to put
   * back, as `Shopcast · Price: place` (place, order, look, content, scroll, visibility).
   */
  resync: { at: number; ms: number; reapplied: string[] } | null;
  outputs: { stream: ObsOutputView; record: ObsOutputView };
  /** Why this OBS cannot show the product image, when it cannot (an OBS on another computer). */
  imageNote: string | null;
  /** `imageNote` as a code (`obs.image.remote`). */
  imageNoteReason: Reason | null;
}
