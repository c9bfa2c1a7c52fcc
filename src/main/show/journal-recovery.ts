import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { JOURNAL_FILE } from './journal-line';
import type { JournalCorruptError } from './journal';
import { SNAPSHOT_FILE } from './snapshot';
import { SALES_SNAPSHOT_FILE } from './sales-snapshot';
import { syncDir } from './sync-dir';

/** What `--recover-journal` did: the files that keep the evidence, and where the show starts again. */
export interface JournalRecovery {
  reason: string;
  fromRevision: number;
  kept: string[];
}

/**
 * Makes a journal that cannot be replayed usable again without destroying anything: a damaged tail
 * is moved to `journal.jsonl.damaged-<time>` beside the journal and cut off; snapshots that claim
 * more than the journal holds are renamed `….ahead-<time>`. The show then starts from the last
 * good revision; the kept files are the evidence for whoever looks into what happened.
 */
export async function recoverJournal(dir: string, error: JournalCorruptError, now = new Date()): Promise<JournalRecovery> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const kept: string[] = [];
  if (error.kind === 'damaged') {
    const journal = join(dir, JOURNAL_FILE);
    const target = join(dir, `${JOURNAL_FILE}.damaged-${stamp}`);
    const fh = await fsp.open(journal, 'r+');
    try {
      const { size } = await fh.stat();
      const tail = Buffer.alloc(Math.max(0, size - error.offset));
      await fh.read(tail, 0, tail.length, error.offset);
      const out = await fsp.open(target, 'wx');
      try {
        await out.writeFile(tail);
        await out.datasync();
      } finally {
        await out.close();
      }
      syncDir(dir);
      // Cut only once the copy is safely on disk.
      await fh.truncate(error.offset);
      await fh.datasync();
    } finally {
      await fh.close();
    }
    kept.push(target);
  } else {
    for (const name of [SNAPSHOT_FILE, SALES_SNAPSHOT_FILE]) {
      const target = join(dir, `${name}.ahead-${stamp}`);
      try {
        await fsp.rename(join(dir, name), target);
        kept.push(target);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
    syncDir(dir);
  }
  return { reason: error.reason, fromRevision: error.lastGoodRevision, kept };
}
