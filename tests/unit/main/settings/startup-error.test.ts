import { describe, expect, it } from 'vitest';
import { StartupError, startupSentence } from '../../../../src/main/settings/startup-error';
import { JournalCorruptError } from '../../../../src/main/show/journal';

const at = { dataDir: '/home/ana/show', host: '127.0.0.1', port: 80 };
const errno = (code: string, syscall: string, message = `${code}: ${syscall}`, path?: string) => Object.assign(new Error(message), { code, syscall, path });

describe('start-up problems as sentences', () => {
  it('says what to do for each way the port or address can fail', () => {
    expect(startupSentence(errno('EADDRINUSE', 'listen'), at)).toBe('The port is taken: 80 on 127.0.0.1 is in use by another program. Choose another with --port, or --port 0 for any free port.');
    expect(startupSentence(errno('EACCES', 'listen'), at)).toBe('Port 80 needs administrator rights on this system; choose one above 1023 with --port.');
    expect(startupSentence(errno('EADDRNOTAVAIL', 'listen'), at)).toMatch(/^--host 127\.0\.0\.1 is not an address of this computer/);
  });

  it('names the file it may not use, the full disk and the read-only one', () => {
    expect(startupSentence(errno('EACCES', 'open', 'EACCES: permission denied', '/home/ana/show/show/journal.jsonl'), at)).toBe(
      'The studio may not use /home/ana/show/show/journal.jsonl (permission denied); fix its permissions or choose another --data-dir.'
    );
    expect(startupSentence(errno('ENOSPC', 'write'), at)).toMatch(/^The disk holding \/home\/ana\/show is full/);
    expect(startupSentence(errno('EROFS', 'open'), at)).toMatch(/is read-only; choose another --data-dir\.$/);
  });

  it('passes its own sentences through and keeps anything else on one line', () => {
    expect(startupSentence(new StartupError('The data dir is a file.'), at)).toBe('The data dir is a file.');
    expect(startupSentence(new JournalCorruptError('journal.jsonl', 3, 120, 'not JSON', 2), at)).toMatch(/^Cannot open the show: /);
    expect(startupSentence(new Error('first\n  second'), at)).toBe('The studio could not start: first second');
  });
});
