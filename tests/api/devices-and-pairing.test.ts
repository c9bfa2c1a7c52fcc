import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveClient, liveUrl, startTestStudio, type TestStudio } from '../helpers/test-studio';
import { as, pairDevice, raw, wrongCode } from './access-helpers';

let t: TestStudio;
let now = Date.UTC(2026, 10, 28, 20, 0, 0);
const settingsFile = () => readFile(join(t.dataDir, 'settings.json'), 'utf8');

beforeAll(async () => (t = await startTestStudio({ demo: true, accessClock: () => now })));
afterAll(() => t.stop());

async function offer(role = 'moderator') {
  const res = await t.api('POST', '/api/v1/lan/pairing', { role });
  expect(res.status).toBe(200);
  return res.body as { code: string; expiresAt: number; url: string; qrDataUrl: string };
}

/** `POST /api/v1/pair` from a given loopback address, standing for a device on the network. */
const pairFrom = (from: string, code: string, name = 'Tablet') => raw(t.studio.port, 'POST', '/api/v1/pair', { from, body: { code, name } });

describe('pairing a device', () => {
  it('gives the device its own token, which works with the role the producer chose', async () => {
    const code = await offer('moderator');
    expect(code.code).toMatch(/^\d{6}$/);
    expect(code.expiresAt).toBe(now + 5 * 60_000);
    expect(code.url).toBe(`http://127.0.0.1:${t.studio.port}/pair#code=${code.code}`);
    expect(Buffer.from(code.qrDataUrl.replace('data:image/svg+xml;base64,', ''), 'base64').toString()).toContain('<svg');

    const paired = await as(t, null)('POST', '/api/v1/pair', { code: code.code, name: 'Ana tablet' });
    expect(paired.status).toBe(201);
    expect(paired.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(paired.body.device).toMatchObject({ name: 'Ana tablet', role: 'moderator', pairedAt: now, lastSeenAt: null, online: false });

    const device = as(t, paired.body.token);
    expect((await device('GET', '/api/v1/me')).body).toEqual({ id: paired.body.device.id, name: 'Ana tablet', role: 'moderator' });
    const next = await device('POST', '/api/v1/rundown/next');
    expect(next.status).toBe(200);
    const journal = await t.api('GET', '/api/v1/journal?limit=1');
    expect(journal.body.entries[0].actor).toMatchObject({ id: paired.body.device.id, name: 'Ana tablet', role: 'moderator' });
    expect((await device('PATCH', '/api/v1/show', { title: 'Mine now' })).status).toBe(403);
  });

  it('accepts a code once only', async () => {
    const { code } = await offer();
    expect((await as(t, null)('POST', '/api/v1/pair', { code, name: 'First' })).status).toBe(201);
    const again = await as(t, null)('POST', '/api/v1/pair', { code, name: 'Second' });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('pairing_refused');
  });

  it('refuses a code after its five minutes, and the producer no longer sees it', async () => {
    const { code } = await offer();
    now += 5 * 60_000;
    const late = await as(t, null)('POST', '/api/v1/pair', { code, name: 'Late' });
    expect(late.status).toBe(401);
    expect(late.body.error.code).toBe('pairing_refused');
    expect((await t.api('GET', '/api/v1/lan')).body.pairing).toBeNull();
  });

  it('refuses a withdrawn code', async () => {
    const { code } = await offer();
    expect((await t.api('DELETE', '/api/v1/lan/pairing')).status).toBe(204);
    expect((await as(t, null)('POST', '/api/v1/pair', { code, name: 'Too late' })).status).toBe(401);
  });

  it('answers 429 with Retry-After after five attempts a minute from one address, while other devices can still pair', async () => {
    const { code } = await offer();
    for (let i = 1; i <= 5; i++) {
      const res = await pairFrom('127.0.0.5', wrongCode(code, i));
      expect(res.status).toBe(401);
      expect(res.json().error.code).toBe('pairing_refused');
    }
    const limited = await pairFrom('127.0.0.5', code);
    expect(limited.status).toBe(429);
    expect(limited.json().error.code).toBe('too_many_attempts');
    expect(limited.headers['retry-after']).toBe('60');
    now += 30_000;
    expect((await pairFrom('127.0.0.5', code)).headers['retry-after']).toBe('30');

    expect((await pairFrom('127.0.0.6', code)).status).toBe(201);
    now += 30_000;
    expect((await pairFrom('127.0.0.5', wrongCode(code))).status).toBe(401);
  });

  it('burns the code after ten wrong attempts in total, from any addresses', async () => {
    const { code } = await offer();
    for (const from of ['127.0.0.7', '127.0.0.8']) {
      for (let i = 1; i <= 5; i++) expect((await pairFrom(from, wrongCode(code, i))).status).toBe(401);
    }
    expect((await pairFrom('127.0.0.9', code)).status).toBe(401);
    expect((await t.api('GET', '/api/v1/lan')).body.pairing).toBeNull();
  });

  it('refuses a malformed pairing request with 400 and needs no token for it', async () => {
    const res = await as(t, null)('POST', '/api/v1/pair', { code: '12ab', name: '' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_body');
  });
});

describe('device tokens', () => {
  it('refuses a token that was never issued with 401', async () => {
    const res = await as(t, 'x'.repeat(43))('GET', '/api/v1/show');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('stores only the SHA-256 of each token in the settings file', async () => {
    const { token, device } = await pairDevice(t, 'viewer');
    const settings = await settingsFile();
    expect(settings).not.toContain(token);
    const stored = JSON.parse(settings).devices.find((d: { id: string }) => d.id === device.id);
    expect(stored.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
  });

  it('applies a new name and role on the next request', async () => {
    const { token, device } = await pairDevice(t, 'moderator', 'Kitchen tablet');
    const tablet = as(t, token);
    expect((await tablet('POST', '/api/v1/rundown/unpin')).status).toBe(200);

    const patched = await t.api('PATCH', `/api/v1/devices/${device.id}`, { name: 'Desk tablet', role: 'viewer' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id: device.id, name: 'Desk tablet', role: 'viewer' });

    expect((await tablet('GET', '/api/v1/me')).body).toEqual({ id: device.id, name: 'Desk tablet', role: 'viewer' });
    const refused = await tablet('POST', '/api/v1/rundown/unpin');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('viewer') });
  });

  it('refuses PATCH and DELETE of an unknown device with 404 and an empty patch with 400', async () => {
    expect((await t.api('PATCH', '/api/v1/devices/dev-nope', { name: 'X' })).status).toBe(404);
    expect((await t.api('DELETE', '/api/v1/devices/dev-nope')).status).toBe(404);
    const { device } = await pairDevice(t, 'viewer');
    expect((await t.api('PATCH', `/api/v1/devices/${device.id}`, {})).status).toBe(400);
    expect((await t.api('PATCH', `/api/v1/devices/${device.id}`, { role: 'admin' })).status).toBe(400);
  });

  it('revokes at once: the open live socket closes with 4001 "revoked" and the next request gets 401', async () => {
    const { token, device } = await pairDevice(t, 'moderator', 'Lost tablet');
    const client = await LiveClient.connect(liveUrl(t.studio, token));
    await client.next((m) => m.type === 'snapshot');
    const closed = new Promise<{ code: number; reason: string }>((resolve) => client.socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
    await waitFor(async () => (await t.api('GET', '/api/v1/devices')).body.devices.find((d: { id: string }) => d.id === device.id)?.online === true);

    expect((await t.api('DELETE', `/api/v1/devices/${device.id}`)).status).toBe(204);
    expect(await closed).toEqual({ code: 4001, reason: 'revoked' });
    const after = await as(t, token)('GET', '/api/v1/show');
    expect(after.status).toBe(401);
    expect((await t.api('GET', '/api/v1/devices')).body.devices.map((d: { id: string }) => d.id)).not.toContain(device.id);
    await expect(LiveClient.connect(liveUrl(t.studio, token))).rejects.toThrow(/401/);
  });
});

describe('presence', () => {
  it('lists a connected device as an operator on the live feed, and drops it when it leaves', async () => {
    const { token, device } = await pairDevice(t, 'moderator', 'Ana');
    const owner = await LiveClient.connect(liveUrl(t.studio));
    await owner.next((m) => m.type === 'snapshot');
    const tablet = await LiveClient.connect(liveUrl(t.studio, token));
    const seen = await owner.next((m) => m.type === 'patch' && !!m.changes.operators?.some((o) => o.id === device.id && o.online));
    expect(seen.type === 'patch' && seen.changes.operators?.find((o) => o.id === device.id)).toEqual({ id: device.id, name: 'Ana', role: 'moderator', online: true, lastActionAt: null });
    tablet.close();
    await owner.next((m) => m.type === 'patch' && !!m.changes.operators && !m.changes.operators.some((o) => o.id === device.id));
    owner.close();
  });

  it('keeps last-seen in memory and writes it to the settings file at most once a minute', async () => {
    const { token, device } = await pairDevice(t, 'viewer', 'Quiet');
    const tablet = as(t, token);
    now += 1000;
    await tablet('GET', '/api/v1/show');
    const listed = (await t.api('GET', '/api/v1/devices')).body.devices.find((d: { id: string }) => d.id === device.id);
    expect(listed.lastSeenAt).toBe(now);
    expect(JSON.parse(await settingsFile()).devices.find((d: { id: string }) => d.id === device.id).lastSeenAt).toBeNull();

    now += 60_000;
    await tablet('GET', '/api/v1/show');
    expect(JSON.parse(await settingsFile()).devices.find((d: { id: string }) => d.id === device.id).lastSeenAt).toBe(now);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
