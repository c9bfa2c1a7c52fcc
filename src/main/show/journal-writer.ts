import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import type { JournalEntry } from '../../shared/events';
import { DiskUnwritableError, describeDiskRefusal, isDiskRefusal } from '../disk-errors';
import { JOURNAL_FILE, serializeEntry } from './journal-line';
import type { JournalPosition } from './journal';
import { syncDir } from './sync-dir';
import { SHOW_FILE_MODE } from './atomic-file';

/** What the writer does to the journal file: a real file handle, or one that injects faults in tests. */
export interface JournalFile {
  /** Appends at the end of the file; may write fewer bytes than asked (a full disk). */
  write(data: Buffer): Promise<{ bytesWritten: number }>;
  datasync(): Promise<void>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

export interface JournalStatus {
  writable: boolean;
  /** Why the last write failed, while the journal cannot be written. */
  reason?: string;
  /** Since when (ms since epoch). */
  since?: number;
}

export interface JournalWriterOptions {
  /**
   * Called with the first revision that did not reach the disk, before any append is rejected, so
   * the show can drop that entry and every later pending one at once.
   */
  onFailure?: (firstLostRev: number) => void;
  /** While the disk refuses writes, how often to check whether it takes them again (ms). */
  probeEveryMs?: number;
  /** Checks that the disk takes a write again. */
  probe?: () => Promise<void>;
  now?: () => number;
  /** Wraps the journal's file handle (tests inject faults here). */
  wrapFile?: (file: JournalFile) => JournalFile;
}

interface Pending {
  data: Buffer;
  rev: number;
  resolve: () => void;
  reject: (err: Error) => void;
}

/**
 * Appends entries and syncs them before their promise resolves: a write-ahead log. Appends that
 * arrive while a sync is in flight are written together with the next one (group commit), so a
 * burst of commands costs one sync per burst, not one per command.
 *
 * A batch counts only when every byte was written and synced. When the disk refuses (full, failing,
 * read-only), the batch and everything queued after it is refused with a `journal_unwritable`
 * error, the file is cut back to the last synced byte before anything else is written, and the disk
 * is probed until it takes writes again: the show goes on without a restart once space is back.
 */
export class JournalWriter {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private failure: { reason: string; since: number } | null = null;
  private probeTimer: NodeJS.Timeout | null = null;
  private closed = false;
  /** Bytes in the file once everything appended so far is written. */
  private end: number;

  constructor(
    private readonly file: JournalFile,
    /** Bytes known to be on disk: the file is cut back to this after a failed write. */
    private durable: number,
    private readonly options: JournalWriterOptions = {}
  ) {
    this.end = durable;
  }

  static async open(dir: string, options: JournalWriterOptions = {}): Promise<JournalWriter> {
    await fsp.mkdir(dir, { recursive: true });
    const fh = await fsp.open(join(dir, JOURNAL_FILE), 'a', SHOW_FILE_MODE);
    syncDir(dir);
    const size = (await fh.stat()).size;
    const file: JournalFile = {
      write: (data) => fh.write(data),
      datasync: () => fh.datasync(),
      truncate: (length) => fh.truncate(length),
      close: () => fh.close()
    };
    return new JournalWriter(options.wrapFile ? options.wrapFile(file) : file, size, { probe: () => probeDisk(dir), ...options });
  }

  /** Bytes in the file once everything appended so far is written. */
  get size(): number {
    return this.end;
  }

  status(): JournalStatus {
    return this.failure ? { writable: false, reason: this.failure.reason, since: this.failure.since } : { writable: true };
  }

  /**
   * Resolves once the entry is on disk, with the position where its line ends. `data` is the
   * entry's line when the caller made it already (to keep it: see AuditTrail).
   */
  append(entry: JournalEntry, data: Buffer = Buffer.from(serializeEntry(entry))): Promise<JournalPosition> {
    if (this.closed) return Promise.reject(new Error('the show journal is closed'));
    // Appends are written in call order, so each entry's end is known when it is queued.
    this.end += data.length;
    const position = { offset: this.end, rev: entry.rev };
    return new Promise((resolve, reject) => {
      this.queue.push({ data, rev: entry.rev, resolve: () => resolve(position), reject });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.failure && this.queue.length === 0) await this.probe();
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      const data = batch.length === 1 ? batch[0].data : Buffer.concat(batch.map((p) => p.data));
      try {
        // After a failure the file's tail is unknown: cut it back to what was synced first.
        if (this.failure) await this.restoreTail();
        const { bytesWritten } = await this.file.write(data);
        if (bytesWritten !== data.length) throw new ShortWriteError(bytesWritten, data.length);
        await this.file.datasync();
        this.durable += data.length;
        this.failure = null;
        for (const p of batch) p.resolve();
      } catch (err) {
        // Cut the refused bytes off at once, so a crash now cannot bring back a change answered "not saved".
        await this.restoreTail().catch(() => {});
        this.fail(err, batch);
      }
    }
    this.flushing = null;
  }

  private fail(err: unknown, batch: Pending[]): void {
    const lost = [...batch, ...this.queue];
    this.queue = [];
    this.end = this.durable;
    const reason = reasonOf(err);
    this.failure = { reason, since: this.failure?.since ?? (this.options.now ?? Date.now)() };
    const error = new DiskUnwritableError(
      'journal_unwritable',
      `the change was not saved: the show journal cannot be written (${reason}). The show stays as it was before this change; the studio keeps trying and takes changes again as soon as the disk does`
    );
    this.options.onFailure?.(lost[0].rev);
    for (const p of lost) p.reject(error);
    this.scheduleProbe();
  }

  private async restoreTail(): Promise<void> {
    await this.file.truncate(this.durable);
    await this.file.datasync();
  }

  /** While writes fail, checks now and then whether the disk takes them again (health says so). */
  private scheduleProbe(): void {
    if (this.probeTimer || this.closed) return;
    this.probeTimer = setTimeout(() => {
      this.probeTimer = null;
      if (this.failure && !this.closed) this.flushing ??= this.flush();
    }, this.options.probeEveryMs ?? 2000);
    this.probeTimer.unref();
  }

  private async probe(): Promise<void> {
    try {
      await this.restoreTail();
      await this.options.probe?.();
      this.failure = null;
    } catch (err) {
      if (this.failure) this.failure.reason = reasonOf(err);
      this.scheduleProbe();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.probeTimer) clearTimeout(this.probeTimer);
    while (this.flushing) await this.flushing;
    await this.file.close();
  }
}

/** The disk took fewer bytes than asked: the line is incomplete, so nothing of the batch counts. */
class ShortWriteError extends Error {
  constructor(written: number, asked: number) {
    super(`only ${written} of ${asked} bytes reached the disk, which is probably full`);
  }
}

function reasonOf(err: unknown): string {
  if (err instanceof ShortWriteError) return err.message;
  return isDiskRefusal(err) ? describeDiskRefusal(err) : (err as Error)?.message ?? String(err);
}

const PROBE_BYTES = 16 * 1024;

/** A small file beside the journal, written, synced and removed: does the disk take writes again? */
async function probeDisk(dir: string): Promise<void> {
  const file = join(dir, 'journal.probe');
  try {
    const fh = await fsp.open(file, 'w');
    try {
      await fh.writeFile(Buffer.alloc(PROBE_BYTES));
      await fh.datasync();
    } finally {
      await fh.close();
    }
  } finally {
    await fsp.rm(file, { force: true });
  }
}
