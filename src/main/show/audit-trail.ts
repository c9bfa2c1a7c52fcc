import type { JournalEntry } from '../../shared/events';
import { checkLine, NEWLINE, parseLine } from './journal-line';

/** An entry whose journal line is longer than this is kept as the line's bytes (a poll of orders, an import). */
export const PACK_OVER_BYTES = 8 * 1024;

/**
 * The most recent acknowledged entries, newest last: who did what, when (`GET /api/v1/journal`).
 * It keeps the last `size` to `2 × size` entries. A big entry (a poll of a thousand orders) is kept
 * as its journal line's bytes, outside the JavaScript heap, with who, what and when beside them,
 * and its events are read back from the bytes only when someone reads them. Kept as objects, a
 * thousand such polls are a million order objects in the old generation, which every major
 * collection walks while a pin waits; as bytes they are a thousand buffers it does not look into.
 */
export class AuditTrail {
  private entries: JournalEntry[] = [];

  constructor(private readonly size: number) {}

  /** Adds an acknowledged entry; `line` is its journal line as written (with or without its newline). */
  add(entry: JournalEntry, line?: Uint8Array): void {
    if (this.size <= 0) return;
    this.entries.push(line && line.length > PACK_OVER_BYTES ? packed(entry, Buffer.from(line.buffer, line.byteOffset, line.byteLength)) : entry);
    if (this.entries.length > this.size * 2) this.entries = this.entries.slice(-this.size);
  }

  /** The last `limit` entries, newest last. A packed entry reads its events each time they are asked for. */
  recent(limit: number): JournalEntry[] {
    return this.entries.slice(Math.max(0, this.entries.length - limit));
  }

  /**
   * Keeps only the last `size` entries, each packed one with bytes of its own: replay packs lines
   * that are views into the whole journal file, which must not stay in memory for them.
   */
  settle(): void {
    this.entries = this.recent(this.size).map((entry) => (isPacked(entry) ? packed(entry, Buffer.from(entry[LINE])) : entry));
  }
}

const LINE = Symbol('journal line');
type PackedEntry = JournalEntry & { [LINE]: Buffer };
const isPacked = (entry: JournalEntry): entry is PackedEntry => LINE in entry;

/**
 * The entry with its events read from its line on demand. `events` is an own enumerable getter, so
 * the journal page's JSON.stringify writes them out as if they were kept; the line itself is under a
 * symbol, which JSON leaves out.
 */
function packed(entry: JournalEntry, line: Buffer): PackedEntry {
  const { rev, at, actor, command } = entry;
  return {
    rev,
    at,
    actor,
    command,
    get events() {
      return readEvents(line);
    },
    [LINE]: line
  };
}

function readEvents(line: Buffer): JournalEntry['events'] {
  const end = line[line.length - 1] === NEWLINE ? line.length - 1 : line.length;
  const entry = parseLine(line, 0, end, checkLine(line, 0, end) === 'ok');
  // The bytes are the line the journal took and checked: they read back, or the disk's copy would not either.
  return entry?.events ?? [];
}
