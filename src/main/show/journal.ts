import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import type { JournalEntry } from '../../shared/events';
import { checkLine, JOURNAL_FILE, NEWLINE, parseLine, revAt } from './journal-line';

export { JOURNAL_FILE, serializeEntry } from './journal-line';
export { syncDir } from './sync-dir';
export { JournalWriter, type JournalFile, type JournalStatus } from './journal-writer';

/** The last line of the journal was cut short (power cut, kill mid-write); it was never acknowledged. */
export interface TornTail {
  line: number;
  bytes: number;
}

/**
 * The journal cannot be replayed as it is: a line was damaged or edited, lines are missing, or it
 * ends before a snapshot of the show (acknowledged changes are gone). Starting anyway would show a
 * different show than the one acknowledged, so the studio refuses, and says how to go on.
 */
export class JournalCorruptError extends Error {
  constructor(
    readonly file: string,
    /** The first line that cannot be used (1-based; line N holds revision N). */
    readonly line: number,
    /** Where that line starts in the file: recovery keeps everything from here in a separate file. */
    readonly offset: number,
    readonly reason: string,
    /** The last revision the journal holds intact. */
    readonly lastGoodRevision: number,
    /** `damaged`: cut the file at `offset`; `behind_snapshot`: the snapshots claim more than the journal holds. */
    readonly kind: 'damaged' | 'behind_snapshot' = 'damaged'
  ) {
    const what =
      kind === 'damaged'
        ? `the show journal ${file} cannot be replayed past line ${line} (revision ${line}): ${reason}`
        : `the show journal ${file} is behind its snapshots: ${reason}`;
    const kept = kind === 'damaged' ? `line ${line} and everything after it` : 'the snapshots that claim more';
    super(
      `${what}. The show is intact up to revision ${lastGoodRevision}. To start from revision ${lastGoodRevision} and keep ${kept} in a file ` +
        'beside the journal, start the studio with --recover-journal; otherwise restore the data dir from a backup.'
    );
    this.name = 'JournalCorruptError';
  }
}

export interface JournalReadResult {
  entries: JournalEntry[];
  /** Entries at or before `afterRev` that `keepOlder` asked for (projections rebuilt from the start). */
  older: JournalEntry[];
  /** Where each entry's line starts in the file, by revision: an entry that cannot be applied is cut there. */
  lineStart: (rev: number) => number;
  tornTail: TornTail | null;
  /** The revision of the journal's last complete line (0 when it is empty). */
  lastRev: number;
}

/** Where a journal scan ended: what `readJournal` answers besides the entries. */
export type JournalScan = Omit<JournalReadResult, 'entries' | 'older'>;

/**
 * Hands each entry the journal holds to `visit`, in file order, instead of keeping them: replay
 * applies each and lets it go, so opening a long show never holds its whole journal in memory.
 * `older`: the entry is at or before `afterRev` and `keepOlder` asked for it; `offset`: where its
 * line starts in the file (an entry that cannot be applied is cut there); `line`: its bytes, a view
 * into the whole file read. Checks as `readJournal`.
 */
export async function scanJournal(
  dir: string,
  visit: (entry: JournalEntry, older: boolean, offset: number, line: Buffer) => void,
  afterRev = 0,
  keepOlder?: (rev: number, line: () => string) => boolean,
  start: JournalPosition = { offset: 0, rev: 0 }
): Promise<JournalScan> {
  const file = join(dir, JOURNAL_FILE);
  let read: { bytes: Buffer; base: number } | null;
  try {
    read = await readFrom(file, start);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { lineStart: () => 0, tornTail: null, lastRev: 0 };
    throw err;
  }
  // Bytes, not text: lines nobody wants are never decoded (and a journal larger than V8's longest
  // string still opens). A start position the file does not confirm means reading it all.
  const { bytes, base } = read ?? { bytes: await fsp.readFile(file), base: 0 };
  const from = read ? start.rev : 0;
  // Only asked for when an entry cannot be applied (rare): found again by counting lines then.
  const lineStart = (rev: number) => {
    let at = 0;
    for (let n = from + 1; n < rev && at >= 0; n++) at = bytes.indexOf(NEWLINE, at) + 1 || -1;
    return at < 0 ? -1 : base + at;
  };
  let offset = 0;
  // Revisions count lines from 1, so a line's number is its revision, and the first line is revision 1.
  let lineNo = from;
  let sawChecksum = false;
  const refuse = (reason: string, at: number) => new JournalCorruptError(file, lineNo, base + at, reason, lineNo - 1);
  while (offset < bytes.length) {
    const newline = bytes.indexOf(NEWLINE, offset);
    const end = newline < 0 ? bytes.length : newline;
    const start = offset;
    lineNo++;
    const isLast = newline < 0 || newline === bytes.length - 1;
    const rev = revAt(bytes, start, end);
    const check = rev === null ? 'none' : checkLine(bytes, start, end);
    const wanted = rev !== null && (rev > afterRev || isLast || (keepOlder !== undefined && keepOlder(rev, () => bytes.toString('utf8', start, end))));
    const entry = wanted ? parseLine(bytes, start, end, check === 'ok') : null;
    if (rev === null || (wanted && !entry)) {
      // Only the last line can be torn (appends go at the end), and a torn line never got its newline:
      // it was never acknowledged. A complete line that does not read is damage, not a tear.
      if (newline < 0) {
        await truncateTo(file, base + start);
        return { lineStart, tornTail: { line: lineNo, bytes: end - start }, lastRev: lineNo - 1 };
      }
      throw refuse('the line is not a journal entry', start);
    }
    if (check === 'mismatch') throw refuse('the line does not match its checksum (changed or damaged on disk)', start);
    // Lines from before checksums still read; once a line has one, every later line was written with one.
    if (check === 'none' && sawChecksum) throw refuse('the line lacks the checksum every line after the first checked one carries', start);
    sawChecksum ||= check === 'ok';
    if (rev !== lineNo) throw refuse(`expected revision ${lineNo}, found ${rev} (lines are missing or out of order)`, start);
    if (entry) visit(entry, rev <= afterRev, base + start, bytes.subarray(start, end));
    if (newline < 0) {
      // A complete entry whose newline never reached the disk: finish the line.
      await fsp.appendFile(file, '\n');
      break;
    }
    offset = newline + 1;
  }
  return { lineStart, tornTail: null, lastRev: lineNo };
}

/**
 * Reads the journal, keeping the entries after `afterRev` (the snapshot's revision), and older ones
 * whose raw line `keepOlder` accepts. A torn last line is cut off the file and reported; a broken,
 * edited (checksum) or missing line anywhere else is corruption and refused.
 */
export async function readJournal(
  dir: string,
  afterRev = 0,
  keepOlder?: (rev: number, line: () => string) => boolean,
  start?: JournalPosition
): Promise<JournalReadResult> {
  const entries: JournalEntry[] = [];
  const older: JournalEntry[] = [];
  const scan = await scanJournal(dir, (entry, isOlder) => (isOlder ? older : entries).push(entry), afterRev, keepOlder, start);
  return { entries, older, ...scan };
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

async function truncateTo(file: string, bytes: number): Promise<void> {
  const fh = await fsp.open(file, 'r+');
  try {
    await fh.truncate(bytes);
    await fh.datasync();
  } finally {
    await fh.close();
  }
}
