import type { SaleChange } from '../../shared/events';

/** How a counted change's JSON ends while what was on air is not known yet (the classifier's literal puts these two last). */
const COUNTED_TAIL = '"effect":"counted","onAir":null}';
const countedTail = (onAir: string | null) => `"effect":"counted","onAir":${JSON.stringify(onAir)}}`;

/** A poll's changes as journal JSON: `[`, then `pieces` joined by `tail`, then `]`. */
export interface WrittenChanges {
  pieces: readonly string[];
  tail: string;
}

/** Journal text of changes arrays, by identity; `rows` catches an array changed after it was written. */
const written = new WeakMap<readonly SaleChange[], WrittenChanges & { rows: number }>();

/**
 * A poll's changes as journal JSON, written slice by slice while the poll is classified (between
 * other work), so the append that journals the poll only joins the pieces, once, into its line: one
 * JSON.stringify of a thousand changes held the event loop for about a millisecond there. What was
 * on air is known only when the poll is decided; counted changes are split where it goes and joined
 * around it then. The text is exactly what JSON.stringify gives for the changes
 * (tests/unit/main/show/changes-text.test.ts).
 */
export class ChangesText {
  /** All changes' JSON so far, without the array's brackets, split where a counted change's `onAir` goes. */
  private readonly pieces: string[] = [];

  /** `changes[from…]` were just classified, with `onAir` still null. */
  write(changes: readonly SaleChange[], from: number): void {
    if (changes.length <= from) return;
    const split = JSON.stringify(changes.slice(from)).split(COUNTED_TAIL);
    // Only the end pieces are trimmed (their bracket), never the slice's whole text.
    split[0] = split[0].slice(1);
    split[split.length - 1] = split[split.length - 1].slice(0, -1);
    // The previous slice's last change and this slice's first are neighbours in the poll's array.
    if (this.pieces.length > 0) this.pieces[this.pieces.length - 1] += `,${split.shift()}`;
    for (const piece of split) this.pieces.push(piece);
  }

  /** The changes are final, counted ones credited to `onAir`: their text is kept for the journal line. */
  finish(changes: readonly SaleChange[], onAir: string | null): void {
    written.set(changes, { pieces: this.pieces, tail: countedTail(onAir), rows: changes.length });
  }
}

/** The journal text written for this very array of changes, if any and still whole. */
export function changesText(changes: readonly SaleChange[]): WrittenChanges | undefined {
  const known = written.get(changes);
  return known && known.rows === changes.length ? known : undefined;
}

/**
 * Lets the text go once the line is written: kept until the entry is on disk, a poll's text would
 * outlive a young-generation collection and be copied out of it (a later line is written afresh).
 */
export function forgetChangesText(changes: readonly SaleChange[]): void {
  written.delete(changes);
}
