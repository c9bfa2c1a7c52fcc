import { spawn } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, startServe } from '../helpers/serve-process';
import { tempDir } from '../helpers/temp-dir';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('shopcast-refusal-')));
afterEach(() => cleanup());

const journal = () => join(dir, 'show', 'journal.jsonl');
const lines = async () => (await readFile(journal(), 'utf8')).split('\n').filter(Boolean);

/** Runs the built headless studio expecting it to refuse: its exit code and everything it said. */
function serveUntilExit(args: string[] = []): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'out', 'main', 'serve.js'), '--data-dir', dir, '--port', '0', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  return new Promise((resolve) => child.once('exit', (code) => (clearTimeout(timer), resolve({ code, output }))));
}

/** A show of 5 revisions: 3 products, 3 rundown items, one on air. `clean`: stopped with SIGTERM (snapshots written). */
async function recordShow(clean: boolean): Promise<void> {
  const studio = await startServe(dir);
  await call(studio, 'POST', '/api/v1/products/import', ['a', 'b', 'c'].map((id) => ({ id, title: { en: id } })));
  for (const productId of ['a', 'b', 'c']) await call(studio, 'POST', '/api/v1/rundown/items', { productId });
  await call(studio, 'POST', '/api/v1/rundown/next');
  studio.child.kill(clean ? 'SIGTERM' : 'SIGKILL');
  await studio.exited;
}

describe('starting on a journal that cannot be replayed', () => {
  it('refuses a damaged line with one message naming the file, line, revision and --recover-journal, and exits 1', async () => {
    await recordShow(false);
    const damaged = await lines();
    damaged[2] = damaged[2].replace('"productId":"b"', '"productId":"c"');
    await writeFile(journal(), damaged.map((l) => `${l}\n`).join(''));
    const { code, output } = await serveUntilExit();
    expect(code).toBe(1);
    expect(output).toMatch(/^Cannot open the show: the show journal .*journal\.jsonl cannot be replayed past line 3 \(revision 3\): the line does not match its checksum/);
    expect(output).toMatch(/intact up to revision 2\. To start from revision 2 .* --recover-journal/);
    expect(output).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(await lines()).toEqual(damaged); // nothing written, nothing cut
  });

  it('refuses a journal shorter than the snapshot instead of starting a shorter show, and exits 1', async () => {
    await recordShow(true);
    const kept = (await lines()).slice(0, 3);
    await writeFile(journal(), kept.map((l) => `${l}\n`).join(''));
    const { code, output } = await serveUntilExit();
    expect(code).toBe(1);
    expect(output).toMatch(/Cannot open the show: .*ends at revision 3 but the show snapshot was taken at revision 5/);
    expect(await lines()).toEqual(kept);
  });

  it('never loads the demo on top of a show whose journal is gone: it refuses', async () => {
    await recordShow(true);
    await rm(journal());
    const { code, output } = await serveUntilExit(['--demo']);
    expect(code).toBe(1);
    expect(output).not.toMatch(/Demo show loaded/);
    expect(output).toMatch(/ends at revision 0 but the show snapshot was taken at revision 5/);
  });

  it('with --recover-journal starts from the last good revision and keeps the damaged tail in a file beside the journal', async () => {
    await recordShow(false);
    const original = await lines();
    const damaged = [...original.slice(0, 3), original[3].slice(0, 20) + 'X' + original[3].slice(21), original[4]];
    await writeFile(journal(), damaged.map((l) => `${l}\n`).join(''));
    expect((await serveUntilExit()).code).toBe(1);

    const studio = await startServe(dir, ['--recover-journal']);
    expect(studio.output()).toMatch(/Journal recovered: .*the show starts from revision 3; kept: .*journal\.jsonl\.damaged-/);
    const show = (await call(studio, 'GET', '/api/v1/show')).body;
    expect(show.revision).toBe(3);
    expect(show.rundown.map((i: { productId: string }) => i.productId)).toEqual(['a', 'b']);
    expect((await call(studio, 'POST', '/api/v1/rundown/items', { productId: 'c' })).status).toBe(201);
    studio.child.kill('SIGTERM');
    expect(await studio.exited).toBe(0);
    const kept = (await readdir(join(dir, 'show'))).filter((f) => f.startsWith('journal.jsonl.damaged-'));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(dir, 'show', kept[0]), 'utf8')).toBe(`${damaged[3]}\n${damaged[4]}\n`);

    // The recovered show starts again without the flag.
    const again = await startServe(dir);
    expect((await call(again, 'GET', '/api/v1/show')).body.revision).toBe(4);
    again.child.kill('SIGTERM');
    await again.exited;
  });
});

