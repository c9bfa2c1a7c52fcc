import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, runServeToExit, startServe, type ServeExit } from '../helpers/serve-process';
import { tempDir } from '../helpers/temp-dir';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('shopcast-start-')));
afterEach(() => cleanup());

/** A refusal at start: exit code 1, one line on stderr that says `what`, no stack trace, no hang. */
function expectOneLineRefusal(run: ServeExit, what: RegExp): void {
  expect(run.code, run.stderr).toBe(1);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(what);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stdout).toBe('');
  expect(run.ms).toBeLessThan(8000);
}

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe('starting the headless studio', () => {
  it('prints its usage for --help and exits 0', async () => {
    const run = await runServeToExit(['--help']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    for (const option of ['--data-dir', '--port', '--host', '--no-lan', '--demo', '--help']) expect(run.stdout).toContain(option);
  });

  it('refuses a data dir that is a file in one line', async () => {
    await writeFile(join(dir, 'a-file'), 'not a folder');
    expectOneLineRefusal(await runServeToExit(['--data-dir', join(dir, 'a-file'), '--port', '0']), /is a file, not a folder; choose another --data-dir/);
  });

  it('refuses a data dir its user cannot read in one line', async () => {
    const locked = join(dir, 'locked');
    await mkdir(locked);
    await chmod(locked, 0o000);
    await chmod(dir, 0o755);
    // root reads everything: run the studio as nobody, as a desktop user would be.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const run = await runServeToExit(['--data-dir', locked, '--port', '0'], asNobody);
    await chmod(locked, 0o700);
    expectOneLineRefusal(run, /cannot be read and written by this user/);
  });

  it('refuses a data dir under /proc in one line instead of hanging', async () => {
    for (const where of ['/proc/shopcast-show', '/proc/self', '/sys/kernel/show']) {
      expectOneLineRefusal(await runServeToExit(['--data-dir', where, '--port', '0']), /a system folder that cannot hold a show/);
    }
  });

  it('refuses a --host that is no address, or not one of this computer, in one line', async () => {
    expectOneLineRefusal(await runServeToExit(['--data-dir', dir, '--host', 'studio.invalid', '--port', '0']), /^--host must be an IP address of this computer/);
    // 203.0.113.0/24 is reserved for documentation: never this computer's.
    expectOneLineRefusal(await runServeToExit(['--data-dir', dir, '--host', '203.0.113.7', '--port', '0']), /^--host 203\.0\.113\.7 is not an address of this computer/);
  });

  it('refuses a damaged settings.json or secrets.json in one line, naming the file', async () => {
    await writeFile(join(dir, 'settings.json'), '{"lan": {"enabled": tr');
    expectOneLineRefusal(await runServeToExit(['--data-dir', dir, '--port', '0']), /^The settings file .*settings\.json is damaged \(.+\); restore it from a backup/);
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ lan: { enabled: 'yes' } }));
    expectOneLineRefusal(await runServeToExit(['--data-dir', dir, '--port', '0']), /settings\.json is damaged \(Config schema violation/);
    await writeFile(join(dir, 'settings.json'), '{}');
    await writeFile(join(dir, 'secrets.json'), '{"obs.1": "hun', { mode: 0o600 });
    expectOneLineRefusal(await runServeToExit(['--data-dir', dir, '--port', '0']), /^The secrets file .*secrets\.json is damaged/);
  });

  it('refuses a port in use in one line with exit code 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      expectOneLineRefusal(await runServeToExit(['--data-dir', dir, '--port', String(port)]), new RegExp(`^The port is taken: ${port} on 127\\.0\\.0\\.1 is in use`));
    } finally {
      blocker.close();
    }
  });

  it('says first when a saved setting opens it to the studio network, and --no-lan keeps it on this computer for the run', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ lan: { enabled: true } }));
    const kept = await startServe(dir, ['--no-lan']);
    expect(kept.output().split('\n')[0]).toMatch(/^LAN mode is saved as on, but stays off for this run \(--no-lan\)/);
    expect((await call(kept, 'GET', '/api/v1/lan')).body).toMatchObject({ enabled: false, urls: [] });
    kept.child.kill('SIGTERM');
    expect(await kept.exited).toBe(0);
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')).lan).toEqual({ enabled: true });

    const open = await startServe(dir);
    expect(open.output().split('\n')[0]).toMatch(/^LAN mode is on \(saved setting\): devices on the studio network can reach this studio/);
    open.child.kill('SIGTERM');
    await open.exited;
  });

  it('refuses --no-lan together with a network --host in one line', async () => {
    expectOneLineRefusal(await runServeToExit(['--data-dir', dir, '--host', '0.0.0.0', '--no-lan', '--port', '0']), /--no-lan keeps the studio on this computer, but --host 0\.0\.0\.0 puts it on the network/);
  });
});

describe('the data dir on disk', () => {
  it('keeps the data dir and its show and logs folders 0700, and the journal, snapshot, settings and secrets 0600', async () => {
    const data = join(dir, 'studio');
    const studio = await startServe(data, ['--demo']);
    expect((await call(studio, 'POST', '/api/v1/rundown/next')).status).toBe(200);
    studio.child.kill('SIGTERM');
    expect(await studio.exited).toBe(0);
    for (const folder of ['', 'show', 'logs']) expect(await modeOf(join(data, folder)), folder || 'data dir').toBe(0o700);
    for (const file of ['settings.json', 'secrets.json', 'show/journal.jsonl', 'show/snapshot.json']) expect(await modeOf(join(data, file)), file).toBe(0o600);
  });

  it('tightens files an older version left readable to others at the next start, and moves the owner token out of settings.json', async () => {
    const legacyToken = 'legacy-owner-token-0123456789abcdef';
    await mkdir(join(dir, 'show'), { recursive: true });
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ ownerToken: legacyToken }), { mode: 0o644 });
    await writeFile(join(dir, 'show', 'journal.jsonl'), '', { mode: 0o644 });
    await writeFile(join(dir, 'show', 'snapshot.json'), '{}', { mode: 0o664 });
    await chmod(dir, 0o755);
    await chmod(join(dir, 'show'), 0o775);

    const studio = await startServe(dir);
    expect(studio.token).toBe(legacyToken);
    expect(studio.output()).toMatch(/Data dir: 5 entries left by an older version made private/);
    studio.child.kill('SIGTERM');
    await studio.exited;
    expect(await modeOf(dir)).toBe(0o700);
    expect(await modeOf(join(dir, 'show'))).toBe(0o700);
    for (const file of ['settings.json', 'show/journal.jsonl', 'show/snapshot.json']) expect(await modeOf(join(dir, file)), file).toBe(0o600);
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).not.toContain(legacyToken);
    expect(await readFile(join(dir, 'secrets.json'), 'utf8')).toContain(legacyToken);

    const again = await startServe(dir);
    expect(again.token).toBe(legacyToken);
    again.child.kill('SIGTERM');
    await again.exited;
  });
});
