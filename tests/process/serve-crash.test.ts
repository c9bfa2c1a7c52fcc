import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, startServe } from '../helpers/serve-process';
import { tempDir } from '../helpers/temp-dir';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('shopcast-crash-')));
afterEach(() => cleanup());

const products = Array.from({ length: 50 }, (_, i) => ({ id: `p-${i}`, title: { en: `Product ${i}` }, price: { EUR: i + 1 } }));

describe('the headless studio process', () => {
  it('prints the Control URL and the API token, and keeps the token across restarts', async () => {
    const first = await startServe(dir);
    expect(first.controlUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=\S+$/);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const second = await startServe(dir);
    expect(second.token).toBe(first.token);
    second.child.kill('SIGTERM');
    await second.exited;
  });

  it('loses nothing it acknowledged when killed with SIGKILL in the middle of a burst', async () => {
    const studio = await startServe(dir);
    expect((await call(studio, 'POST', '/api/v1/products/import', products)).status).toBe(200);
    const acknowledged: string[] = [];
    let killed = false;
    // Eight operators fire adds as fast as they can; the process dies while commands are in flight.
    const operators = Array.from({ length: 8 }, async (_, op) => {
      for (let i = 0; !killed; i++) {
        try {
          const res = await call(studio, 'POST', '/api/v1/rundown/items', { productId: `p-${(op * 7 + i) % 50}` });
          if (res.status === 201) acknowledged.push(res.body.id);
        } catch {
          return; // the connection died with the process
        }
      }
    });
    await new Promise((r) => setTimeout(r, 600));
    const pinned = await call(studio, 'POST', '/api/v1/rundown/next');
    expect(pinned.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    studio.child.kill('SIGKILL');
    killed = true;
    await Promise.all(operators);
    await studio.exited;
    expect(acknowledged.length).toBeGreaterThan(20);

    const restarted = await startServe(dir);
    const show = (await call(restarted, 'GET', '/api/v1/show')).body;
    const ids = new Set(show.rundown.map((i: { id: string }) => i.id));
    const lost = acknowledged.filter((id) => !ids.has(id));
    expect(lost).toEqual([]);
    expect(show.onAir?.itemId).toBe(pinned.body.onAir.itemId);
    restarted.child.kill('SIGTERM');
    expect(await restarted.exited).toBe(0);
  });

  it('recovers from a torn last journal line after a crash and reports it', async () => {
    const studio = await startServe(dir);
    await call(studio, 'POST', '/api/v1/products/import', products.slice(0, 3));
    const item = (await call(studio, 'POST', '/api/v1/rundown/items', { productId: 'p-1' })).body;
    await call(studio, 'POST', '/api/v1/rundown/pin', { itemId: item.id });
    studio.child.kill('SIGKILL');
    await studio.exited;
    await appendFile(join(dir, 'show', 'journal.jsonl'), '{"rev":4,"at":17000,"actor":{"id":"ow');

    const restarted = await startServe(dir);
    expect(restarted.output()).toMatch(/recovered after an interrupted write/);
    const show = (await call(restarted, 'GET', '/api/v1/show')).body;
    expect(show.onAir.itemId).toBe(item.id);
    expect((await call(restarted, 'POST', '/api/v1/rundown/unpin')).status).toBe(200);
    restarted.child.kill('SIGTERM');
    await restarted.exited;
    const lines = (await readFile(join(dir, 'show', 'journal.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).rev)).toEqual([1, 2, 3, 4]);
  });

  it('stops cleanly on SIGTERM with exit code 0 and a snapshot written', async () => {
    const studio = await startServe(dir, ['--demo']);
    studio.child.kill('SIGTERM');
    expect(await studio.exited).toBe(0);
    const snapshot = JSON.parse(await readFile(join(dir, 'show', 'snapshot.json'), 'utf8'));
    expect(Object.keys(snapshot.state.products).length).toBeGreaterThanOrEqual(40);
  });

  it('refuses a port that is taken with a clear message', async () => {
    const studio = await startServe(dir);
    const { dir: other, cleanup: cleanOther } = await tempDir();
    await expect(startServe(other, [], studio.port)).rejects.toThrow(/port is taken/);
    studio.child.kill('SIGTERM');
    await studio.exited;
    await cleanOther();
  });
});
