import { join } from 'node:path';
import type { JournalEntry } from '../../shared/events';
import { JOURNAL_FILE, JournalCorruptError, scanJournal, type JournalPosition, type TornTail } from './journal';
import { applyEntry } from './reducer';
import { readSnapshot, type StateSnapshot } from './snapshot';
import { initialShowState, type ShowState } from './state';
import { SalesBook, type SalesBookImage } from './sales-book';
import { readSalesSnapshot } from './sales-snapshot';
import { AuditTrail } from './audit-trail';

export interface ReplayedShow {
  state: ShowState;
  sales: SalesBook;
  /** The sales book's marker at its snapshot (-1: none), so an unchanged book is not written again. */
  salesAtSnapshot: number;
  /** How many entries after the show snapshot were replayed. */
  replayed: number;
  /** The audit trail, holding the last of them. */
  recent: AuditTrail;
  tornTail: TornTail | null;
  /** The revision of the show snapshot replay started from (0: none). */
  fromSnapshot: number;
}

/**
 * The show as its files hold it: the snapshots, then the journal after them. Each entry is applied
 * as it is read and let go (`recent` keeps the last few), so a long journal is never held whole.
 * Refuses (with a `JournalCorruptError`) rather than guess: a journal behind a snapshot lost
 * acknowledged changes, and an entry that can no longer be applied would give a different show than
 * the one acknowledged.
 */
export async function replayShow(dir: string, recent = new AuditTrail(0)): Promise<ReplayedShow> {
  const snapshot = await readSnapshot(dir);
  const stateRev = snapshot?.state.revision ?? 0;
  // The sales book comes from its own snapshot plus the journal after it; without one, from every order of the journal.
  const image = await readSalesSnapshot(dir);
  const salesAfter = image?.revision ?? 0;
  const file = join(dir, JOURNAL_FILE);
  const sales = image ? SalesBook.restore(image) : new SalesBook();
  // A snapshot in an older format is written again in the current one at the next snapshot or stop.
  const salesAtSnapshot = image && !image.olderFormat ? salesMarker(sales) : -1;
  // A snapshot from an older version lacks newer fields: they start from their defaults.
  let state: ShowState = snapshot ? { ...initialShowState(), ...snapshot.state } : initialShowState();
  let replayed = 0;
  const apply = (entry: JournalEntry, older: boolean, offset: number, line: Buffer) => {
    try {
      if (!older) state = applyEntry(state, entry);
      if (entry.rev > salesAfter) sales.apply(entry);
    } catch (err) {
      // Journaled but no longer applicable (written by a newer version, or a bug): refuse, do not guess.
      const reason = `the entry can no longer be applied (${(err as Error)?.message ?? String(err)})`;
      throw new JournalCorruptError(file, entry.rev, offset, reason, entry.rev - 1);
    }
    if (older) return;
    replayed++;
    recent.add(entry, line);
  };
  const read = await scanJournal(dir, apply, stateRev, (rev, line) => rev > salesAfter && SalesBook.wants(line()), readFrom(snapshot, image));
  // A journal shorter than a snapshot lost acknowledged changes: it is not a shorter show.
  const claimed = Math.max(stateRev, salesAfter);
  if (read.lastRev < claimed) {
    const which = stateRev >= salesAfter ? 'the show snapshot' : 'the sales snapshot';
    const reason = `the journal ends at revision ${read.lastRev} but ${which} was taken at revision ${claimed}: acknowledged changes are missing from the journal`;
    throw new JournalCorruptError(file, read.lastRev + 1, -1, reason, read.lastRev, 'behind_snapshot');
  }
  recent.settle();
  return { state, sales, salesAtSnapshot, replayed, recent, tornTail: read.tornTail, fromSnapshot: stateRev };
}

/** Changes whenever an order is counted or taken out. */
export const salesMarker = (book: SalesBook) => book.orderCount + book.view().refunds;

/**
 * Where replay starts: after the older of the two snapshots, when both say where their revision's
 * journal line ends; from the beginning otherwise (no sales snapshot means every order is needed).
 */
function readFrom(snapshot: StateSnapshot | null, image: SalesBookImage | null): JournalPosition | undefined {
  if (!snapshot || !image) return undefined;
  return snapshot.state.revision <= image.revision ? snapshot.journal : image.journal;
}
