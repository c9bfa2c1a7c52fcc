import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, connect, type Server } from 'node:net';
import OBSWebSocket from 'obs-websocket-js';
import { freePort, startDisplay, startObs, type ObsInstance, type VirtualDisplay } from '../../helpers/obs-process';
import { startTestStudio, type TestStudio } from '../../helpers/test-studio';
import { until } from '../../helpers/until';
import { STUDIO_SOURCE } from '../../../src/main/obs/studio-canvas';
import type { ObsConnectionView } from '../../../src/shared/obs';

let display: VirtualDisplay;
let polish: ObsInstance;
let german: ObsInstance;
let t: TestStudio;


const view = async (id: string): Promise<ObsConnectionView> => (await t.api('GET', `/api/v1/obs/connections/${id}`)).body;

/** A TCP relay in front of OBS that counts how often the studio knocks. */
function countingRelay(targetPort: number): Promise<{ port: number; connections: () => number; close: () => void }> {
  let count = 0;
  const server: Server = createServer((socket) => {
    count++;
    const upstream = connect(targetPort, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ port: typeof address === 'object' && address ? address.port : 0, connections: () => count, close: () => server.close() });
    })
  );
}

beforeAll(async () => {
  display = await startDisplay();
  [polish, german] = await Promise.all([startObs(display), startObs(display)]);
  t = await startTestStudio();
  await t.api('POST', '/api/v1/products/import', [
    { id: 'lav-01', title: { en: 'Lavender trousers', pl: 'Spodnie lawendowe', de: 'Lavendelhose' }, price: { EUR: 19.99, PLN: 84.99 }, stock: 2 }
  ]);
  await t.api('PATCH', '/api/v1/show', { locales: [{ locale: 'pl-PL', currency: 'PLN' }, { locale: 'de-DE', currency: 'EUR' }] });
  await t.api('POST', '/api/v1/rundown/items', { productId: 'lav-01' });
}, 90_000);

afterAll(async () => {
  await t?.stop();
  await Promise.all([polish?.stop(), german?.stop()]);
  await display?.stop();
});

describe('connections to OBS', () => {
  it('reports a wrong password once, clearly, without retrying in a loop, and connects once it is corrected', async () => {
    const relay = await countingRelay(polish.port);
    const { body: conn } = await t.api('POST', '/api/v1/obs/connections', { name: 'Wrong pass', url: `ws://127.0.0.1:${relay.port}`, password: 'not-it', locale: 'pl-PL' });
    const failed = await until('the refusal', () => view(conn.id), (c) => c.status === 'failed');
    expect(failed.lastError).toMatch(/needs its password/);
    await new Promise((r) => setTimeout(r, 3000));
    expect(relay.connections()).toBe(1);
    expect((await view(conn.id)).status).toBe('failed');

    await t.api('PATCH', `/api/v1/obs/connections/${conn.id}`, { password: polish.password });
    await until('the corrected connection', () => view(conn.id), (c) => c.status === 'identified');
    // The refused attempt, then the link's two sessions (requests, events: see ObsRpc).
    expect(relay.connections()).toBe(3);
    await t.api('DELETE', `/api/v1/obs/connections/${conn.id}`);
    relay.close();
  });

  it('says that OBS needs its password when none was given', async () => {
    const { body: conn } = await t.api('POST', '/api/v1/obs/connections', { name: 'No pass', url: polish.url, locale: 'pl-PL' });
    expect((await until('the refusal', () => view(conn.id), (c) => c.status === 'failed')).lastError).toMatch(/needs its password/);
    await t.api('DELETE', `/api/v1/obs/connections/${conn.id}`);
  });

  it('keeps trying a closed port with backoff and says OBS is not reachable', async () => {
    const port = await freePort();
    const { body: conn } = await t.api('POST', '/api/v1/obs/connections', { name: 'Nobody home', url: `ws://127.0.0.1:${port}`, password: 'x', locale: 'pl-PL' });
    const waiting = await until('backing off', () => view(conn.id), (c) => c.status === 'backing_off');
    expect(waiting.lastError).toMatch(/not reachable/);
    expect(waiting.retryAt).toBeGreaterThan(Date.now() - 1000);
    await t.api('DELETE', `/api/v1/obs/connections/${conn.id}`);
    expect((await t.api('GET', `/api/v1/obs/connections/${conn.id}`)).status).toBe(404);
  });

  it('refuses a connection that is not an obs-websocket address with 400', async () => {
    const res = await t.api('POST', '/api/v1/obs/connections', { name: 'x', url: 'http://example.com', locale: 'pl-PL' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/url/);
  });

  it('drives two OBS at once, each in its own language and currency, from one pin', async () => {
    const added = await Promise.all(
      [
        { name: 'Polski', obs: polish, locale: 'pl-PL' },
        { name: 'Deutsch', obs: german, locale: 'de-DE' }
      ].map(async ({ name, obs, locale }) => (await t.api('POST', '/api/v1/obs/connections', { name, url: obs.url, password: obs.password, locale })).body as ObsConnectionView)
    );
    for (const c of added) {
      await until('identified', () => view(c.id), (v) => v.status === 'identified');
      expect((await t.api('POST', `/api/v1/obs/connections/${c.id}/setup`)).status).toBe(200);
    }
    const { rundown } = (await t.api('GET', '/api/v1/show')).body;
    await t.api('POST', '/api/v1/rundown/pin', { itemId: rundown[0].id });

    const read = async (obs: ObsInstance, input: string) => {
      const probe = new OBSWebSocket();
      await probe.connect(obs.url, obs.password);
      try {
        return String((await probe.call('GetInputSettings', { inputName: input })).inputSettings.text);
      } finally {
        await probe.disconnect();
      }
    };
    await until('both canvases', async () => [await read(polish, STUDIO_SOURCE.title), await read(german, STUDIO_SOURCE.title)], (v) => v[0] === 'Spodnie lawendowe' && v[1] === 'Lavendelhose');
    expect(await read(polish, STUDIO_SOURCE.price)).toBe('84,99\u00a0zł');
    expect(await read(german, STUDIO_SOURCE.price)).toBe('19,99\u00a0€');
    expect(await read(polish, STUDIO_SOURCE.stock)).toBe('Zostały 2 sztuki');
    expect(await read(german, STUDIO_SOURCE.stock)).toBe('Nur noch 2 Stück');
  });

  it('keeps connections and their passwords across a studio restart, without exposing the password', async () => {
    const before = (await t.api('GET', '/api/v1/obs/connections')).body.connections as ObsConnectionView[];
    const { startStudio } = await import('../../../src/main/studio');
    const port = t.studio.port;
    await t.studio.close();
    const again = await startStudio({ dataDir: t.dataDir, port });
    try {
      const res = await fetch(`${again.baseUrl}/api/v1/obs/connections`, { headers: { authorization: `Bearer ${again.token}` } });
      const text = await res.text();
      expect(text).not.toContain(polish.password);
      const after = (JSON.parse(text) as { connections: ObsConnectionView[] }).connections;
      expect(after.map((c) => [c.name, c.locale, c.hasPassword])).toEqual(before.map((c) => [c.name, c.locale, c.hasPassword]));
      await until('reconnected', () => again.obs.views(), (vs) => vs.every((v) => v.status === 'identified' && v.setup.state === 'ready'));
    } finally {
      await again.close();
    }
  });
});
