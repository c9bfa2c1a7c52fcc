import { promises as fsp, openSync, closeSync, fsyncSync } from 'node:fs';
import { join } from 'node:path';
import type { JournalEntry } from '../../shared/events';

export const JOURNAL_FILE = 'journal.jsonl';

/** The last line of the journal was cut short (power cut, kill mid-write); it was never acknowledged. */
export interface TornTail {
  line: number;
  bytes: number;
}

export class JournalCorruptError extends Error {
  constructor(readonly file: string, readonly line: number, reason: string) {
    super(`${file} line ${line}: ${reason}; the show cannot be replayed past it (keep a copy of the file and contact support)`);
    this.name = 'JournalCorruptError';
  }
}

export interface JournalReadResult {
  entries: JournalEntry[];
  /** Entries at or before `afterRev` that `keepOlder` asked for (projections rebuilt from the start). */
  older: JournalEntry[];
  tornTail: TornTail | null;
}

/**
 * Reads the journal, keeping the entries after `afterRev` (the snapshot's revision), and older ones
 * whose raw line `keepOlder` accepts. A torn last line is cut off the file and reported; a broken
 * line anywhere else is corruption and refused.
 */
export async function readJournal(
  dir: string,
  afterRev = 0,
  keepOlder?: (rev: number, line: () => string) => boolean,
  start: JournalPosition = { offset: 0, rev: 0 }
): Promise<JournalReadResult> {
  const file = join(dir, JOURNAL_FILE);
  let read: { bytes: Buffer; base: number } | null;
  try {
    read = await readFrom(file, start);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], older: [], tornTail: null };
    throw err;
  }
  // Bytes, not text: lines nobody wants are never decoded (and a journal larger than V8's longest
  // string still opens). A start position the file does not confirm means reading it all.
  const { bytes, base } = read ?? { bytes: await fsp.readFile(file), base: 0 };
  const from = read ? start.rev : 0;
  const entries: JournalEntry[] = [];
  const older: JournalEntry[] = [];
  let offset = 0;
  // Revisions count lines from 1, so a line's number is its revision.
  let lineNo = from;
  let expectedRev = read && from > 0 ? from + 1 : -1;
  while (offset < bytes.length) {
    const newline = bytes.indexOf(NEWLINE, offset);
    const end = newline < 0 ? bytes.length : newline;
    const start = offset;
    lineNo++;
    const isLast = newline < 0 || newline === bytes.length - 1;
    const rev = revAt(bytes, start, end);
    const line = () => bytes.toString('utf8', start, end);
    const wanted = rev !== null && (rev > afterRev || isLast || keepOlder?.(rev, line) === true);
    const entry = wanted ? tryParse(line()) : null;
    if (rev === null || (wanted && !entry)) {
      if (isLast) {
        await truncateTo(file, base + start);
        return { entries, older, tornTail: { line: lineNo, bytes: end - start } };
      }
      throw new JournalCorruptError(file, lineNo, 'the line is not a journal entry');
    }
    if (expectedRev >= 0 && rev !== expectedRev) throw new JournalCorruptError(file, lineNo, `expected revision ${expectedRev}, found ${rev}`);
    expectedRev = rev + 1;
    if (entry) (rev > afterRev ? entries : older).push(entry);
    if (newline < 0) {
      // A complete entry whose newline never reached the disk: finish the line.
      await fsp.appendFile(file, '\n');
      break;
    }
    offset = newline + 1;
  }
  return { entries, older, tornTail: null };
}

/** Where an entry's line ends in the file: a snapshot keeps it, so a restart reads only what follows. */
export interface JournalPosition {
  offset: number;
  rev: number;
}

/**
 * The journal from `start` on, or null when the file does not confirm the position (shorter than
 * it, or the line there is not revision `start.rev + 1`): then the caller reads it all.
 */
