import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { ShowCore } from '../../src/main/show/show-core';
import type { Actor } from '../../src/shared/events';
import { startTestStudio, type TestStudio } from '../helpers/test-studio';
import { tempDir } from '../helpers/temp-dir';
import { until } from '../helpers/until';
import { decodesCleanly, makeRecording, probe } from '../helpers/recording';

const PRODUCER: Actor = { id: 'owner', client: 'test', role: 'producer' };
const OBS: Actor = { id: 'obs', client: 'obs' };
const T0 = 1_800_000_000_000;

let dataDir: string;
let cleanup: () => Promise<void>;
let t: TestStudio;
let connectionId: string;
let recording: string;
let remoteId: string;

/**
 * A show recorded by an OBS: the studio is started once to add the OBS and the rundown, the pins
 * and the recording are journaled at chosen times by the real core, then the studio starts again
 * on that journal (so this is also "chapters and clips after a restart").
 */
beforeAll(async () => {
  ({ dir: dataDir, cleanup } = await tempDir('shopcast-clips-'));
  recording = join(dataDir, 'obs-recording.mkv');
  await makeRecording(recording, 40);
  let first = await startTestStudio({ dataDir });
  await first.api('PATCH', '/api/v1/show', { title: 'Jesień', locales: [{ locale: 'pl-PL', currency: 'PLN' }] });
  await first.api('POST', '/api/v1/products/import', [
    { id: 'lav', title: { pl: 'Spodnie lawendowe' }, price: { PLN: 84.99 } },
    { id: 'coat', title: { pl: 'Płaszcz wełniany' }, price: { PLN: 499 } },
    { id: 'hat', title: { pl: 'Czapka' }, price: { PLN: 39 } }
  ]);
  for (const productId of ['lav', 'coat', 'hat']) await first.api('POST', '/api/v1/rundown/items', { productId });
  connectionId = (await first.api('POST', '/api/v1/obs/connections', { name: 'Polski', url: 'ws://127.0.0.1:9', locale: 'pl-PL' })).body.id;
  remoteId = (await first.api('POST', '/api/v1/obs/connections', { name: 'Deutsch (OBS PC)', url: 'ws://192.0.2.10:4455', locale: 'pl-PL' })).body.id;
  await first.studio.close();

  let now = T0;
  const { core } = await ShowCore.open(join(dataDir, 'show'), { now: () => now });
  const at = async (s: number, command: Record<string, unknown>, actor = PRODUCER) => {
    now = T0 + s * 1000;
    await core.executeUntrusted(command, actor);
  };
  await at(0, { type: 'recording.started', connectionId, at: T0 }, OBS);
  await at(2, { type: 'rundown.pin', itemId: 'item-1' });
  await at(14, { type: 'rundown.pin', itemId: 'item-2' });
  await at(27, { type: 'rundown.pin', itemId: 'item-3' });
  await at(39, { type: 'rundown.unpin' });
  await at(40, { type: 'recording.stopped', connectionId, at: T0 + 40_000, path: recording }, OBS);
  await core.execute({ type: 'recording.started', connectionId: remoteId, at: T0 }, OBS);
  await core.execute({ type: 'recording.stopped', connectionId: remoteId, at: T0 + 40_000, path: 'C:\\Users\\obs\\Videos\\obs-recording.mkv' }, OBS);
  await core.close();
  first = null!;
  t = await startTestStudio({ dataDir });
}, 60_000);

afterAll(async () => {
  await t?.studio.close();
  await cleanup?.();
});

