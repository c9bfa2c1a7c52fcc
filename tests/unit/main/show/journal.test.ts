import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShowCore } from '../../../../src/main/show/show-core';
import { JOURNAL_FILE, JournalCorruptError, readJournal } from '../../../../src/main/show/journal';
import { SNAPSHOT_FILE } from '../../../../src/main/show/snapshot';
import type { Actor } from '../../../../src/shared/events';
import { tempDir } from '../../../helpers/temp-dir';

const actor: Actor = { id: 'owner', client: 'test' };
let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

async function buildShow(options = {}) {
  const { core } = await ShowCore.open(dir, options);
  await core.execute({ type: 'catalogue.import', products: [{ id: 'a', title: { en: 'A' } }, { id: 'b', title: { en: 'B' } }] }, actor);
  await core.execute({ type: 'rundown.add', productId: 'a' }, actor);
  await core.execute({ type: 'rundown.add', productId: 'b' }, actor);
  await core.execute({ type: 'rundown.next' }, actor);
  return core;
}

describe('the journal', () => {
  it('replays to the same state after a restart', async () => {
    const core = await buildShow();
    const before = core.current;
    await core.close();
    const { core: reopened, report } = await ShowCore.open(dir);
    expect(reopened.current).toEqual(before);
    expect(report.tornTail).toBeNull();
    await reopened.close();
  });

  it('holds one JSON line per acknowledged command, with who did it', async () => {
    const core = await buildShow();
    const lines = (await readFile(join(dir, JOURNAL_FILE), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.rev)).toEqual([1, 2, 3, 4]);
    expect(lines[3]).toMatchObject({ command: 'rundown.next', actor, events: [{ type: 'onAir.pinned' }] });
    await core.close();
  });

  it('survives a torn last line: cuts it off, reports it, keeps every complete entry', async () => {
    const core = await buildShow();
    const before = core.current;
    await core.close();
    await writeFile(join(dir, SNAPSHOT_FILE), 'gone');
    await appendFile(join(dir, JOURNAL_FILE), '{"rev":5,"at":1,"actor":{"id":"owner","cl');
    const { core: reopened, report } = await ShowCore.open(dir);
    expect(report.tornTail).toMatchObject({ line: 5 });
    expect(reopened.current).toEqual(before);
    await reopened.execute({ type: 'rundown.unpin' }, actor);
    await reopened.close();
    const { core: third } = await ShowCore.open(dir);
    expect(third.current.revision).toBe(5);
    expect(third.current.onAir).toBeNull();
    await third.close();
  });

  it('keeps a complete last entry whose newline never reached the disk', async () => {
    const core = await buildShow();
    await core.close();
    const file = join(dir, JOURNAL_FILE);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/\n$/, ''));
    await writeFile(join(dir, SNAPSHOT_FILE), 'gone');
    const { core: reopened, report } = await ShowCore.open(dir);
    expect([reopened.current.revision, report.tornTail]).toEqual([4, null]);
    await reopened.execute({ type: 'rundown.unpin' }, actor);
    await reopened.close();
    expect((await readJournal(dir)).entries.map((e) => e.rev)).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses to replay past a broken line in the middle, naming the line', async () => {
    const core = await buildShow();
    await core.close();
    const file = join(dir, JOURNAL_FILE);
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines[1] = 'garbage';
    await writeFile(file, lines.join('\n'));
    await expect(readJournal(dir)).rejects.toThrow(JournalCorruptError);
    await expect(readJournal(dir)).rejects.toThrow(/line 2/);
  });

  it('starts from the snapshot and replays only the entries after it', async () => {
    const core = await buildShow({ snapshotEvery: 2 });
    await core.execute({ type: 'rundown.unpin' }, actor);
    const before = core.current;
    await core.close();
    const { core: reopened, report } = await ShowCore.open(dir);
    expect(report.fromSnapshot).toBeGreaterThanOrEqual(4);
    expect(reopened.current).toEqual(before);
    await reopened.close();
  });

  it('replays from the journal alone when the snapshot is unreadable', async () => {
    const core = await buildShow({ snapshotEvery: 1 });
    const before = core.current;
    await core.close();
    await writeFile(join(dir, SNAPSHOT_FILE), '{"format":1,"state":');
    const { core: reopened, report } = await ShowCore.open(dir);
    expect(report.fromSnapshot).toBe(0);
    expect(reopened.current).toEqual(before);
    await reopened.close();
  });

  it('acknowledges a burst of concurrent commands with every one of them on disk', async () => {
    const core = await buildShow();
    await Promise.all(Array.from({ length: 200 }, (_, i) => core.execute({ type: 'rundown.pin', itemId: core.current.rundown[(i + 1) % 2].id }, actor)));
    const rev = core.current.revision;
    await core.close();
    const { entries } = await readJournal(dir);
    expect(entries.at(-1)!.rev).toBe(rev);
    expect(rev).toBe(204);
  });
});
