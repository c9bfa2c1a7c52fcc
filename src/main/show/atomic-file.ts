import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { syncDir } from './journal';

/** Show files (journal, snapshots) are the owner's alone: they hold the whole show and its audit trail. */
export const SHOW_FILE_MODE = 0o600;

/** Writes a file beside the journal so that a crash leaves either the old one or the new one, whole. */
export async function writeAtomically(dir: string, name: string, parts: (string | Buffer)[]): Promise<void> {
  const tmp = join(dir, `${name}.tmp`);
  const fh = await fsp.open(tmp, 'w', SHOW_FILE_MODE);
  try {
    // A leftover temporary file keeps the mode it was made with: the new content must not inherit a looser one.
    await fh.chmod(SHOW_FILE_MODE);
    await fh.writev(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
    await fh.datasync();
  } finally {
    await fh.close();
  }
  await fsp.rename(tmp, join(dir, name));
  syncDir(dir);
}
