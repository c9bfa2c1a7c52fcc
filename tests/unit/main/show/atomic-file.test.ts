import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeAtomically } from '../../../../src/main/show/atomic-file';
import { JournalWriter } from '../../../../src/main/show/journal';
import { tempDir } from '../../../helpers/temp-dir';

let dir: string;
let cleanup: () => Promise<void>;
let umask: number;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('shopcast-modes-'));
  // The desktop app runs with the user's usual umask: the modes must not depend on it.
  umask = process.umask(0o022);
});
afterEach(async () => {
  process.umask(umask);
  await cleanup();
});

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe('show files on disk', () => {
  it('writes snapshots owner-only, also over a leftover temporary file with a looser mode', async () => {
    await writeFile(join(dir, 'snapshot.json.tmp'), 'left by a crash', { mode: 0o644 });
    await writeAtomically(dir, 'snapshot.json', ['{}']);
    expect(await modeOf(join(dir, 'snapshot.json'))).toBe(0o600);
  });

  it('creates the journal owner-only', async () => {
    const journal = await JournalWriter.open(dir);
    await journal.close();
    expect(await modeOf(join(dir, 'journal.jsonl'))).toBe(0o600);
  });
});
