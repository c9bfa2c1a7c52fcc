import { COLUMN_TYPES, COLUMNS, type Column, type ColumnName } from './order-table';
import { OrderIds } from './order-ids';
import type { SalesBookAggregates, SalesBookImage } from './sales-book';
import type { JournalPosition } from './journal';

const MAGIC_LENGTH = 8;

/** Snapshot sections start on 8-byte boundaries, so a Float64Array can view them in place. */
export const pad8 = (n: number) => (n + 7) & ~7;

interface HeaderV1 {
  revision: number;
  journal?: JournalPosition;
  count: number;
  names: string[];
  ids: string[];
  aggregates: SalesBookAggregates;
}

/**
 * A sales snapshot as studios before the packed order ids wrote it ('SCSALES1': the ids in the JSON
 * header, no CRC): still read, so a data dir from before opens from its snapshot. The next snapshot
 * is written in the current format.
 */
export function readSalesSnapshotV1(file: Buffer): SalesBookImage | null {
  if (file.length < MAGIC_LENGTH + 4) return null;
  const length = file.readUInt32LE(MAGIC_LENGTH);
  const header = JSON.parse(file.toString('utf8', MAGIC_LENGTH + 4, MAGIC_LENGTH + 4 + length)) as HeaderV1;
  if (!Number.isInteger(header.revision) || !Array.isArray(header.ids) || header.ids.length !== header.count) return null;
  let offset = pad8(MAGIC_LENGTH + 4 + length);
  const columns = {} as Record<ColumnName, Column>;
  for (const name of COLUMNS) {
    const Type = COLUMN_TYPES[name];
    const bytes = header.count * Type.BYTES_PER_ELEMENT;
    if (offset + bytes > file.length) return null;
    // Copied into an aligned buffer of its own: the file's buffer need not be 8-byte aligned.
    columns[name] = new Type(file.buffer.slice(file.byteOffset + offset, file.byteOffset + offset + bytes) as ArrayBuffer, 0, header.count) as Column;
    offset += pad8(bytes);
  }
  if (header.ids.some((id) => typeof id !== 'string')) return null;
  const journal = header.journal?.rev === header.revision ? header.journal : undefined;
  return { revision: header.revision, journal, names: header.names, ids: OrderIds.fromStrings(header.ids).image(), columns, aggregates: header.aggregates, olderFormat: true };
}
