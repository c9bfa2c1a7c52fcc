import { crc32 } from 'node:zlib';
import type { JournalEntry } from '../../shared/events';

export const JOURNAL_FILE = 'journal.jsonl';

/**
 * One journal line: `{"rev":N,"at":…,"actor":…,"command":…,"events":[…],"crc":"xxxxxxxx"}`.
 * Lines start with `{"rev":N,` so replay after a snapshot can skip old lines without decoding them;
 * they end with the CRC-32 of the line as it reads without its `,"crc":"…"` part, so an edited or
 * damaged line is found without parsing it. Lines written before checksums existed have none and
 * still read; every line written now carries one.
 */
export function serializeEntry(entry: JournalEntry): string {
  const { rev, at, actor, command, events } = entry;
  const body = JSON.stringify({ rev, at, actor, command, events });
  return `${body.slice(0, -1)}${CRC_LEAD}${hex8(crc32(body))}"}\n`;
}

export const NEWLINE = 0x0a;
const REV_PREFIX = Buffer.from('{"rev":');
const COMMA = 0x2c;
const CRC_LEAD = ',"crc":"';
const CRC_LEAD_BYTES = Buffer.from(CRC_LEAD);
/** `,"crc":"` + 8 hex digits + `"}` */
const CRC_SUFFIX_LENGTH = CRC_LEAD_BYTES.length + 8 + 2;
const CLOSE_BRACE = Buffer.from('}');

/** The revision a line starts with, or null when it does not start like a journal entry. */
export function revAt(bytes: Buffer, start: number, end: number): number | null {
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

/** `ok`: the checksum matches; `none`: a line from before checksums; `mismatch`: the line was changed or damaged. */
export type LineCheck = 'ok' | 'none' | 'mismatch';

/** Checks a line's checksum on its bytes (no decoding: skipped lines cost one CRC pass). */
export function checkLine(bytes: Buffer, start: number, end: number): LineCheck {
  const lead = end - CRC_SUFFIX_LENGTH;
  if (lead <= start || bytes.compare(CRC_LEAD_BYTES, 0, CRC_LEAD_BYTES.length, lead, lead + CRC_LEAD_BYTES.length) !== 0) return 'none';
  const digits = bytes.toString('latin1', lead + CRC_LEAD_BYTES.length, end - 2);
  if (bytes[end - 2] !== 0x22 || bytes[end - 1] !== 0x7d || !/^[0-9a-f]{8}$/.test(digits)) return 'none';
  const actual = crc32(CLOSE_BRACE, crc32(bytes.subarray(start, lead)));
  return hex8(actual) === digits ? 'ok' : 'mismatch';
}

/** The entry a line holds (its checksum dropped), or null when it is not JSON. */
export function parseLine(line: string): JournalEntry | null {
  try {
    const parsed = JSON.parse(line) as JournalEntry & { crc?: string };
    if (typeof parsed !== 'object' || parsed === null) return null;
    delete parsed.crc;
    return parsed;
  } catch {
    return null;
  }
}

const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
