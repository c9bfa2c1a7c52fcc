import { appendFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShowCore } from '../../../../src/main/show/show-core';
import { JOURNAL_FILE, JournalCorruptError, readJournal, serializeEntry } from '../../../../src/main/show/journal';
import type { JournalEntry } from '../../../../src/shared/events';
import { SNAPSHOT_FILE } from '../../../../src/main/show/snapshot';
import { SALES_SNAPSHOT_FILE } from '../../../../src/main/show/sales-snapshot';
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

const journalLines = async () => (await readFile(join(dir, JOURNAL_FILE), 'utf8')).split('\n').filter(Boolean);
const writeLines = (lines: string[]) => writeFile(join(dir, JOURNAL_FILE), lines.map((l) => `${l}\n`).join(''));
/** Without snapshots every line is read (with them, lines before them are skipped unread). */
const forgetSnapshots = () => Promise.all([SNAPSHOT_FILE, SALES_SNAPSHOT_FILE].map((f) => rm(join(dir, f), { force: true })));

describe('the journal refuses to start a different show than the one acknowledged', () => {
  it('ends every line with a checksum, keeping the {"rev":N, start replay skips lines by', async () => {
    await (await buildShow()).close();
    for (const [i, line] of (await journalLines()).entries()) expect(line).toMatch(new RegExp(`^\\{"rev":${i + 1},.*,"crc":"[0-9a-f]{8}"\\}$`));
  });

  it('refuses a line changed on disk that still reads as JSON, naming its line and revision and what to do', async () => {
    await (await buildShow()).close();
    await forgetSnapshots();
    const lines = await journalLines();
    lines[1] = lines[1].replace('"productId":"a"', '"productId":"b"');
    await writeLines(lines);
    await expect(ShowCore.open(dir)).rejects.toThrow(/line 2 \(revision 2\): the line does not match its checksum.*intact up to revision 1.*--recover-journal/);
  });

  it('reads lines written before checksums existed, and refuses an unchecked line after a checked one', async () => {
    const core = await buildShow();
    const before = core.current;
    await core.close();
    await forgetSnapshots();
    const old = (await journalLines()).map((l) => l.replace(/,"crc":"[0-9a-f]{8}"\}$/, '}'));
    await writeLines(old);
    const { core: reopened } = await ShowCore.open(dir);
    expect(reopened.current).toEqual(before);
    await reopened.execute({ type: 'rundown.unpin' }, actor);
    await reopened.close();
    await forgetSnapshots();
    const lines = await journalLines();
    expect(lines[4]).toMatch(/"crc":/);
    await writeLines([...lines, lines[4].replace('"rev":5', '"rev":6').replace(/,"crc":"[0-9a-f]{8}"\}$/, '}'), lines[4].replace('"rev":5', '"rev":7')]);
    await expect(ShowCore.open(dir)).rejects.toThrow(/line 6 \(revision 6\): the line lacks the checksum/);
  });

  it('refuses a journal that lost its first lines instead of starting a shorter show', async () => {
    await (await buildShow()).close();
    await forgetSnapshots();
    await writeLines((await journalLines()).slice(2));
    await expect(ShowCore.open(dir)).rejects.toThrow(/line 1 \(revision 1\): expected revision 1, found 3/);
  });

  it('refuses a journal that ends before the snapshot, and leaves the journal as it was', async () => {
    await (await buildShow()).close();
    const lines = (await journalLines()).slice(0, 2);
    await writeLines(lines);
    await expect(ShowCore.open(dir)).rejects.toThrow(/ends at revision 2 but the show snapshot was taken at revision 4.*--recover-journal/);
    expect(await journalLines()).toEqual(lines);
  });

  it('with recoverJournal keeps the damaged tail in a file beside the journal and starts from the last good revision', async () => {
    await (await buildShow()).close();
    await forgetSnapshots();
    const lines = await journalLines();
    const damaged = [...lines.slice(0, 2), lines[2].replace('"rundown.add"', '"rundown.adx"'), lines[3]];
    await writeLines(damaged);
    const { core, report } = await ShowCore.open(dir, { recoverJournal: true });
    expect(core.current.revision).toBe(2);
    expect(report.recovered).toEqual([{ reason: expect.stringMatching(/checksum/), fromRevision: 2, kept: [expect.stringMatching(/journal\.jsonl\.damaged-/)] }]);
    expect(await readFile(report.recovered[0].kept[0], 'utf8')).toBe(`${damaged[2]}\n${damaged[3]}\n`);
    expect((await core.execute({ type: 'rundown.add', productId: 'b' }, actor)).revision).toBe(3);
    await core.close();
    const { core: again } = await ShowCore.open(dir);
    expect(again.current.revision).toBe(3);
    expect((await readdir(dir)).filter((f) => f.startsWith('journal.jsonl.damaged-'))).toHaveLength(1);
    await again.close();
  });

  it('with recoverJournal sets snapshots that claim more than the journal holds aside and starts from the journal', async () => {
    await (await buildShow()).close();
    await writeLines((await journalLines()).slice(0, 3));
    const { core, report } = await ShowCore.open(dir, { recoverJournal: true });
    expect(core.current.revision).toBe(3);
    expect(report.recovered[0].kept.map((f) => f.replace(/.*\//, '').replace(/-\d.*/, ''))).toEqual(['snapshot.json.ahead', 'sales.snapshot.ahead']);
    await core.close();
  });

  it('refuses an intact entry that can no longer be applied, naming it, and recovery starts before it', async () => {
    await (await buildShow()).close();
    await forgetSnapshots();
    const alien = { rev: 5, at: 1, actor, command: 'show.fly', events: [{ type: 'show.flown' }] } as unknown as JournalEntry;
    await appendFile(join(dir, JOURNAL_FILE), serializeEntry(alien) + serializeEntry({ ...alien, rev: 6 }));
    await expect(ShowCore.open(dir)).rejects.toThrow(/line 5 \(revision 5\): the entry can no longer be applied/);
    const { core, report } = await ShowCore.open(dir, { recoverJournal: true });
    expect(core.current.revision).toBe(4);
    expect(report.recovered[0]).toMatchObject({ fromRevision: 4 });
    await core.close();
  });

  it('starts a show whose journal holds a stock change for "toString" that an older version journaled and could not replay', async () => {
    await (await buildShow()).close();
    await forgetSnapshots();
    // A journal of the old version (no checksums), with what it wrote before answering 500: a product the show never had.
    await writeLines((await journalLines()).map((l) => l.replace(/,"crc":"[0-9a-f]{8}"\}$/, '}')));
    await appendFile(join(dir, JOURNAL_FILE), '{"rev":5,"at":1,"actor":{"id":"ana","client":"x","role":"moderator"},"command":"product.setStock","events":[{"type":"catalogue.upserted","products":[{"id":"toString","stock":5}]}]}\n');
    const { core } = await ShowCore.open(dir);
    expect(core.current.revision).toBe(5);
    expect(Object.keys(core.current.products).sort()).toEqual(['a', 'b', 'toString']);
    expect(core.current.products.toString).toMatchObject({ id: 'toString', stock: 5 });
    await core.close();
  });

  it('does not trust a snapshot an older version wrote with a product under "toString" lacking its id: the journal rebuilds the show', async () => {
    const core = await buildShow();
    const before = core.current;
    await core.close();
    const file = join(dir, SNAPSHOT_FILE);
    const snapshot = JSON.parse(await readFile(file, 'utf8'));
    snapshot.state.products.toString = { stock: 5, lowest30d: {} };
    await writeFile(file, JSON.stringify(snapshot));
    const { core: reopened, report } = await ShowCore.open(dir);
    expect(report.fromSnapshot).toBe(0);
    expect(reopened.current).toEqual(before);
    await reopened.close();
  });

  it('refuses a complete last line that does not read (it has its newline, so it was written whole and acknowledged) instead of cutting it as torn', async () => {
    await (await buildShow()).close();
    await forgetSnapshots();
    const lines = await journalLines();
    lines[3] = lines[3].slice(0, 30) + '#' + lines[3].slice(31);
    await writeLines(lines);
    await expect(ShowCore.open(dir)).rejects.toThrow(/line 4 \(revision 4\)/);
    expect(await journalLines()).toEqual(lines);
  });
});