async function readFrom(file: string, start: JournalPosition): Promise<{ bytes: Buffer; base: number } | null> {
  if (start.offset <= 0) return { bytes: await fsp.readFile(file), base: 0 };
  const fh = await fsp.open(file, 'r');
  try {
    const { size } = await fh.stat();
    if (size < start.offset) return null;
    const bytes = Buffer.allocUnsafe(size - start.offset);
    let done = 0;
    while (done < bytes.length) {
      const { bytesRead } = await fh.read(bytes, done, bytes.length - done, start.offset + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    const tail = bytes.subarray(0, done);
    const previous = Buffer.alloc(1);
    await fh.read(previous, 0, 1, start.offset - 1);
    const confirmed = previous[0] === NEWLINE && (tail.length === 0 || revAt(tail, 0, tail.indexOf(NEWLINE) < 0 ? tail.length : tail.indexOf(NEWLINE)) === start.rev + 1);
    return confirmed ? { bytes: tail, base: start.offset } : null;
  } finally {
    await fh.close();
  }
}

const NEWLINE = 0x0a;
// Lines start with `{"rev":N,` so replay after a snapshot can skip old lines without decoding them.
const REV_PREFIX = Buffer.from('{"rev":');
const COMMA = 0x2c;

function revAt(bytes: Buffer, start: number, end: number): number | null {
  if (end - start < REV_PREFIX.length + 2 || bytes.compare(REV_PREFIX, 0, REV_PREFIX.length, start, start + REV_PREFIX.length) !== 0) return null;
  let rev = 0;
  let i = start + REV_PREFIX.length;
  for (; i < end && i < start + REV_PREFIX.length + 16; i++) {
    const digit = bytes[i] - 0x30;
    if (digit < 0 || digit > 9) break;
    rev = rev * 10 + digit;
  }
  return i > start + REV_PREFIX.length && bytes[i] === COMMA ? rev : null;
}

function tryParse(line: string): JournalEntry | null {
  try {
    return JSON.parse(line) as JournalEntry;
  } catch {
    return null;
  }
}

async function truncateTo(file: string, bytes: number): Promise<void> {
  const fh = await fsp.open(file, 'r+');
  try {
    await fh.truncate(bytes);
    await fh.datasync();
  } finally {
    await fh.close();
  }
}

export function serializeEntry(entry: JournalEntry): string {
  const { rev, at, actor, command, events } = entry;
  return JSON.stringify({ rev, at, actor, command, events }) + '\n';
}

interface Pending {
  data: string;
  resolve: () => void;
  reject: (err: Error) => void;
}

/**
 * Appends entries and fsyncs them before their promise resolves. Appends that arrive while a sync
 * is in flight are written together with the next one (group commit), so a burst of commands costs
 * one fsync per burst, not one per command.
 */
export class JournalWriter {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private failure: Error | null = null;

  private constructor(
    private readonly fh: fsp.FileHandle,
    /** Bytes in the file once everything appended so far is written. */
    private end: number
  ) {}

  static async open(dir: string): Promise<JournalWriter> {
    await fsp.mkdir(dir, { recursive: true });
    const fh = await fsp.open(join(dir, JOURNAL_FILE), 'a', 0o600);
    syncDir(dir);
    return new JournalWriter(fh, (await fh.stat()).size);
  }

  /** Bytes in the file once everything appended so far is written. */
  get size(): number {
    return this.end;
  }

  /** Resolves once the entry is on disk, with the position where its line ends. */
  append(entry: JournalEntry): Promise<JournalPosition> {
    if (this.failure) return Promise.reject(this.failure);
    const data = serializeEntry(entry);
    // Appends are written in call order, so each entry's end is known when it is queued.
    this.end += Buffer.byteLength(data);
    const position = { offset: this.end, rev: entry.rev };
    return new Promise((resolve, reject) => {
      this.queue.push({ data, resolve: () => resolve(position), reject });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        await this.fh.write(batch.map((p) => p.data).join(''));
        await this.fh.datasync();
        for (const p of batch) p.resolve();
      } catch (err) {
        // After a failed write the file's tail is unknown: refuse everything from here on.
        this.failure = new Error(`the show journal could not be written: ${(err as Error).message}`);
        for (const p of [...batch, ...this.queue]) p.reject(this.failure);
        this.queue = [];
      }
    }
    this.flushing = null;
  }

  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
    await this.fh.close();
  }
}

/** Makes a new or renamed file in `dir` survive a power cut. */
export function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Not every platform can fsync a directory (Windows); the file's own fsync is what matters there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
