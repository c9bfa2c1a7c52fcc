import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from './redact';

export const LOG_FILE = 'studio.log';
/** A log that grows without end fills the disk of a studio running shows for a season. */
const MAX_BYTES = 1024 * 1024;
/** Older logs kept beside it: studio.log.1 (newest) … studio.log.3. */
const KEEP = 3;
/** An entry longer than this is cut: one runaway message must not rotate the history away. */
const MAX_ENTRY = 16 * 1024;

export interface ErrorLogOptions {
  maxBytes?: number;
  keep?: number;
  /** Secret values to strike out word for word (the owner's and overlays' tokens). */
  secrets?: () => readonly string[];
  now?: () => number;
}

/**
 * Unexpected errors, each with an id that the caller's 500 answer repeats, so a producer can read
 * the id to support and support finds the entry. Owner-only files in DATA_DIR/logs, rotated at
 * 1 MiB keeping three, never a token or password (see `redact`). Writing the log never throws:
 * a full disk must not turn one error into two.
 */
export class ErrorLog {
  readonly file: string;

  constructor(
    readonly dir: string,
    private readonly options: ErrorLogOptions = {}
  ) {
    this.file = join(dir, LOG_FILE);
  }

  /** Writes the error and where it happened; returns its id. */
  record(err: unknown, where = ''): string {
    const id = randomBytes(4).toString('hex');
    const at = new Date((this.options.now ?? Date.now)()).toISOString();
    const detail = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
    const text = redact(`${at} [${id}]${where ? ` ${where}` : ''}: ${detail}`, this.options.secrets?.() ?? []);
    this.append(`${text.length > MAX_ENTRY ? `${text.slice(0, MAX_ENTRY)} …(cut)` : text}\n`);
    return id;
  }

  private append(entry: string): void {
    try {
      // Not recursive: the data dir is there already, and Node's recursive mkdir spins forever where it cannot create (/proc).
      if (!existsSync(this.dir)) mkdirSync(this.dir, { mode: 0o700 });
      const size = existsSync(this.file) ? statSync(this.file).size : 0;
      if (size > 0 && size + Buffer.byteLength(entry) > (this.options.maxBytes ?? MAX_BYTES)) this.rotate();
      appendFileSync(this.file, entry, { mode: 0o600 });
    } catch {
      // Nowhere to write: the caller still gets its id and its answer.
    }
  }

  private rotate(): void {
    const keep = this.options.keep ?? KEEP;
    for (let n = keep - 1; n >= 1; n--) {
      const older = `${this.file}.${n}`;
      if (existsSync(older)) renameSync(older, `${this.file}.${n + 1}`);
    }
    renameSync(this.file, `${this.file}.1`);
  }
}
