import type { SaleChange } from '../../shared/events';

/** How a counted change's JSON ends while what was on air is not known yet (the classifier's literal puts these two last). */
const COUNTED_TAIL = '"effect":"counted","onAir":null}';
const countedTail = (onAir: string | null) => `"effect":"counted","onAir":${JSON.stringify(onAir)}}`;

/** Journal text of changes arrays, by identity; `rows` catches an array changed after it was written. */
const written = new WeakMap<readonly SaleChange[], { text: string; rows: number }>();

/**
 * A poll's changes as journal JSON, written slice by slice while the poll is classified (between
 * other work), so the append that journals the poll only joins the pieces: one JSON.stringify of a
 * thousand changes held the event loop for about a millisecond there. What was on air is known only
 * when the poll is decided; counted changes are split where it goes and joined around it then.
 * The text is exactly what JSON.stringify gives for the changes (tests/unit/main/show/journal-line.test.ts).
 */
export class ChangesText {
  /** Per slice: its changes' JSON without the brackets, split where a counted change's `onAir` goes. */
  private readonly slices: string[][] = [];

  /** `changes[from…]` were just classified, with `onAir` still null. */
  write(changes: readonly SaleChange[], from: number): void {
    if (changes.length > from) this.slices.push(JSON.stringify(changes.slice(from)).slice(1, -1).split(COUNTED_TAIL));
  }

  /** The changes are final, counted ones credited to `onAir`: their text is kept for the journal line. */
  finish(changes: readonly SaleChange[], onAir: string | null): void {
    const tail = countedTail(onAir);
    written.set(changes, { text: `[${this.slices.map((pieces) => pieces.join(tail)).join(',')}]`, rows: changes.length });
  }
}

/** The journal text written for this very array of changes, if any and still whole. */
export function changesText(changes: readonly SaleChange[]): string | undefined {
  const known = written.get(changes);
  return known && known.rows === changes.length ? known.text : undefined;
}

/**
 * Lets the text go once the line is written: kept until the entry is on disk, a poll's text would
 * outlive a young-generation collection and be copied out of it (a later line is written afresh).
 */
export function forgetChangesText(changes: readonly SaleChange[]): void {
  written.delete(changes);
}
