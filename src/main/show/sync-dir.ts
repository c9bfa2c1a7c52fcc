import { openSync, closeSync, fsyncSync } from 'node:fs';

/** Makes a new or renamed file in `dir` survive a power cut. */
export function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Not every platform can fsync a directory (Windows); the file's own fsync is what matters there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
