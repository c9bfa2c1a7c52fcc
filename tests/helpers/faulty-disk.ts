import type { JournalFile } from '../../src/main/show/journal';

export type DiskFault =
  /** The disk takes only the first `bytes` bytes of the next writes (what a full disk does). */
  | { kind: 'short'; bytes: number }
  /** Writes fail with ENOSPC. */
  | { kind: 'full' }
  /** Writes land but the sync fails with EIO (the disk lost them). */
  | { kind: 'sync' }
  /** Cutting the file back fails too. */
  | { kind: 'truncate' };

export const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: injected fault`), { code });

/**
 * The journal's real file with faults injected on demand: what reaches the real file is exactly
 * what a failing disk would have kept, so a restart reads the consequences.
 */
export class FaultyDisk {
  fault: DiskFault | null = null;
  /** Fails every write after this many successful ones (null: as `fault` says). */
  failAfterWrites: number | null = null;
  writes = 0;
  faultsHit = 0;

  readonly wrap = (real: JournalFile): JournalFile => ({
    write: async (data) => {
      if (this.failAfterWrites !== null && this.writes >= this.failAfterWrites) this.fault ??= { kind: 'full' };
      const fault = this.fault;
      if (fault?.kind === 'full') {
        this.faultsHit++;
        throw errno('ENOSPC');
      }
      if (fault?.kind === 'short' && fault.bytes < data.length) {
        this.faultsHit++;
        if (fault.bytes > 0) await real.write(data.subarray(0, fault.bytes));
        return { bytesWritten: fault.bytes };
      }
      this.writes++;
      return real.write(data);
    },
    datasync: async () => {
      if (this.fault?.kind === 'sync') {
        this.faultsHit++;
        throw errno('EIO');
      }
      return real.datasync();
    },
    truncate: async (length) => {
      if (this.fault?.kind === 'truncate') throw errno('EIO');
      return real.truncate(length);
    },
    close: () => real.close()
  });

  /** The probe the writer uses to see whether the disk takes writes again. */
  readonly probe = async (): Promise<void> => {
    if (this.fault) throw errno(this.fault.kind === 'full' || this.fault.kind === 'short' ? 'ENOSPC' : 'EIO');
  };

  heal(): void {
    this.fault = null;
    this.failAfterWrites = null;
  }
}
