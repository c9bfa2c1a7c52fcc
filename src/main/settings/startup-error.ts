import { JournalCorruptError } from '../show/journal';

/**
 * A reason the studio cannot start, already in the words the user should read: `serve` prints the
 * message as its one line and exits 1, without a stack trace.
 */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

export interface StartupContext {
  dataDir: string;
  host: string;
  port: number;
}

/** Whatever stopped the studio from starting, as one sentence that says what to do. */
export function startupSentence(err: unknown, at: StartupContext): string {
  if (err instanceof StartupError) return err.message;
  if (err instanceof JournalCorruptError) return `Cannot open the show: ${err.message}`;
  const e = err as NodeJS.ErrnoException & { syscall?: string; path?: string };
  const listening = e.syscall === 'listen' || e.syscall === 'bind' || e.syscall === 'getaddrinfo';
  switch (e.code) {
    case 'EADDRINUSE':
      return `The port is taken: ${at.port} on ${at.host} is in use by another program. Choose another with --port, or --port 0 for any free port.`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `--host ${at.host} is not an address of this computer; use 127.0.0.1, 0.0.0.0 or one of its network addresses.`;
    case 'EACCES':
    case 'EPERM':
      if (listening) return `Port ${at.port} needs administrator rights on this system; choose one above 1023 with --port.`;
      return `The studio may not use ${e.path ?? at.dataDir} (permission denied); fix its permissions or choose another --data-dir.`;
    case 'ENOSPC':
      return `The disk holding ${at.dataDir} is full; free some space and start again.`;
    case 'EROFS':
      return `The disk holding ${at.dataDir} is read-only; choose another --data-dir.`;
    case 'EMFILE':
    case 'ENFILE':
      return 'The system has run out of open files; close some programs or raise the limit (ulimit -n) and start again.';
    default:
      return `The studio could not start: ${String(e?.message ?? err).replace(/\s*\n\s*/g, ' ')}`;
  }
}
