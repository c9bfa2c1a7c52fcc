import { crc32 } from 'node:zlib';
import type { JournalEntry, ShowEvent } from '../../shared/events';
import { changesText, forgetChangesText } from './changes-text';

export const JOURNAL_FILE = 'journal.jsonl';

/**
 * One journal line: `{"rev":N,"at":…,"actor":…,"command":…,"events":[…],"crc":"xxxxxxxx"}`.
 * Lines start with `{"rev":N,` so replay after a snapshot can skip old lines without decoding them;
 * they end with the CRC-32 of the line's bytes before its `,"crc":"…"}` tail, so an edited or
 * damaged line is found without parsing it. Lines written before checksums existed have none and
 * still read; every line written now carries one.
 */
export function serializeEntry(entry: JournalEntry): string {
  const head = headOf(entry);
  return `${head}${CRC_LEAD}${hex8(crc32(head))}"}\n`;
}

/** The entry's JSON without its closing brace: what the checksum covers. */
function headOf(entry: JournalEntry): string {
  const { rev, at, actor, command, events } = entry;
  if (!events.some((event) => event.type === 'sales.recorded' && changesText(event.changes))) return JSON.stringify({ rev, at, actor, command, events }).slice(0, -1);
  // One join of many parts: a poll's text is copied once, not once per nesting level.
  const parts = [`${JSON.stringify({ rev, at, actor, command }).slice(0, -1)},"events":[`];
  events.forEach((event, i) => {
    if (i > 0) parts.push(',');
    pushEventJson(parts, event);
  });
  parts.push(']');
  for (const event of events) if (event.type === 'sales.recorded') forgetChangesText(event.changes);
  return parts.join('');
}

/** The event as JSON.stringify writes it, a poll's changes taken from their text (they are its last key). */
function pushEventJson(parts: string[], event: ShowEvent): void {
  const written = event.type === 'sales.recorded' ? changesText(event.changes) : undefined;
  if (!written || Object.keys(event).at(-1) !== 'changes') {
    parts.push(JSON.stringify(event));
    return;
  }
  const { changes: _written, ...rest } = event as Extract<ShowEvent, { type: 'sales.recorded' }>;
  const lead = JSON.stringify(rest);
  parts.push(`${lead === '{}' ? '{' : `${lead.slice(0, -1)},`}"changes":[`);
  written.pieces.forEach((piece, i) => {
    if (i > 0) parts.push(written.tail);
    parts.push(piece);
  });
  parts.push(']}');
}

export const NEWLINE = 0x0a;
const REV_PREFIX = Buffer.from('{"rev":');
const COMMA = 0x2c;
const CRC_LEAD = ',"crc":"';
const CRC_LEAD_BYTES = Buffer.from(CRC_LEAD);
/** `,"crc":"` + 8 hex digits + `"}` */
const CRC_SUFFIX_LENGTH = CRC_LEAD_BYTES.length + 8 + 2;

/** The revision a line starts with, or null when it does not start like a journal entry. */
export function revAt(bytes: Buffer, start: number, end: number): number | null {
  if (end - start < REV_PREFIX.length + 2 || !holdsAt(bytes, start, REV_PREFIX)) return null;
  let rev = 0;
  let i = start + REV_PREFIX.length;
  for (; i < end && i < start + REV_PREFIX.length + 16; i++) {
    const digit = bytes[i] - 0x30;
    if (digit < 0 || digit > 9) break;
    rev = rev * 10 + digit;
  }
  return i > start + REV_PREFIX.length && bytes[i] === COMMA ? rev : null;
}

/** `ok`: the checksum matches; `none`: a line from before checksums; `mismatch`: changed or damaged. */
export type LineCheck = 'ok' | 'none' | 'mismatch';

/** Checks a line's checksum on its bytes (no decoding: skipped lines cost one CRC pass). */
export function checkLine(bytes: Buffer, start: number, end: number): LineCheck {
  const lead = end - CRC_SUFFIX_LENGTH;
  const none: LineCheck = 'none';
  if (lead <= start || bytes[end - 2] !== QUOTE || bytes[end - 1] !== CLOSE) return none;
  if (!holdsAt(bytes, lead, CRC_LEAD_BYTES)) return none;
  let stored = 0;
  for (let i = lead + CRC_LEAD_BYTES.length; i < end - 2; i++) {
    const digit = HEX_VALUE[bytes[i]];
    if (digit < 0) return none;
    stored = stored * 16 + digit;
  }
  // A plain view, not `subarray`: a Buffer view costs more to make than the CRC of a short line.
  return crc32(new Uint8Array(bytes.buffer, bytes.byteOffset + start, lead - start)) === stored ? 'ok' : 'mismatch';
}

/**
 * Whether `bytes` hold `expected` at `at`. A loop, not `Buffer.compare`: for the few bytes of a
 * line's head or tail, the call into C++ costs more than the comparison (~20 ms per 100,000 lines).
 */
function holdsAt(bytes: Buffer, at: number, expected: Buffer): boolean {
  for (let i = 0; i < expected.length; i++) if (bytes[at + i] !== expected[i]) return false;
  return true;
}

const QUOTE = 0x22;
const CLOSE = 0x7d;
/** Lower-case hex digit → value, -1 for any other byte. */
const HEX_VALUE = Int8Array.from({ length: 256 }, (_, b) => (b >= 0x30 && b <= 0x39 ? b - 0x30 : b >= 0x61 && b <= 0x66 ? b - 0x57 : -1));

/**
 * The entry a line holds (its checksum left out), or null when it is not JSON. A line whose checksum
 * matched (`checked`) is read without its tail: what is left is the entry exactly as it was written.
 */
export function parseLine(bytes: Buffer, start: number, end: number, checked = false): JournalEntry | null {
  try {
    if (checked) return JSON.parse(`${bytes.toString('utf8', start, end - CRC_SUFFIX_LENGTH)}}`) as JournalEntry;
    const parsed = JSON.parse(bytes.toString('utf8', start, end)) as JournalEntry | null;
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { rev, at, actor, command, events } = parsed;
    return { rev, at, actor, command, events };
  } catch {
    return null;
  }
}

const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