describe('chapters and clips of an OBS recording', () => {
  it('answers YouTube chapter lines in that OBS\'s language, starting at 0:00', async () => {
    const res = await t.api('GET', `/api/v1/shows/current/chapters.txt?connection=${connectionId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(res.body).toBe('0:00 Spodnie lawendowe\n0:14 Płaszcz wełniany\n0:27 Czapka\n');
  });

  it('refuses chapters of an unknown show or OBS, and a request without a connection, with 4xx', async () => {
    expect((await t.api('GET', `/api/v1/shows/other/chapters.txt?connection=${connectionId}`)).status).toBe(404);
    expect((await t.api('GET', '/api/v1/shows/current/chapters.txt')).status).toBe(400);
    expect((await t.api('GET', '/api/v1/shows/current/chapters.txt?connection=constructor')).status).toBe(404);
  });

  it('answers the chapters of a show of the library that is not open, from that show\'s own recordings; no other id is a show', async () => {
    const first = (await t.api('GET', '/api/v1/shows')).body.current as string;
    const other = (await t.api('POST', '/api/v1/shows', { title: 'Zima' })).body.id as string;
    expect((await t.api('POST', `/api/v1/shows/${other}/open`)).status).toBe(200);
    try {
      const past = await t.api('GET', `/api/v1/shows/${first}/chapters.txt?connection=${connectionId}`);
      expect(past.status).toBe(200);
      expect(past.body).toBe('0:00 Spodnie lawendowe\n0:14 Płaszcz wełniany\n0:27 Czapka\n');
      // The open show (by id or as `current`) has not been recorded.
      for (const id of [other, 'current']) expect((await t.api('GET', `/api/v1/shows/${id}/chapters.txt?connection=${connectionId}`)).body.error.code).toBe('no_recording');
      for (const id of ['toString', '__proto__', 'constructor', 'show-999']) {
        const res = await t.api('GET', `/api/v1/shows/${id}/chapters.txt?connection=${connectionId}`);
        expect([id, res.status, res.body.error?.code]).toEqual([id, 404, 'not_found']);
      }
    } finally {
      expect((await t.api('POST', `/api/v1/shows/${first}/open`)).status).toBe(200);
    }
  });

  it('cuts one clip per product on air, each lasting its slot, with its title and price in that market', async () => {
    const res = await t.api('POST', '/api/v1/clips', { connectionId });
    expect(res.status).toBe(202);
    expect(res.body.clips.map((c: any) => [c.productId, c.locale, c.startSeconds, c.durationSeconds])).toEqual([
      ['lav', 'pl-PL', 2, 12],
      ['coat', 'pl-PL', 14, 13],
      ['hat', 'pl-PL', 27, 12]
    ]);
    const done = await until('the clips cut', () => t.api('GET', '/api/v1/clips'), (r) => r.body.clips.every((c: any) => c.status === 'done'), 30_000);
    expect(done.body.clips[1]).toMatchObject({ title: 'Płaszcz wełniany · Jesień', description: '499\u00a0zł', mode: 'copy', progress: 1 });
    for (const clip of done.body.clips) {
      const file = join(dataDir, 'clips', `${clip.id}.mp4`);
      await decodesCleanly(file);
      const { duration, streams } = await probe(file);
      expect(Math.abs(duration - clip.durationSeconds)).toBeLessThanOrEqual(1.5);
      expect(streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
    }
  });

  it('serves a clip\'s file as video/mp4, whole or by byte range', async () => {
    const [clip] = (await t.api('GET', '/api/v1/clips')).body.clips;
    const whole = await fetch(`${t.studio.baseUrl}/api/v1/clips/${clip.id}/file`, { headers: { authorization: `Bearer ${t.studio.token}` } });
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    const bytes = Buffer.from(await whole.arrayBuffer());
    expect(bytes.equals(await readFile(join(dataDir, 'clips', `${clip.id}.mp4`)))).toBe(true);
    const part = await fetch(`${t.studio.baseUrl}/api/v1/clips/${clip.id}/file`, { headers: { authorization: `Bearer ${t.studio.token}`, range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);
    const beyond = await fetch(`${t.studio.baseUrl}/api/v1/clips/${clip.id}/file`, { headers: { authorization: `Bearer ${t.studio.token}`, range: `bytes=${bytes.length}-` } });
    expect(beyond.status).toBe(416);
  });

  it('cuts frame-exact clips when asked, re-encoding them', async () => {
    const res = await t.api('POST', '/api/v1/clips', { connectionId, exact: true });
    const ids = res.body.clips.map((c: any) => c.id);
    const done = await until('the exact clips cut', () => t.api('GET', '/api/v1/clips'), (r) => r.body.clips.filter((c: any) => ids.includes(c.id)).every((c: any) => c.status === 'done'), 60_000);
    for (const clip of done.body.clips.filter((c: any) => ids.includes(c.id))) {
      expect(clip.mode).toBe('exact');
      const { duration } = await probe(join(dataDir, 'clips', `${clip.id}.mp4`));
      expect(Math.abs(duration - clip.durationSeconds)).toBeLessThanOrEqual(0.3);
    }
  }, 70_000);

  it('refuses bad clip requests with 4xx: a body without a connection, an unknown OBS or clip', async () => {
    expect((await t.api('POST', '/api/v1/clips', { connectionId: 7 })).status).toBe(400);
    expect((await t.api('POST', '/api/v1/clips', { connectionId: '__proto__' })).status).toBe(404);
    expect((await t.api('GET', '/api/v1/clips/constructor/file')).status).toBe(404);
    expect((await t.api('POST', '/api/v1/clips/nope/cancel')).status).toBe(404);
  });

  it('starts recording on every OBS at once, answering for each: an OBS that is away is named, not a 500', async () => {
    const res = await t.api('POST', '/api/v1/recordings', { action: 'start' });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: any) => [r.connectionId, r.ok])).toEqual(expect.arrayContaining([[connectionId, false], [remoteId, false]]));
    expect(res.body.results[0].error).toMatch(/not connected|OBS/i);
    expect((await t.api('POST', '/api/v1/recordings', { action: 'start', connectionId: 'hasOwnProperty' })).status).toBe(404);
    expect((await t.api('POST', '/api/v1/recordings', { action: 'pause' })).status).toBe(400);
  });

  it('says a remote OBS\'s recording is not readable here, and cuts it from the folder the user maps to it', async () => {
    const before = (await t.api('GET', '/api/v1/clips')).body.connections.find((c: any) => c.connectionId === remoteId);
    expect(before).toMatchObject({ remote: true, folder: null, last: { readable: false, problem: expect.stringContaining('another computer') } });
    const refused = await t.api('POST', '/api/v1/clips', { connectionId: remoteId });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('recording_unreadable');
    expect((await t.api('PUT', `/api/v1/clips/folders/${remoteId}`, { folder: join(dataDir, 'nope') })).status).toBe(400);
    expect((await t.api('PUT', `/api/v1/clips/folders/${remoteId}`, { folder: dataDir })).status).toBe(200);
    const after = (await t.api('GET', '/api/v1/clips')).body.connections.find((c: any) => c.connectionId === remoteId);
    expect(after).toMatchObject({ folder: dataDir, last: { readable: true, problem: null } });
    const res = await t.api('POST', '/api/v1/clips', { connectionId: remoteId });
    expect(res.status).toBe(202);
    expect(res.body.clips).toHaveLength(3);
  });
});
