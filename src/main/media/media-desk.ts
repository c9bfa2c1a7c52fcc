import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, win32 } from 'node:path';
import type { ClipView, ClipsView, RecordingsView } from '../../shared/media';
import type { ShowState } from '../show/state';
import { baseLanguageOf } from '../show/state';
import { chapterLines, chaptersOf } from './chapters';
import { ClipJobs } from './clip-jobs';
import { planSlots, type Audience, type Slot } from './clip-plan';
import type { FfmpegCheck } from './ffmpeg';
import { RecordingsLog, type Recording } from './recordings-log';
import { fileSecondsAt, pausedWithin } from './recording-time';
import type { RecordingFolders } from './recording-folders';

/** What media needs to know of an OBS connection. */
export interface RecordingSource {
  id: string;
  locale: string;
  /** OBS runs on another machine: its file paths are its own, not this one's. */
  remote: boolean;
  /** OBS is connected and says it is recording; false also when it is away (crashed, closed). */
  recordingNow: boolean;
}

/** What OBS records into; a file a crash left behind is found among these. */
const RECORDING_FILE = /\.(mkv|mp4|mov|flv|ts|m4v)$/i;

export interface MediaDeskDeps {
  show(): ShowState;
  connection(id: string): RecordingSource | undefined;
  connections(): RecordingSource[];
  log: RecordingsLog;
  ffmpeg: FfmpegCheck;
  folders: RecordingFolders;
  jobs: ClipJobs;
}

/** Why media cannot do what was asked, with the status the API answers. */
export class MediaError extends Error {
  constructor(
    readonly status: 404 | 409 | 503,
    readonly code: string,
    message: string
  ) {
    super(message);
  }
}

/** A show of the library other than the open one: its state, and its recordings and pins from its own journal. */
export interface PastShow {
  state: ShowState;
  log: RecordingsLog;
}

/** Recordings, chapters and clips for the API: the journal's facts put together with the show. */
export class MediaDesk {
  constructor(private readonly deps: MediaDeskDeps) {}

  /** A show of the library that is not open, read from its folder (its journal is read as it is, never written). */
  static pastShow(showDir: string, state: ShowState): PastShow {
    return { state, log: RecordingsLog.fromJournal(showDir) };
  }

  /** YouTube chapter lines for this OBS's last recording in the open show (or in `past`), in its language. */
  chapters(connectionId: string, past?: PastShow): string {
    const { slots, totalSeconds } = this.slotsOf(connectionId, false, past);
    const chapters = chaptersOf(slots.map((s) => ({ startSeconds: s.startSeconds, title: s.name })), totalSeconds);
    if (!chapters) throw new MediaError(409, 'too_few_chapters', 'YouTube needs at least three chapters of ten seconds or more: this recording has fewer products on air that long');
    return chapterLines(chapters);
  }

  /** Queues one clip per on-air slot of this OBS's last recording. */
  cut(connectionId: string, exact: boolean): ClipView[] {
    if (!this.deps.ffmpeg.available) throw new MediaError(503, 'ffmpeg_unavailable', this.deps.ffmpeg.problem ?? 'ffmpeg is not available');
    const { slots, recording, locale } = this.slotsOf(connectionId, true);
    const file = this.fileOf(connectionId, recording);
    if (!file.path) throw new MediaError(409, 'recording_unreadable', file.problem ?? 'the recording cannot be read here');
    if (slots.length === 0) throw new MediaError(409, 'nothing_on_air', 'no product was on air during this recording');
    return this.deps.jobs.add(
      slots.map((s) => ({
        connectionId,
        productId: s.productId,
        itemId: s.itemId,
        locale,
        startSeconds: s.startSeconds,
        durationSeconds: s.durationSeconds,
        pausedSeconds: s.pausedSeconds,
        title: s.title,
        description: s.description,
        mode: exact ? 'exact' : 'copy',
        input: file.path!
      }))
    );
  }

  clip(id: string): ClipView | undefined {
    return this.deps.jobs.get(id);
  }

  cancel(id: string): boolean {
    return this.deps.jobs.cancel(id);
  }

  /** The finished file of a clip, null while it is not done. */
  file(id: string): string | null {
    return this.deps.jobs.file(id);
  }

  view(): ClipsView {
    const { ffmpeg } = this.deps;
    return {
      clips: this.deps.jobs.list(),
      ffmpeg: { available: ffmpeg.available, path: ffmpeg.path, version: ffmpeg.version, problem: ffmpeg.problem },
      connections: this.deps.connections().map((c) => this.recordingsOf(c))
    };
  }

