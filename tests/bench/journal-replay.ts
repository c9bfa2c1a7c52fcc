import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ShowCore } from '../../src/main/show/show-core';
import { JOURNAL_FILE, serializeEntry } from '../../src/main/show/journal';
import type { JournalEntry, ShowEvent } from '../../src/shared/events';
import { tempDir } from '../helpers/temp-dir';

const EVENTS = 100_000;

/** Opening a show whose journal holds 100,000 events and no snapshot (the worst case after a crash). */
export async function benchJournalReplay(): Promise<void> {
  const { dir, cleanup } = await tempDir('shopcast-replay-');
  const actor = { id: 'owner', client: 'bench' };
  const lines: string[] = [];
  let rev = 0;
  const push = (events: ShowEvent[]) => lines.push(serializeEntry({ rev: ++rev, at: 1_700_000_000_000 + rev, actor, command: 'bench', events } as JournalEntry));
  push([{ type: 'catalogue.upserted', products: Array.from({ length: 200 }, (_, i) => ({ id: `p-${i}`, title: { en: `P${i}`, pl: `P${i}` }, price: { EUR: 1 } })) }]);
  for (let i = 0; i < 100; i++) push([{ type: 'rundown.itemAdded', item: { id: `item-${i + 1}`, productId: `p-${i}`, scene: null, addedAt: 0, addedBy: 'owner' }, index: i }]);
  while (rev < EVENTS) {
    const n = rev % 100;
    if (rev % 10 === 0) push([{ type: 'rundown.itemMoved', itemId: `item-${n + 1}`, index: (n * 7) % 100 }]);
    else push([{ type: 'onAir.pinned', itemId: `item-${n + 1}`, productId: `p-${n}`, since: rev }]);
  }
  await writeFile(join(dir, JOURNAL_FILE), lines.join(''));
  const t0 = performance.now();
  const { core, report } = await ShowCore.open(dir);
  const elapsed = performance.now() - t0;
  console.log(`journal replay: ${report.replayed} entries (${EVENTS} events, ${(lines.join('').length / 1e6).toFixed(1)} MB) in ${elapsed.toFixed(1)} ms  (aim: < 1000 ms)`);
  await core.close();
  await cleanup();
}
