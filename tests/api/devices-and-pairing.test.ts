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

/** A device asks with the code: it is told to wait, with the ticket that will collect its token. */
async function ask(code: string, name: string, from?: string) {
  const res = from ? await pairFrom(from, code, name) : await raw(t.studio.port, 'POST', '/api/v1/pair', { body: { code, name } });
  return { status: res.status, body: res.json(), headers: res.headers };
}

const statusOf = (ticket: string) => as(t, null)('POST', '/api/v1/pair/status', { ticket });
const waiting = async () => (await t.api('GET', '/api/v1/lan')).body.requests as { id: string; name: string; address: string; role: string; requestedAt: number; expiresAt: number }[];

describe('pairing a device', () => {
  it('puts a device with the right code on the producer\'s list, and gives it its token only once the producer allows it by name', async () => {
    const code = await offer('moderator');
    expect(code.code).toMatch(/^\d{6}$/);
    expect(code.expiresAt).toBe(now + 5 * 60_000);
    expect(code.url).toBe(`http://127.0.0.1:${t.studio.port}/pair#code=${code.code}`);
    expect(Buffer.from(code.qrDataUrl.replace('data:image/svg+xml;base64,', ''), 'base64').toString()).toContain('<svg');

    const asked = await ask(code.code, 'Ana tablet', '127.0.0.3');
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ status: 'pending', ticket: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), expiresAt: now + 2 * 60_000 });
    expect(JSON.stringify(asked.body)).not.toMatch(/token/);
    expect(await waiting()).toEqual([{ id: expect.any(String), name: 'Ana tablet', address: '127.0.0.3', role: 'moderator', requestedAt: now, expiresAt: now + 2 * 60_000 }]);
    expect((await statusOf(asked.body.ticket)).body).toEqual({ status: 'pending', expiresAt: now + 2 * 60_000 });

    const [request] = await waiting();
    const allowed = await t.api('POST', `/api/v1/lan/pairing/requests/${request.id}/allow`);
    expect(allowed.status).toBe(201);
    expect(allowed.body.device).toMatchObject({ name: 'Ana tablet', role: 'moderator', pairedAt: now, lastSeenAt: null, online: false });
    expect(JSON.stringify(allowed.body)).not.toMatch(/token/i);
    expect(await waiting()).toEqual([]);
    expect((await t.api('GET', '/api/v1/lan')).body.pairing).toBeNull();

    const collected = await statusOf(asked.body.ticket);
    expect(collected.status).toBe(200);
    expect(collected.body.status).toBe('allowed');
    expect(collected.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(collected.body.device).toEqual(allowed.body.device);
    // Handed over once: the ticket collects nothing a second time.
    expect((await statusOf(asked.body.ticket)).status).toBe(404);

    const device = as(t, collected.body.token);
    expect((await device('GET', '/api/v1/me')).body).toEqual({ id: allowed.body.device.id, name: 'Ana tablet', role: 'moderator' });
    const next = await device('POST', '/api/v1/rundown/next');
    expect(next.status).toBe(200);
    const journal = await t.api('GET', '/api/v1/journal?limit=1');
    expect(journal.body.entries[0].actor).toMatchObject({ id: allowed.body.device.id, name: 'Ana tablet', role: 'moderator' });
    expect((await device('PATCH', '/api/v1/show', { title: 'Mine now' })).status).toBe(403);
  });

  it('gives a stranger who has the right code no token while the producer has not allowed it, and nothing once declined', async () => {
    const { code } = await offer();
    const stranger = await ask(code, "Ana's iPad", '127.0.0.66');
    expect(stranger.status).toBe(202);
    for (let i = 0; i < 5; i++) expect((await statusOf(stranger.body.ticket)).body).toEqual({ status: 'pending', expiresAt: expect.any(Number) });
    const devicesBefore = (await t.api('GET', '/api/v1/devices')).body.devices.length;

    const [request] = await waiting();
    expect(request.address).toBe('127.0.0.66');
    expect((await t.api('DELETE', `/api/v1/lan/pairing/requests/${request.id}`)).status).toBe(204);
    expect((await statusOf(stranger.body.ticket)).body).toEqual({ status: 'declined' });
    expect((await t.api('GET', '/api/v1/devices')).body.devices).toHaveLength(devicesBefore);
    expect((await t.api('POST', `/api/v1/lan/pairing/requests/${request.id}/allow`)).status).toBe(404);

    // The producer's own tablet still pairs with the same code.
    const mine = await ask(code, 'Desk tablet', '127.0.0.5');
    expect(mine.status).toBe(202);
  });

  it("neither pairs a stranger's 100 wrong guesses from another address nor stops the producer's device pairing with the code", async () => {
    const { code } = await offer();
    const answers = new Map<number, number>();
    for (let i = 1; i <= 100; i++) {
      const res = await pairFrom('127.0.0.66', wrongCode(code, i), 'Guesser');
      answers.set(res.status, (answers.get(res.status) ?? 0) + 1);
    }
    expect(answers).toEqual(new Map([[401, 5], [429, 95]]));
    expect(await waiting()).toEqual([]);
    // The producer sees that someone is trying, and the code is still on offer.
    expect((await t.api('GET', '/api/v1/lan')).body.pairing).toMatchObject({ code, refusedAttempts: 100 });

    const mine = await ask(code, 'Producer tablet', '127.0.0.5');
    expect(mine.status).toBe(202);
    const [request] = await waiting();
    expect(request.name).toBe('Producer tablet');
    await t.api('POST', `/api/v1/lan/pairing/requests/${request.id}/allow`);
    const collected = await statusOf(mine.body.ticket);
    expect(collected.body.status).toBe('allowed');
    expect((await as(t, collected.body.token)('GET', '/api/v1/me')).status).toBe(200);
    now += 60_000; // the guesser's minute is over for the tests that follow
  });

  it('declines everyone else waiting with the code once the producer allows one device, and spends the code', async () => {
    const { code } = await offer();
    const stranger = await ask(code, 'Tablet', '127.0.0.66');
    const mine = await ask(code, 'Tablet', '127.0.0.5');
    const requests = await waiting();
    expect(requests.map((r) => r.address)).toEqual(['127.0.0.66', '127.0.0.5']);
    await t.api('POST', `/api/v1/lan/pairing/requests/${requests[1].id}/allow`);
    expect((await statusOf(stranger.body.ticket)).body).toEqual({ status: 'declined' });
    expect((await statusOf(mine.body.ticket)).body.status).toBe('allowed');
    const late = await ask(code, 'Late', '127.0.0.7');
    expect(late.status).toBe(401);
    expect(late.body.error.code).toBe('pairing_refused');
  });

  it('lets a request the producer does not answer expire after two minutes', async () => {
    const { code } = await offer();
    const asked = await ask(code, 'Forgotten', '127.0.0.8');
    now += 2 * 60_000;
    expect((await statusOf(asked.body.ticket)).body).toEqual({ status: 'expired' });
    expect(await waiting()).toEqual([]);
  });

  it("takes a device that cancels its wait off the producer's list", async () => {
    const { code } = await offer();
    const asked = await ask(code, 'Changed my mind', '127.0.0.11');
    const [request] = await waiting();
    const cancelled = await as(t, null)('POST', '/api/v1/pair/cancel', { ticket: asked.body.ticket });
    expect(cancelled.status).toBe(204);
    expect(await waiting()).toEqual([]);
    expect((await t.api('POST', `/api/v1/lan/pairing/requests/${request.id}/allow`)).status).toBe(404);
    expect((await statusOf(asked.body.ticket)).status).toBe(404);
    expect((await as(t, null)('POST', '/api/v1/pair/cancel', { ticket: asked.body.ticket })).status).toBe(404);
  });

  it('refuses a code after its five minutes, and the producer no longer sees it', async () => {
    const { code } = await offer();
    now += 5 * 60_000;
    const late = await as(t, null)('POST', '/api/v1/pair', { code, name: 'Late' });
    expect(late.status).toBe(401);
    expect(late.body.error.code).toBe('pairing_refused');
    expect((await t.api('GET', '/api/v1/lan')).body.pairing).toBeNull();
  });

  it('refuses a withdrawn code and tells the devices waiting with it', async () => {
    const { code } = await offer();
    const asked = await ask(code, 'Waiting', '127.0.0.9');
    expect((await t.api('DELETE', '/api/v1/lan/pairing')).status).toBe(204);
    expect((await as(t, null)('POST', '/api/v1/pair', { code, name: 'Too late' })).status).toBe(401);
    expect((await statusOf(asked.body.ticket)).body).toEqual({ status: 'withdrawn' });
  });

  it('answers 429 with Retry-After after five wrong attempts a minute from one address, while other devices can still ask', async () => {
    const { code } = await offer();
    for (let i = 1; i <= 5; i++) {
      const res = await pairFrom('127.0.0.15', wrongCode(code, i));
      expect(res.status).toBe(401);
      expect(res.json().error.code).toBe('pairing_refused');
    }
    const limited = await pairFrom('127.0.0.15', code);
    expect(limited.status).toBe(429);
    expect(limited.json().error.code).toBe('too_many_attempts');
    expect(limited.headers['retry-after']).toBe('60');
    now += 30_000;
    expect((await pairFrom('127.0.0.15', code)).headers['retry-after']).toBe('30');

    expect((await pairFrom('127.0.0.16', code)).status).toBe(202);
    now += 30_000;
    expect((await pairFrom('127.0.0.15', wrongCode(code))).status).toBe(401);
  });

  it('refuses a malformed pairing request, status ticket or unknown request id with 4xx and needs no token for the device side', async () => {
    const res = await as(t, null)('POST', '/api/v1/pair', { code: '12ab', name: '' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_body');
    for (const body of [{}, { ticket: 'short' }, { ticket: 42 }, 'nonsense']) expect((await as(t, null)('POST', '/api/v1/pair/status', body)).status).toBe(400);
    expect((await statusOf('A'.repeat(43))).status).toBe(404);
    for (const id of ['__proto__', 'constructor', 'req-nope']) {
      expect((await t.api('POST', `/api/v1/lan/pairing/requests/${id}/allow`)).status).toBe(404);
      expect((await t.api('DELETE', `/api/v1/lan/pairing/requests/${id}`)).status).toBe(404);
    }
  });

  it('lets only the producer see and answer waiting devices', async () => {
    const { token } = await pairDevice(t, 'moderator', 'Not the producer');
    const { code } = await offer();
    await ask(code, 'Someone', '127.0.0.10');
    const [request] = await waiting();
    const moderator = as(t, token);
    expect((await moderator('GET', '/api/v1/lan')).status).toBe(403);
    expect((await moderator('POST', `/api/v1/lan/pairing/requests/${request.id}/allow`)).status).toBe(403);
    expect((await as(t, null)('POST', `/api/v1/lan/pairing/requests/${request.id}/allow`)).status).toBe(401);
    expect((await waiting()).map((r) => r.name)).toEqual(['Someone']);
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
