import { CHUNK_MASK, CHUNK_ROWS, CHUNK_SHIFT } from './row-chunks';

/** The marketplace order ids of a sales book, as stored in its snapshot (see sales-snapshot.ts). */
export interface OrderIdsImage {
  /** Every id's UTF-16 code units, one after another. */
  chars: Uint16Array;
  /** Where each row's id ends in `chars` (it starts where the previous row's ends). */
  ends: Int32Array;
}

/** A chunk of rows' ids: their ends (counted over all ids, as in the image) and their characters from `base` on. */
interface IdChunk {
  ends: Int32Array;
  chars: Uint16Array;
  /** Where the chunk's first id starts, counted over all ids. */
  base: number;
}

/**
 * The order id of every row, packed into typed arrays instead of a million JS strings: a snapshot
 * stores and loads them as raw bytes (parsing a million ids out of JSON took most of a big show's
 * opening) and they take about a third of the memory. Append-only, like the table, and kept in
 * chunks of rows (see row-chunks.ts) so a new row never copies the ids already held.
 */
export class OrderIds {
  private readonly chunks: IdChunk[] = [];
  private count = 0;
  private used = 0;

  /** Adopts a snapshot's arrays: full chunks are views on them, the last partial one is copied so ids can follow. */
  static from(image: OrderIdsImage): OrderIds {
    const store = new OrderIds();
    const rows = image.ends.length;
    for (let first = 0; first < rows; first += CHUNK_ROWS) {
      const last = Math.min(rows, first + CHUNK_ROWS) - 1;
      const base = first === 0 ? 0 : image.ends[first - 1];
      const ends = image.ends.subarray(first, last + 1);
      const chars = image.chars.subarray(base, image.ends[last]);
      if (ends.length === CHUNK_ROWS) store.chunks.push({ ends, chars, base });
      else {
        const chunk = { ends: new Int32Array(CHUNK_ROWS), chars: new Uint16Array(Math.max(MIN_CHUNK_CHARS, chars.length * 2)), base };
        chunk.ends.set(ends);
        chunk.chars.set(chars);
        store.chunks.push(chunk);
      }
    }
    store.count = rows;
    store.used = rows === 0 ? 0 : image.ends[rows - 1];
    return store;
  }

  /** From plain strings (a snapshot of an older version kept them in JSON). */
  static fromStrings(ids: readonly string[]): OrderIds {
    const store = new OrderIds();
    for (const id of ids) store.push(id);
    return store;
  }

  get size(): number {
    return this.count;
  }

  push(id: string): void {
    const row = this.count;
    if (row >>> CHUNK_SHIFT === this.chunks.length) this.chunks.push(this.nextChunk());
    const chunk = this.chunks[row >>> CHUNK_SHIFT];
    const at = this.used - chunk.base;
    if (at + id.length > chunk.chars.length) chunk.chars = grown(chunk.chars, at, at + id.length);
    for (let i = 0; i < id.length; i++) chunk.chars[at + i] = id.charCodeAt(i);
    this.used += id.length;
    chunk.ends[row & CHUNK_MASK] = this.used;
    this.count++;
  }

  get(row: number): string {
    const chunk = this.chunks[row >>> CHUNK_SHIFT];
    const start = startOf(chunk, row) - chunk.base;
    const end = chunk.ends[row & CHUNK_MASK] - chunk.base;
    let out = '';
    // In slices: String.fromCharCode takes its arguments on the stack.
    for (let at = start; at < end; at += 4096) out += String.fromCharCode(...chunk.chars.subarray(at, Math.min(at + 4096, end)));
    return out;
  }

  equals(row: number, id: string): boolean {
    const chunk = this.chunks[row >>> CHUNK_SHIFT];
    const start = startOf(chunk, row);
    if (chunk.ends[row & CHUNK_MASK] - start !== id.length) return false;
    const chars = chunk.chars;
    const from = start - chunk.base;
    for (let i = 0; i < id.length; i++) if (chars[from + i] !== id.charCodeAt(i)) return false;
    return true;
  }

  /** The row's id hashed exactly as `hashOf` hashes the same id given as a string. */
  hash(row: number, seed: number): number {
    const chunk = this.chunks[row >>> CHUNK_SHIFT];
    const chars = chunk.chars;
    const end = chunk.ends[row & CHUNK_MASK] - chunk.base;
    let h = seed;
    for (let i = startOf(chunk, row) - chunk.base; i < end; i++) h = Math.imul(h ^ chars[i], 0x01000193);
    return h >>> 0;
  }

  /** Both arrays, joined and copied: a snapshot must not change under a later order. */
  image(): OrderIdsImage {
    const ends = new Int32Array(this.count);
    const chars = new Uint16Array(this.used);
    this.chunks.forEach((chunk, c) => {
      const rows = Math.min(CHUNK_ROWS, this.count - c * CHUNK_ROWS);
      ends.set(chunk.ends.subarray(0, rows), c * CHUNK_ROWS);
      chars.set(chunk.chars.subarray(0, chunk.ends[rows - 1] - chunk.base), chunk.base);
    });
    return { chars, ends };
  }

  /** Sized like the chunk before it (ids of one marketplace are alike), so it rarely has to grow. */
  private nextChunk(): IdChunk {
    const previous = this.chunks.at(-1);
    const size = previous ? this.used - previous.base + ((this.used - previous.base) >> 3) : 0;
    return { ends: new Int32Array(CHUNK_ROWS), chars: new Uint16Array(Math.max(MIN_CHUNK_CHARS, size)), base: this.used };
  }
}

const MIN_CHUNK_CHARS = 8 * CHUNK_ROWS;

/** Where the row's id starts, counted over all ids. */
function startOf(chunk: IdChunk, row: number): number {
  const i = row & CHUNK_MASK;
  return i === 0 ? chunk.base : chunk.ends[i - 1];
}

/** FNV-1a over the id's UTF-16 code units, from `seed`. */
export function hashOf(seed: number, id: string): number {
  let h = seed;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A chunk's characters in a bigger array: copies one chunk at most, never the whole show's ids. */
function grown(old: Uint16Array, used: number, atLeast: number): Uint16Array {
  let length = old.length * 2;
  while (length < atLeast) length *= 2;
  const next = new Uint16Array(length);
  next.set(old.subarray(0, used));
  return next;
}
