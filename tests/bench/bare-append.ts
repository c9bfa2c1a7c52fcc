import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { tempDir } from '../helpers/temp-dir';

/**
 * The floor under every acknowledged change: one journal-sized line appended and `fdatasync`ed on the
 * same disk as the studio's data directory, with nothing else around it.
 */
export async function bareJournal(): Promise<{ file: FileHandle; appendSynced: (line: string) => Promise<void>; time: (i: number) => Promise<number>; close: () => Promise<void> }> {
  const { dir, cleanup } = await tempDir('shopcast-bench-bare-');
  const file = await open(join(dir, 'journal.jsonl'), 'a');
  const appendSynced = async (line: string) => {
    await file.appendFile(line);
    await file.datasync();
  };
  return {
    file,
    appendSynced,
    async time(i: number) {
      const t0 = performance.now();
      await appendSynced(`${JSON.stringify({ seq: i, at: Date.now(), type: 'pinned', itemId: `it-${i % 10}`, by: 'bench', sum: 'ffffffff' })}\n`);
      return performance.now() - t0;
    },
    async close() {
      await file.close();
      await cleanup();
    }
  };
}
