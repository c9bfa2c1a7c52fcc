/** The marketplace order ids of a sales book, as stored in its snapshot (see sales-snapshot.ts). */
export interface OrderIdsImage {
  /** Every id's UTF-16 code units, one after another. */
  chars: Uint16Array;
  /** Where each row's id ends in `chars` (it starts where the previous row's ends). */
  ends: Int32Array;
}

/**
 * The order id of every row, packed into two typed arrays instead of a million JS strings: a
 * snapshot stores and loads them as raw bytes (parsing a million ids out of JSON took most of a
 * big show's opening) and they take about a third of the memory. Append-only, like the table.
 */
export class OrderIds {
  private chars: Uint16Array;
  private ends: Int32Array;
  private count: number;
  private used: number;

  constructor(image: OrderIdsImage = { chars: new Uint16Array(8192), ends: new Int32Array(1024) }, count = 0) {
    this.chars = image.chars;
    this.ends = image.ends;
    this.count = count;
    this.used = count === 0 ? 0 : image.ends[count - 1];
  }

  /** Adopts a snapshot's arrays as they are: the first id pushed after grows them. */
  static from(image: OrderIdsImage): OrderIds {
    return new OrderIds(image, image.ends.length);
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
    if (this.count === this.ends.length) this.ends = grown(this.ends, this.count + 1);
    if (this.used + id.length > this.chars.length) this.chars = grown(this.chars, this.used + id.length);
    for (let i = 0; i < id.length; i++) this.chars[this.used + i] = id.charCodeAt(i);
    this.used += id.length;
    this.ends[this.count++] = this.used;
  }

  get(row: number): string {
    const start = row === 0 ? 0 : this.ends[row - 1];
    let out = '';
    // In slices: String.fromCharCode takes its arguments on the stack.
    for (let at = start; at < this.ends[row]; at += 4096) out += String.fromCharCode(...this.chars.subarray(at, Math.min(at + 4096, this.ends[row])));
    return out;
  }

  equals(row: number, id: string): boolean {
    const start = row === 0 ? 0 : this.ends[row - 1];
    if (this.ends[row] - start !== id.length) return false;
    for (let i = 0; i < id.length; i++) if (this.chars[start + i] !== id.charCodeAt(i)) return false;
    return true;
  }

  /** The row's id hashed exactly as `hashOf` hashes the same id given as a string. */
  hash(row: number, seed: number): number {
    let h = seed;
    for (let i = row === 0 ? 0 : this.ends[row - 1]; i < this.ends[row]; i++) h = Math.imul(h ^ this.chars[i], 0x01000193);
    return h >>> 0;
  }

  /** The used part of both arrays, copied: a snapshot must not change under a later order. */
  image(): OrderIdsImage {
    return { chars: this.chars.slice(0, this.used), ends: this.ends.slice(0, this.count) };
  }
}

/** FNV-1a over the id's UTF-16 code units, from `seed`. */
export function hashOf(seed: number, id: string): number {
  let h = seed;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function grown<T extends Uint16Array | Int32Array>(old: T, atLeast: number): T {
  let length = Math.max(1024, old.length * 2);
  while (length < atLeast) length *= 2;
  const next = new (old.constructor as new (n: number) => T)(length);
  next.set(old);
  return next;
}
