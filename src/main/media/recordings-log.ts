import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JournalEntry, ShowEvent } from '../../shared/events';
import { JOURNAL_FILE, NEWLINE, parseLine } from '../show/journal-line';
import type { Pause } from './recording-time';

/** One recording of one OBS, as journaled: studio-clock epoch ms of its first frame and its end. */
export interface Recording {
  connectionId: string;
  startedAt: number;
  /** null while it runs (or when OBS died before telling: see `lastFactAt`). */
  stoppedAt: number | null;
  path: string | null;
  /** Where OBS saves recordings (told at the start): where to look for a file a crash left unnamed. */
  folder: string | null;
  /** When OBS paused it, oldest first: the file skips these stretches (see recording-time.ts). */
  pauses: Pause[];
}

/** One stretch of a rundown item on air. */
export interface AirSpan {
  itemId: string;
  productId: string;
  from: number;
  /** null while still on air. */
  to: number | null;
}

/**
 * When each OBS recorded and when each product was on air: a projection of the journal (read once
 * at start, then followed), so chapters and clips can be made for any recording of the show after
 * a restart. The show state keeps neither: it would grow with every pin of an 8-hour show.
 */
export class RecordingsLog {
  private readonly recordings: Recording[] = [];
  private readonly spans: AirSpan[] = [];
  private lastRev = 0;
  /** The time of the newest journaled fact: how far a recording cut short by a crash reached at least. */
  lastFactAt = 0;

  /** Reads the whole journal of a show dir (read-only; a partly written last line is skipped). */
  static fromJournal(showDir: string): RecordingsLog {
    const log = new RecordingsLog();
    log.readJournal(showDir);
    return log;
  }

  /** Forgets what it held and reads another show's journal instead (the producer opened another show). */
  readJournal(showDir: string): void {
    this.recordings.length = 0;
    this.spans.length = 0;
    this.lastRev = 0;
    this.lastFactAt = 0;
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(showDir, JOURNAL_FILE));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    const wanted = [Buffer.from('"onAir.'), Buffer.from('"recording.')];
    let offset = 0;
    while (offset < bytes.length) {
      const newline = bytes.indexOf(NEWLINE, offset);
      const end = newline < 0 ? bytes.length : newline;
      // Only lines that can matter are decoded: a long show's journal is mostly sales.
      const line = bytes.subarray(offset, end);
      if (wanted.some((w) => line.includes(w))) {
        const entry = parseLine(bytes, offset, end);
        if (entry) this.add(entry);
      }
      offset = end + 1;
    }
  }

  /** One acknowledged entry; entries already seen (by revision) are ignored. */
  add(entry: JournalEntry): void {
    if (entry.rev <= this.lastRev) return;
    this.lastRev = entry.rev;
    for (const event of entry.events) this.apply(event, entry.at);
  }

  private apply(event: ShowEvent, at: number): void {
    switch (event.type) {
      case 'onAir.pinned':
        this.closeSpan(event.since);
        this.spans.push({ itemId: event.itemId, productId: event.productId, from: event.since, to: null });
        break;
      case 'onAir.cleared':
        this.closeSpan(at);
        break;
      case 'recording.started': {
        // A start without a stop before it: OBS died mid-recording; that one ended by this time at the latest.
        const open = this.open(event.connectionId);
        if (open) open.stoppedAt = Math.min(event.at, this.lastFactAt || event.at);
        if (open) resume(open, open.stoppedAt!);
        this.recordings.push({ connectionId: event.connectionId, startedAt: event.at, stoppedAt: null, path: event.path ?? null, folder: event.folder ?? null, pauses: [] });
        break;
      }
      case 'recording.stopped': {
        const open = this.open(event.connectionId);
        if (open) {
          open.stoppedAt = Math.max(open.startedAt, event.at);
          open.path = event.path ?? open.path;
          // Stopped while paused: the file ended where the pause began.
          resume(open, open.stoppedAt);
        }
        break;
      }
      case 'recording.paused': {
        const open = this.open(event.connectionId);
        const last = open?.pauses[open.pauses.length - 1];
        // OBS repeats its state after a reconnect: a pause already running is the same pause.
        if (open && (!last || last.to !== null)) open.pauses.push({ from: Math.max(open.startedAt, event.at, last?.to ?? 0), to: null });
        break;
      }
      case 'recording.resumed': {
        const open = this.open(event.connectionId);
        if (open) resume(open, event.at);
        break;
      }
      default:
        return;
    }
    this.lastFactAt = Math.max(this.lastFactAt, at);
  }

  private closeSpan(at: number): void {
    const last = this.spans[this.spans.length - 1];
    if (last && last.to === null) last.to = Math.max(last.from, at);
  }

  private open(connectionId: string): Recording | undefined {
    const last = this.lastOf(connectionId);
    return last && last.stoppedAt === null ? last : undefined;
  }

  /** The newest recording of this OBS, finished or not. */
  lastOf(connectionId: string): Recording | undefined {
    for (let i = this.recordings.length - 1; i >= 0; i--) if (this.recordings[i].connectionId === connectionId) return this.recordings[i];
    return undefined;
  }

  /** The stretches on air that overlap [from, to). */
  airBetween(from: number, to: number): AirSpan[] {
    return this.spans.filter((s) => s.from < to && (s.to === null || s.to > from));
  }
}

/** Ends the recording's running pause, if any, at `at` (never before it began). */
function resume(recording: Recording, at: number): void {
  const last = recording.pauses[recording.pauses.length - 1];
  if (last && last.to === null) last.to = Math.max(last.from, at);
}
