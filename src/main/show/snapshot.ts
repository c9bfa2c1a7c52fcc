import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { syncDir } from './journal';
import type { ShowState } from './state';

export const SNAPSHOT_FILE = 'snapshot.json';

/** Writes the state beside the journal atomically: a crash leaves the old snapshot or the new one. */
export async function writeSnapshot(dir: string, state: ShowState): Promise<void> {
  const tmp = join(dir, `${SNAPSHOT_FILE}.tmp`);
  const fh = await fsp.open(tmp, 'w');
  try {
    await fh.writeFile(JSON.stringify({ format: 1, state }));
    await fh.datasync();
  } finally {
    await fh.close();
  }
  await fsp.rename(tmp, join(dir, SNAPSHOT_FILE));
  syncDir(dir);
}

/** The last snapshot, or null when there is none or it cannot be read (the journal alone suffices). */
export async function readSnapshot(dir: string): Promise<ShowState | null> {
  try {
    const parsed = JSON.parse(await fsp.readFile(join(dir, SNAPSHOT_FILE), 'utf8')) as { format?: number; state?: ShowState };
    return parsed.format === 1 && parsed.state && typeof parsed.state.revision === 'number' ? parsed.state : null;
  } catch {
    return null;
  }
}
