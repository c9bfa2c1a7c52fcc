import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { JournalPosition } from './journal';
import { writeAtomically } from './atomic-file';
import { COLUMN_TYPES, COLUMNS, COUNTED, VOIDED, type ArrayType, type Column, type ColumnName } from './order-table';
import type { SalesBookAggregates, SalesBookImage } from './sales-book';
import { pad8, readSalesSnapshotV1 } from './sales-snapshot-v1';

export const SALES_SNAPSHOT_FILE = 'sales.snapshot';
const MAGIC = Buffer.from('SCSALES2');
const LEGACY_MAGIC = Buffer.from('SCSALES1');
const NAMED: ColumnName[] = ['product', 'currency', 'locale', 'onAir', 'source'];

interface Header {
  revision: number;
  journal?: JournalPosition;
  /** Orders, and UTF-16 code units of all their ids. */
  count: number;
  chars: number;
  names: string[];
  aggregates: SalesBookAggregates;
}

const bytesOf = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/**
 * Writes the sales book beside the journal, atomically, in one buffer: a JSON header (names,
 * totals), every order column and the order ids as raw typed-array bytes (8-byte aligned, so they
 * are read back without a copy or a parse), and a CRC-32 of all of it at the end. Without it a
 * restart replays every order of the show; with it, only the journal after `image.revision`.
 */
export async function writeSalesSnapshot(dir: string, image: SalesBookImage): Promise<void> {
  const header: Header = { revision: image.revision, journal: image.journal, count: image.ids.ends.length, chars: image.ids.chars.length, names: image.names, aggregates: image.aggregates };
  const json = Buffer.from(JSON.stringify(header));
  const lead = Buffer.alloc(pad8(MAGIC.length + 4 + json.length));
  MAGIC.copy(lead, 0);
  lead.writeUInt32LE(json.length, MAGIC.length);
  json.copy(lead, MAGIC.length + 4);
  const parts: Buffer[] = [lead];
  for (const array of [...COLUMNS.map((name) => image.columns[name]), image.ids.ends, image.ids.chars]) {
    const bytes = bytesOf(array);
    parts.push(bytes, Buffer.alloc(pad8(bytes.length) - bytes.length));
  }
  const crc = Buffer.alloc(4);
  crc.writeUInt32LE(parts.reduce((sum, part) => crc32(part, sum), 0));
  await writeAtomically(dir, SALES_SNAPSHOT_FILE, [...parts, crc]);
}

/**
 * The last sales snapshot, or null when there is none or it cannot be trusted (a wrong CRC, a
 * length that does not add up, a value out of range): then the journal is replayed from the start,
 * so a damaged snapshot is never taken for a shorter show. Snapshots of older versions still open.
 */
export async function readSalesSnapshot(dir: string): Promise<SalesBookImage | null> {
  let file: Buffer;
  try {
    file = await fsp.readFile(join(dir, SALES_SNAPSHOT_FILE));
  } catch {
    return null;
  }
  try {
    if (file.length >= LEGACY_MAGIC.length && file.subarray(0, LEGACY_MAGIC.length).equals(LEGACY_MAGIC)) return readSalesSnapshotV1(file);
    return parse(file);
  } catch {
    return null;
  }
}

function parse(file: Buffer): SalesBookImage | null {
  if (file.length < MAGIC.length + 8 || !file.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const body = file.subarray(0, file.length - 4);
  if (crc32(body) !== file.readUInt32LE(body.length)) return null;
  const length = file.readUInt32LE(MAGIC.length);
  const header = JSON.parse(file.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + length)) as Header;
  const { count, chars } = header;
  if (!Number.isInteger(header.revision) || !Number.isSafeInteger(count) || !Number.isSafeInteger(chars) || count < 0 || chars < 0 || !Array.isArray(header.names)) return null;
  let offset = pad8(MAGIC.length + 4 + length);
  const take = <T extends Column | Uint16Array>(Type: ArrayType, n: number): T => {
    const bytes = n * Type.BYTES_PER_ELEMENT;
    if (offset + bytes > body.length) throw new RangeError('the snapshot is shorter than its header says');
    const at = file.byteOffset + offset;
    offset += pad8(bytes);
    // A view on the file's own memory when it is aligned (a large file read whole is): no copy.
    return (at % 8 === 0 ? new Type(file.buffer as ArrayBuffer, at, n) : new Type(file.buffer.slice(at, at + bytes) as ArrayBuffer, 0, n)) as T;
  };
  const columns = Object.fromEntries(COLUMNS.map((name) => [name, take(COLUMN_TYPES[name], count)])) as Record<ColumnName, Column>;
  const ids = { ends: take<Int32Array>(Int32Array, count), chars: take<Uint16Array>(Uint16Array, chars) };
  if (offset !== body.length || !inRange(columns, ids.ends, header)) return null;
  const journal = header.journal?.rev === header.revision ? header.journal : undefined;
  return { revision: header.revision, journal, names: header.names, ids, columns, aggregates: header.aggregates };
}

/** Every status known, every name id interned, the ids' ends in order: what a hand-made file could break. */
function inRange(columns: Record<ColumnName, Column>, ends: Int32Array, header: Header): boolean {
  const { count, names } = header;
  const status = columns.status;
  for (let row = 0; row < count; row++) if (status[row] !== COUNTED && status[row] !== VOIDED) return false;
  for (let row = 0, last = 0; row < count; last = ends[row++]) if (ends[row] < last) return false;
  // A column at a time, over one typed array: a million rows check in a few milliseconds.
  for (const name of NAMED) if (!withinNames(columns[name] as Int32Array, count, names.length)) return false;
  return count === 0 ? header.chars === 0 : ends[count - 1] === header.chars;
}

function withinNames(column: Int32Array, count: number, names: number): boolean {
  for (let row = 0; row < count; row++) if (column[row] < 0 || column[row] >= names) return false;
  return true;
}
