import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { syncDir } from './sync-dir';

/** Writes a file beside the journal so that a crash leaves either the old one or the new one, whole. */
export async function writeAtomically(dir: string, name: string, parts: (string | Buffer)[]): Promise<void> {
  const tmp = join(dir, `${name}.tmp`);
  const fh = await fsp.open(tmp, 'w');
  try {
    await fh.writev(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
    await fh.datasync();
  } finally {
    await fh.close();
  }
  await fsp.rename(tmp, join(dir, name));
  syncDir(dir);
}
