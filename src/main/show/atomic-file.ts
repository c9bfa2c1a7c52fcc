import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { syncDir } from './sync-dir';

/** Show files (journal, snapshots) are the owner's alone: they hold the whole show and its audit trail. */
export const SHOW_FILE_MODE = 0o600;

/** Writes a file beside the journal so that a crash leaves either the old one or the new one, whole. */
export async function writeAtomically(dir: string, name: string, parts: (string | Buffer)[]): Promise<void> {
  const tmp = join(dir, `${name}.tmp`);
  try {
    const fh = await fsp.open(tmp, 'w', SHOW_FILE_MODE);
    try {
      // A leftover temporary file keeps the mode it was made with: the new content must not inherit a looser one.
      await fh.chmod(SHOW_FILE_MODE);
      const buffers = parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p));
      const { bytesWritten } = await fh.writev(buffers);
      const size = buffers.reduce((sum, b) => sum + b.length, 0);
      // A short write on a full disk must not replace a good file with a cut one.
      if (bytesWritten !== size) throw Object.assign(new Error(`only ${bytesWritten} of ${size} bytes of ${name} were written`), { code: 'ENOSPC' });
      await fh.datasync();
    } finally {
      await fh.close();
    }
    await fsp.rename(tmp, join(dir, name));
  } catch (err) {
    // A half-written copy on a full disk would hold on to the space the journal needs.
    await fsp.rm(tmp, { force: true }).catch(() => {});
    throw err;
  }
  syncDir(dir);
}
