/**
 * Rows are stored in chunks of this many: a table grows by a chunk, never by copying what it holds.
 * Doubling whole columns (and rehashing the index with them) at 131k, 262k, 524k orders held the
 * event loop for tens of milliseconds in the middle of a poll, while a pin waited.
 */
export const CHUNK_SHIFT = 14;
export const CHUNK_ROWS = 1 << CHUNK_SHIFT;
export const CHUNK_MASK = CHUNK_ROWS - 1;

export type RowArray = Uint8Array | Int32Array | Uint32Array | Float64Array;
export type RowArrayType<T extends RowArray> = (new (n: number) => T) & { BYTES_PER_ELEMENT: number };

/** One number per row, in fixed-size typed-array chunks. */
export class RowChunks<T extends RowArray> {
  readonly chunks: T[] = [];

  constructor(private readonly Type: RowArrayType<T>) {}

  /** Makes row `row` writable; rows are added one after another, so at most one chunk is added. */
  room(row: number): void {
    if (row >>> CHUNK_SHIFT === this.chunks.length) this.chunks.push(new this.Type(CHUNK_ROWS));
  }

  get(row: number): number {
    return this.chunks[row >>> CHUNK_SHIFT][row & CHUNK_MASK];
  }

  set(row: number, value: number): void {
    this.chunks[row >>> CHUNK_SHIFT][row & CHUNK_MASK] = value;
  }

  /** The first `rows`, copied into one array: a snapshot must not change under a later order. */
  joined(rows: number): T {
    const out = new this.Type(rows);
    for (let c = 0; c * CHUNK_ROWS < rows; c++) {
      const left = rows - c * CHUNK_ROWS;
      out.set(left >= CHUNK_ROWS ? this.chunks[c] : this.chunks[c].subarray(0, left), c * CHUNK_ROWS);
    }
    return out;
  }

  /**
   * Takes a snapshot's column: full chunks are views on its memory (no copy), the last partial one
   * is copied into a chunk of its own so the next rows have room.
   */
  static adopt<T extends RowArray>(Type: RowArrayType<T>, array: T, rows: number): RowChunks<T> {
    const column = new RowChunks(Type);
    for (let start = 0; start < rows; start += CHUNK_ROWS) {
      const part = array.subarray(start, Math.min(rows, start + CHUNK_ROWS)) as T;
      if (part.length === CHUNK_ROWS) column.chunks.push(part);
      else {
        const chunk = new Type(CHUNK_ROWS);
        chunk.set(part);
        column.chunks.push(chunk);
      }
    }
    return column;
  }
}
