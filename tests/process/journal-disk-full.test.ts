import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { call, startServe, type ServeProcess } from '../helpers/serve-process';

/** A real 1 MiB filesystem the test can fill: the studio meets a full disk exactly as in the field. */
function mountTinyDisk(): { dir: string; unmount: () => void } | { reason: string } {
  const dir = mkdtempSync(join(tmpdir(), 'shopcast-tiny-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'pipe' });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    return { reason: String((err as { stderr?: Buffer }).stderr ?? (err as Error).message).trim() || 'mount failed' };
  }
  return {
    dir,
    unmount: () => {
      execFileSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

const disk = mountTinyDisk();
const filler = 'dir' in disk ? join(disk.dir, 'filler') : '';
let studio: ServeProcess | null = null;

afterAll(async () => {
  if (studio && studio.child.exitCode === null) {
    studio.child.kill('SIGKILL');
    await studio.exited;
  }
  if ('dir' in disk) disk.unmount();
});

/** Writes until the filesystem refuses: the disk is full. */
function fillDisk(): void {
  try {
    writeFileSync(filler, Buffer.alloc(4 * 1024 * 1024));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  }
}

describe('a full disk under the running studio', () => {
  // Only an unprivileged developer's machine may go without it (it cannot mount a filesystem); as root
  // (CI, the development machines) a failed mount is a failure, never a quiet skip.
  if (!('dir' in disk) && process.getuid?.() !== 0) {
    it.skip(`needs root to mount a 1 MiB tmpfs (mount -t tmpfs failed: ${disk.reason}); CI runs it as root, and the injected-fault unit tests cover the same paths`, () => {});
    return;
  }
  if (!('dir' in disk)) {
    it('mounts a 1 MiB tmpfs to fill (as root this must work)', () => {
      throw new Error(`mount -t tmpfs failed as root: ${disk.reason}`);
    });
    return;
  }

  it('answers 503 instead of acknowledging, says so in health, takes changes again once space is freed, and restarts with exactly the acknowledged ones', async () => {
    const dataDir = join(disk.dir, 'show-data');
    studio = await startServe(dataDir);
    const s = studio;
    await call(s, 'POST', '/api/v1/products/import', ['a', 'b', 'c'].map((id) => ({ id, title: { en: id } })));
    const items: string[] = [];
    for (const productId of ['a', 'b', 'c']) items.push((await call(s, 'POST', '/api/v1/rundown/items', { productId })).body.id);

    fillDisk();
    // The journal's last page may still have room for a line or two: pin until the disk refuses.
    let acknowledged: { revision: number; itemId: string } | null = null;
    let refused: { status: number; body: any } | null = null;
    for (let i = 0; i < 200 && !refused; i++) {
      const itemId = items[i % 3];
      const res = await call(s, 'POST', '/api/v1/rundown/pin', { itemId });
      expect(res.status).not.toBe(500);
      if (res.status === 200) acknowledged = { revision: res.body.revision, itemId };
      else refused = res;
    }
    expect(refused).toMatchObject({ status: 503, body: { error: { code: 'journal_unwritable', message: expect.stringMatching(/not saved.*(disk is full|probably full)/) } } });
    const show = (await call(s, 'GET', '/api/v1/show')).body;
    const health = await (await fetch(`${s.baseUrl}/api/v1/health`)).json();
    expect(health).toMatchObject({ ok: false, version: expect.any(String), journal: { writable: false, reason: expect.stringMatching(/full/) } });
    // Still refused, still not acknowledged, while the disk stays full; settings too, with the same clear answer.
    const again = await call(s, 'POST', '/api/v1/rundown/pin', { itemId: items.find((id) => id !== show.onAir?.itemId) });
    expect(again.status).toBe(503);
    const settings = await call(s, 'POST', '/api/v1/obs/connections', { name: 'OBS', url: 'ws://127.0.0.1:1', locale: 'en-GB' });
    expect(settings).toMatchObject({ status: 503, body: { error: { code: 'settings_unwritable' } } });
    expect((await call(s, 'GET', '/api/v1/show')).body.revision).toBe(show.revision);

    await rm(filler);
    const target = items.find((id) => id !== show.onAir?.itemId)!;
    const pinned = await call(s, 'POST', '/api/v1/rundown/pin', { itemId: target });
    expect(pinned.status).toBe(200);
    expect(pinned.body.revision).toBe(show.revision + 1);
    expect(await (await fetch(`${s.baseUrl}/api/v1/health`)).json()).toMatchObject({ ok: true, journal: { writable: true } });

    s.child.kill('SIGKILL');
    await s.exited;
    studio = await startServe(dataDir);
    const restarted = (await call(studio, 'GET', '/api/v1/show')).body;
    expect(restarted.revision).toBe(pinned.body.revision);
    expect(restarted.onAir.itemId).toBe(target);
    expect(acknowledged === null || acknowledged.revision < restarted.revision).toBe(true);
    studio.child.kill('SIGTERM');
    await studio.exited;
  });
});