  private recordingsOf(source: RecordingSource): RecordingsView {
    const last = this.lastRecording(source);
    const file = last ? this.fileOf(source.id, last) : null;
    return {
      connectionId: source.id,
      folder: this.deps.folders.get(source.id),
      remote: source.remote,
      recording: last !== undefined && last.stoppedAt === null,
      last: last ? { startedAt: last.startedAt, stoppedAt: last.stoppedAt, pausedSeconds: pausedWithin(last, last.startedAt, last.stoppedAt ?? Date.now()) / 1000, path: last.path, readable: file?.path !== null, problem: file?.problem ?? null } : null
    };
  }

  /** Where this machine reads a recording: OBS's own path, or the same file name in the folder mapped for a remote OBS. */
  fileOf(connectionId: string, recording: Recording): { path: string | null; problem: string | null } {
    if (!recording.path) return { path: null, problem: 'OBS has not said where it saved this recording (it is still recording, or it stopped without telling)' };
    const source = this.deps.connection(connectionId);
    const folder = this.deps.folders.get(connectionId);
    // OBS on Windows reports C:\…: its file name is after the last backslash whatever this machine is.
    const name = recording.path.includes('\\') ? win32.basename(recording.path) : basename(recording.path);
    if (folder) {
      const mapped = join(folder, name);
      return existsSync(mapped) ? { path: mapped, problem: null } : { path: null, problem: `${name} is not in the mapped folder ${folder}` };
    }
    if (source?.remote) return { path: null, problem: `This OBS runs on another computer: its recording ${recording.path} is not readable here. Map its recordings folder (a shared folder) to read it.` };
    return existsSync(recording.path) ? { path: recording.path, problem: null } : { path: null, problem: `The recording ${recording.path} is not on this computer any more` };
  }

  /**
   * A recording OBS never said it stopped (it crashed or was killed): its file is the newest one in
   * the folder OBS recorded into, and it ends where that file was last written. An MKV keeps all it
   * had; an MP4 cut short has no index and is refused by ffmpeg (the clip says so).
   */
  /**
   * The newest recording of this OBS, with its end and file found on disk when OBS died recording it.
   * In a past show a recording never stopped is one the studio stopped hearing of: what OBS records now belongs to the open show.
   */
  private lastRecording(source: RecordingSource, log = this.deps.log, live = true): Recording | undefined {
    const journaled = log.lastOf(source.id);
    if (!journaled || journaled.stoppedAt !== null || (live && source.recordingNow)) return journaled;
    return this.interrupted(source, journaled) ?? journaled;
  }

  private interrupted(source: RecordingSource, recording: Recording): Recording | null {
    const folder = this.deps.folders.get(source.id) ?? (source.remote ? null : recording.folder);
    if (!folder) return null;
    let newest: { path: string; mtimeMs: number } | null = null;
    try {
      for (const name of readdirSync(folder)) {
        if (!RECORDING_FILE.test(name)) continue;
        const path = join(folder, name);
        const file = statSync(path);
        if (file.isFile() && file.mtimeMs >= recording.startedAt && (!newest || file.mtimeMs > newest.mtimeMs)) newest = { path, mtimeMs: file.mtimeMs };
      }
    } catch {
      return null;
    }
    return newest ? { ...recording, path: newest.path, stoppedAt: Math.round(newest.mtimeMs) } : null;
  }

  private slotsOf(connectionId: string, finishedOnly: boolean, past?: PastShow): { slots: Slot[]; totalSeconds: number; recording: Recording; locale: string } {
    const source = this.deps.connection(connectionId);
    if (!source) throw new MediaError(404, 'not_found', `no OBS connection ${connectionId}`);
    const log = past?.log ?? this.deps.log;
    const recording = this.lastRecording(source, log, !past);
    if (!recording) throw new MediaError(409, 'no_recording', 'this OBS has not recorded during this show');
    if (finishedOnly && recording.stoppedAt === null) throw new MediaError(409, 'still_recording', 'this OBS is still recording: stop the recording first');
    // A past show's unfinished recording reached its last journaled fact; the open show's runs on.
    const end = recording.stoppedAt ?? (past ? log.lastFactAt : Math.max(log.lastFactAt, Date.now()));
    const show = past?.state ?? this.deps.show();
    const audience: Audience = {
      locale: source.locale,
      currency: show.locales.find((l) => l.locale === source.locale)?.currency ?? null,
      baseLanguage: baseLanguageOf(show),
      showTitle: show.title
    };
    const slots = planSlots(recording, end, log.airBetween(recording.startedAt, end), show.products, audience);
    return { slots, totalSeconds: fileSecondsAt(recording, end), recording, locale: source.locale };
  }
}
