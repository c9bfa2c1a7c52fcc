import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestStudio, type TestStudio } from '../helpers/test-studio';
import { FaultyDisk } from '../helpers/faulty-disk';
import { until } from '../helpers/until';

let t: TestStudio;
let disk: FaultyDisk;
let items: string[];
const health = async () => (await fetch(`${t.studio.baseUrl}/api/v1/health`)).json();

beforeEach(async () => {
  disk = new FaultyDisk();
  t = await startTestStudio({ journal: { wrapFile: disk.wrap, probe: disk.probe, probeEveryMs: 50 } });
  await t.api('POST', '/api/v1/products/import', ['a', 'b'].map((id) => ({ id, title: { en: id } })));
  items = [];
  for (const productId of ['a', 'b']) items.push((await t.api('POST', '/api/v1/rundown/items', { productId })).body.id);
});
afterEach(() => t.stop());

describe('a journal the disk will not take', () => {
  it('is healthy and writable while the disk takes writes', async () => {
    expect(await health()).toEqual({ ok: true, version: expect.any(String), journal: { writable: true } });
  });

  it('answers 503 journal_unwritable with a sentence, shows nothing of the change, says so in health, and recovers by itself', async () => {
    const before = (await t.api('GET', '/api/v1/show')).body;
    disk.fault = { kind: 'short', bytes: 1 };
    const res = await t.api('POST', '/api/v1/rundown/pin', { itemId: items[0] });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(res.body.error).toEqual({ code: 'journal_unwritable', message: expect.stringMatching(/^the change was not saved: .*only 1 of \d+ bytes reached the disk/) });
    expect((await t.api('GET', '/api/v1/show')).body).toEqual(before);
    expect(await health()).toEqual({ ok: false, version: expect.any(String), journal: { writable: false, reason: expect.stringMatching(/full/) } });
    disk.heal();
    await until('health ok again', health, (h) => h.ok === true, 3000);
    const pinned = await t.api('POST', '/api/v1/rundown/pin', { itemId: items[0] });
    expect(pinned.status).toBe(200);
    expect(pinned.body.revision).toBe(before.revision + 1);
  });
});
