import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import type { JournalPosition } from './journal';
import { writeAtomically } from './atomic-file';
import { initialShowState, type ShowState } from './state';
import { own } from '../../shared/own';

export const SNAPSHOT_FILE = 'snapshot.json';

export interface StateSnapshot {
  state: ShowState;
  /** Where the journal's line for `state.revision` ends; absent in snapshots of older versions. */
  journal?: JournalPosition;
}

/** Writes the state beside the journal atomically: a crash leaves the old snapshot or the new one. */
export async function writeSnapshot(dir: string, state: ShowState, journal?: JournalPosition): Promise<void> {
  await writeAtomically(dir, SNAPSHOT_FILE, [JSON.stringify({ format: 1, state, journal })]);
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
    return { state: airedTimeOnItems({ ...initialShowState(), ...parsed.state }), journal };
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
