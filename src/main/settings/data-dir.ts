import { accessSync, chmodSync, constants, existsSync, lstatSync, mkdirSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { StartupError } from './startup-error';

/** Folders that are the kernel's windows, not storage: a show written there is lost or hangs. */
const SYSTEM_ROOTS = ['/proc', '/sys', '/dev'];
/** Deep enough for show/, logs/, image-cache/ and the library's shows; a runaway tree is not walked. */
const MAX_DEPTH = 4;

/**
 * Makes the data dir usable and private before anything is written to it: a folder (created 0700),
 * readable and writable by this user, outside the system's virtual folders. Files left by older
 * versions with looser modes are tightened: folders 0700, files 0600 (the journal is the show's
 * audit trail and settings hold tokens). Returns how many entries were tightened.
 */
export function prepareDataDir(dataDir: string): { tightened: number } {
  const dir = resolve(dataDir);
  const system = systemRootOf(dir);
  if (system) throw new StartupError(`The data dir ${dir} is inside ${system}, a system folder that cannot hold a show; choose another --data-dir.`);
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new StartupError(`The data dir ${dir} is a file, not a folder; choose another --data-dir.`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new StartupError(`The data dir ${dir} cannot be created (${reason(err)}); choose another --data-dir.`);
  }
  try {
    accessSync(dir, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch {
    throw new StartupError(`The data dir ${dir} cannot be read and written by this user; fix its permissions or choose another --data-dir.`);
  }
  // The data dir itself may be a link (to another disk): what it points to is the data dir.
  return { tightened: tighten(realpathSync(dir), 0) };
}

/** Makes a folder inside the data dir, owner-only from its first moment. */
export function privateDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

function tighten(path: string, depth: number): number {
  let count = 0;
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return 0;
  }
  // A link is followed by nobody here: tightening must not reach outside the data dir.
  if (stat.isSymbolicLink()) return 0;
  const wanted = stat.isDirectory() ? 0o700 : 0o600;
  if ((stat.isDirectory() || stat.isFile()) && (stat.mode & 0o077) !== 0) {
    try {
      chmodSync(path, wanted);
      count++;
    } catch {
      // Not ours to change (another owner): reading it will say so if it matters.
    }
  }
  if (stat.isDirectory() && depth < MAX_DEPTH) {
    let names: string[] = [];
    try {
      names = readdirSync(path);
    } catch {
      return count;
    }
    for (const name of names) count += tighten(join(path, name), depth + 1);
  }
  return count;
}

/** The system folder `dir` is in (after following links of the part that exists), or null. */
function systemRootOf(dir: string): string | null {
  let existing = dir;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  let real = existing;
  try {
    real = join(realpathSync(existing), relative(existing, dir));
  } catch {
    // unreadable on the way: judged by the path as given
  }
  return SYSTEM_ROOTS.find((root) => real === root || real.startsWith(root + sep)) ?? null;
}

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a file is in the way on its path';
  if (code === 'EROFS') return 'the disk is read-only';
  return (err as Error).message;
}
