/**
 * The disk refused a write the studio needs (full, failing, read-only). Not a bug and not the
 * caller's fault: the change was not kept, the studio says so (503) and keeps running, and the same
 * request works again once the disk takes writes.
 */
export class DiskUnwritableError extends Error {
  readonly status = 503;

  constructor(
    /** `journal_unwritable` (the show's journal) or `settings_unwritable` (OBS, marketplace, devices). */
    readonly code: 'journal_unwritable' | 'settings_unwritable',
    message: string
  ) {
    super(message);
    this.name = 'DiskUnwritableError';
  }
}

/** Error codes that mean "the disk will not take this write now", as opposed to a wrong path or a bug. */
const DISK_CODES = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EROFS', 'EFBIG']);

export function isDiskRefusal(err: unknown): boolean {
  return DISK_CODES.has(String((err as NodeJS.ErrnoException | null)?.code));
}

/** Why the disk refused, in words an operator can act on. */
export function describeDiskRefusal(err: unknown): string {
  switch ((err as NodeJS.ErrnoException | null)?.code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    case 'EIO':
      return 'the disk reported an input/output error';
    default:
      return (err as Error)?.message ?? String(err);
  }
}

/** Runs a settings write; a disk that refuses it becomes a `settings_unwritable` answer, not a 500. */
export function writeSettings<T>(what: string, write: () => T): T {
  try {
    return write();
  } catch (err) {
    if (isDiskRefusal(err)) throw new DiskUnwritableError('settings_unwritable', `the ${what} could not be saved: ${describeDiskRefusal(err)}; free some space and try again`);
    throw err;
  }
}
