import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStudio, type Studio } from '../../src/main/studio';
import { LiveClient } from '../helpers/test-studio';
import { tempDir } from '../helpers/temp-dir';
import { fakeRendererDir, raw } from './access-helpers';

/** Stands for the machine's address on the studio network: a loopback alias, never a real interface. */
const LAN = '127.0.0.2';

let studio: Studio;
let dataDir: string;
let rendererDir: string;
let cleanup: () => Promise<void>;
let port: number;
const start = async () => {
  studio = await startStudio({ dataDir, port: 0, marketplace: { kind: 'none' }, lanAddresses: [LAN], rendererDir });
  port = studio.port;
};
const owner = (extra: Record<string, string> = {}) => ({ authorization: `Bearer ${studio.token}`, ...extra });
/** The owner's API on the loopback address. */
const api = async (method: string, path: string, body?: unknown) => {
  const res = await raw(port, method, path, { headers: owner(), body });
  return { status: res.status, body: res.body ? res.json() : null };
};
const viaLan = (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) => raw(port, method, path, { address: LAN, headers, body });
const liveViaLan = (headers: Record<string, string> = {}) => LiveClient.connect(`ws://${LAN}:${port}/api/v1/live?token=${studio.token}`, headers);

async function refusedConnection(): Promise<string> {
  const err = await viaLan('GET', '/api/v1/health').then(
    () => null,
    (e: NodeJS.ErrnoException) => e
  );
  return err?.code ?? 'answered';
}

beforeAll(async () => {
  ({ dir: dataDir, cleanup } = await tempDir('shopcast-lan-'));
  rendererDir = await fakeRendererDir(dataDir);
  await start();
});
afterAll(async () => {
  await studio.close();
  await cleanup();
});

describe('LAN mode', () => {
  it('is off by default: nothing listens on the LAN address', async () => {
    expect((await api('GET', '/api/v1/lan')).body).toEqual({ enabled: false, urls: [], pairing: null, requests: [] });
    expect(await refusedConnection()).toBe('ECONNREFUSED');
  });

  it('when turned on, serves the control room, the pairing page and the API on the LAN address', async () => {
    const on = await api('PUT', '/api/v1/lan', { enabled: true });
    expect(on.status).toBe(200);
    expect(on.body).toEqual({ enabled: true, urls: [`http://${LAN}:${port}/`], pairing: null, requests: [] });

    const page = await viaLan('GET', '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Shopcast control room');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await viaLan('GET', '/pair')).body).toContain('Shopcast control room');
    const show = await viaLan('GET', '/api/v1/show', owner());
    expect(show.status).toBe(200);
    expect(show.json().revision).toBe(0);
    expect((await viaLan('GET', '/api/v1/show')).status).toBe(401);
    // A page served from the LAN address may call the API (same origin).
    expect((await viaLan('GET', '/api/v1/show', owner({ origin: `http://${LAN}:${port}` }))).status).toBe(200);
  });

  it('accepts the machine\'s name and its .local name as Host while LAN mode is on', async () => {
    for (const name of [hostname(), `${hostname()}.local`]) {
      expect((await viaLan('GET', '/api/v1/health', { host: `${name}:${port}` })).status).toBe(200);
    }
  });

  it('points the pairing QR code at the LAN address', async () => {
    const pairing = await api('POST', '/api/v1/lan/pairing', {});
    expect(pairing.body.role).toBe('moderator');
    expect(pairing.body.url).toBe(`http://${LAN}:${port}/pair#code=${pairing.body.code}`);
    expect((await api('GET', '/api/v1/lan')).body.pairing.code).toBe(pairing.body.code);
  });

  it('refuses a rebinding Host name with 421 on HTTP and on the WebSocket', async () => {
    const res = await viaLan('GET', '/api/v1/show', owner({ host: `evil.example:${port}` }));
    expect(res.status).toBe(421);
    expect(res.json().error.code).toBe('unknown_host');
    await expect(liveViaLan({ host: `evil.example:${port}` })).rejects.toThrow(/421/);
  });

  it('refuses a foreign Origin with 403 on HTTP and on the WebSocket', async () => {
    const res = await viaLan('GET', '/api/v1/show', owner({ origin: 'http://evil.example' }));
    expect(res.status).toBe(403);
    expect(res.json().error.code).toBe('forbidden_origin');
    await expect(liveViaLan({ origin: 'http://evil.example' })).rejects.toThrow(/403/);
    await expect(liveViaLan({ origin: `http://${LAN}:${port + 1}` })).rejects.toThrow(/403/);
  });

  it('when turned off, closes the listener and its open sockets, forgets the LAN name and drops the pairing code', async () => {
    const live = await liveViaLan({ origin: `http://${LAN}:${port}` });
    await live.next((m) => m.type === 'snapshot');
    const closed = new Promise((resolve) => live.socket.once('close', resolve));

    const off = await api('PUT', '/api/v1/lan', { enabled: false });
    expect(off.body).toEqual({ enabled: false, urls: [], pairing: null, requests: [] });
    await closed;
    expect(await refusedConnection()).toBe('ECONNREFUSED');
    // Through the loopback listener, the LAN address is a foreign name again.
    expect((await raw(port, 'GET', '/api/v1/health', { headers: { host: `${LAN}:${port}` } })).status).toBe(421);
    expect((await raw(port, 'GET', '/api/v1/health', { headers: { host: `${hostname()}.local:${port}` } })).status).toBe(421);
  });

  it('keeps the setting across a restart', async () => {
    expect((await api('PUT', '/api/v1/lan', { enabled: true })).status).toBe(200);
    await studio.close();
    expect(await refusedConnection()).toBe('ECONNREFUSED');
    await start();
    expect((await api('GET', '/api/v1/lan')).body.enabled).toBe(true);
    expect((await viaLan('GET', '/api/v1/health')).status).toBe(200);
  });

  it('refuses a body that is not { enabled: boolean } with 400', async () => {
    const res = await api('PUT', '/api/v1/lan', { enabled: 'yes' });
    expect(res.status).toBe(400);
  });
});

describe('a studio started on its LAN address (serve --host)', () => {
  it('is in LAN mode from the start, and LAN mode cannot be turned off without a restart', async () => {
    const { dir, cleanup: remove } = await tempDir('shopcast-lan-host-');
    const onLan = await startStudio({ dataDir: dir, host: LAN, port: 0, marketplace: { kind: 'none' }, lanAddresses: [LAN] });
    try {
      const lanApi = (method: string, body?: unknown) => raw(onLan.port, method, '/api/v1/lan', { address: LAN, headers: { authorization: `Bearer ${onLan.token}` }, body });
      expect((await lanApi('GET')).json()).toEqual({ enabled: true, urls: [`http://${LAN}:${onLan.port}/`], pairing: null, requests: [] });
      const off = await lanApi('PUT', { enabled: false });
      expect(off.status).toBe(409);
      expect(off.json().error.code).toBe('lan_fixed_by_host');
    } finally {
      await onLan.close();
      await remove();
    }
  });
});
