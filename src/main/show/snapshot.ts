import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import type { JournalPosition } from './journal';
import { writeAtomically } from './atomic-file';
import { initialShowState, type ShowState } from './state';
import { own } from '../../shared/own';
import { forEachSlice } from '../common/event-loop-turns';

export const SNAPSHOT_FILE = 'snapshot.json';

export interface StateSnapshot {
  state: ShowState;
  /** Where the journal's line for `state.revision` ends; absent in snapshots of older versions. */
  journal?: JournalPosition;
}

/** Products written per event-loop turn: a few milliseconds of `JSON.stringify`. */
const PRODUCTS_PER_TURN = 2000;

/** Writes the state beside the journal atomically: a crash leaves the old snapshot or the new one. */
export async function writeSnapshot(dir: string, state: ShowState, journal?: JournalPosition): Promise<void> {
  await writeAtomically(dir, SNAPSHOT_FILE, await snapshotText(state, journal));
}

/**
 * The snapshot's JSON, its products a slice at a time: one `JSON.stringify` of a 100,000-product
 * show held the event loop for a quarter of a second, every thousand changes, while pins waited.
 * States are never changed once made, so the slices all come from the same show.
 */
async function snapshotText(state: ShowState, journal?: JournalPosition): Promise<Buffer[]> {
  const { products, ...rest } = state;
  const head = JSON.stringify({ format: 1, journal, state: rest });
  // `state` is the last key: its closing braces come after the products.
  const parts = [Buffer.from(`${head.slice(0, -2)},"products":{`)];
  // Encoded slice by slice too: encoding 30 MB of JSON at once took ~150 ms.
  await forEachSlice(Object.keys(products), PRODUCTS_PER_TURN, (ids, offset) => {
    parts.push(Buffer.from((offset > 0 ? ',' : '') + ids.map((id) => `${JSON.stringify(id)}:${JSON.stringify(products[id])}`).join(',')));
  });
  parts.push(Buffer.from('}}}'));
  return parts;
}

/** The last snapshot, or null when there is none or it cannot be read (the journal alone suffices). */
export async function readSnapshot(dir: string): Promise<StateSnapshot | null> {
  try {
    const parsed = JSON.parse(await fsp.readFile(join(dir, SNAPSHOT_FILE), 'utf8')) as { format?: number; state?: ShowState; journal?: JournalPosition };
    if (parsed.format !== 1 || !parsed.state || typeof parsed.state.revision !== 'number') return null;
    // Older versions could store a product under a name every object inherits (`toString`) without
    // its id; such a snapshot is not trusted, the journal rebuilds the show.
    if (!productsIntact(parsed.state.products)) return null;
    const journal = parsed.journal?.rev === parsed.state.revision && Number.isInteger(parsed.journal.offset) ? parsed.journal : undefined;
    // Snapshots written before a part of the state existed (the timing plan…) get its empty value.
    // The count is the products' own, never a stored figure that could disagree with them.
    return { state: airedTimeOnItems({ ...initialShowState(), ...parsed.state, productCount: Object.keys(parsed.state.products).length }), journal };
  } catch {
    return null;
  }
}

/**
 * Snapshots written while each item's time on air was kept in a record beside the rundown
 * (`airedMs: { [itemId]: ms }`) still open: the times move onto their items.
 */
function airedTimeOnItems(state: ShowState & { airedMs?: unknown }): ShowState {
  const { airedMs, ...show } = state;
  if (typeof airedMs !== 'object' || airedMs === null) return show;
  const record = airedMs as Record<string, unknown>;
  return {
    ...show,
    rundown: show.rundown.map((item) => {
      const ms = own(record, item.id);
      return typeof ms === 'number' && Number.isFinite(ms) && ms > 0 ? { ...item, airedMs: ms } : item;
    })
  };
}

function productsIntact(products: unknown): boolean {
  if (typeof products !== 'object' || products === null) return false;
  return Object.entries(products).every(([id, p]) => typeof p === 'object' && p !== null && (p as { id?: unknown }).id === id && typeof (p as { title?: unknown }).title === 'object');
}
