import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStudio, type Studio } from '../../src/main/studio';
import { LiveClient } from '../helpers/test-studio';
import { tempDir } from '../helpers/temp-dir';
import { fakeRendererDir, raw } from './access-helpers';

/** Stands for the machine's address on the studio network: a loopback alias, never a real interface. */
const LAN = '127.0.0.2';

interface Trickle {
  socket: Socket;
  /** Everything the server sent. */
  answer: () => string;
  /** Milliseconds from connecting until the server closed the connection. */
  closed: Promise<number>;
  stop(): void;
}

/**
 * A raw client that sends `head` and then one byte of `drip` every `everyMs`, for as long as the
 * server lets it: a slowloris.
 */
function trickle(port: number, head: string, drip: string, everyMs: number, address = '127.0.0.1'): Trickle {
  const socket = connect({ host: address, port });
  const started = Date.now();
  let answer = '';
  let sent = 0;
  socket.setEncoding('utf8');
  socket.on('data', (c: string) => (answer += c));
  socket.on('error', () => {});
  const timer = setInterval(() => {
    if (socket.destroyed || !socket.writable) return;
    socket.write(drip[sent++ % drip.length]);
  }, everyMs);
  socket.write(head);
  const closed = new Promise<number>((resolve) =>
    socket.once('close', () => {
      clearInterval(timer);
      resolve(Date.now() - started);
    })
  );
  return { socket, answer: () => answer, closed, stop: () => (clearInterval(timer), socket.destroy()) };
}

/** Connects and waits: resolves 'open' once connected and still open after `settleMs`, 'closed' if the server closed it. */
function holdConnection(port: number, from: string, settleMs = 300): Promise<{ state: 'open' | 'closed'; socket: Socket }> {
  return new Promise((resolve) => {
    const socket = connect({ host: LAN, port, localAddress: from });
    socket.on('error', () => {});
    socket.once('close', () => resolve({ state: 'closed', socket }));
    socket.once('connect', () => setTimeout(() => !socket.destroyed && resolve({ state: 'open', socket }), settleMs));
  });
}

describe('slow clients', () => {
  const REQUEST_MS = 2500;
  let studio: Studio;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const made = await tempDir('shopcast-limits-');
    cleanup = made.cleanup;
    studio = await startStudio({
      dataDir: made.dir,
      port: 0,
      marketplace: { kind: 'none' },
      rendererDir: await fakeRendererDir(made.dir),
      clientLimits: { headersTimeoutMs: 1000, requestTimeoutMs: REQUEST_MS, idleTimeoutMs: REQUEST_MS, checkEveryMs: 100 }
    });
  });
  afterAll(async () => {
    await studio.close();
    await cleanup();
  });
  const post = (path: string, length: number, token: string | null) =>
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${studio.port}\r\n${token ? `Authorization: Bearer ${token}\r\n` : ''}Content-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

  it('cuts off a body sent a byte at a time once the whole-request limit passes, with 408', async () => {
    const slow = trickle(studio.port, post('/api/v1/rundown/items', 10_000, studio.token), '{"productId":"x"}', 100);
    const after = await slow.closed;
    expect(slow.answer()).toMatch(/^HTTP\/1\.1 408/);
    expect(after).toBeGreaterThanOrEqual(REQUEST_MS - 200);
    expect(after).toBeLessThan(REQUEST_MS + 1500);
  });

  it('cuts off headers sent a byte at a time once the headers limit passes', async () => {
    const slow = trickle(studio.port, 'GET /api/v1/health HTTP/1.1\r\n', 'X-Slow: a\r\n', 100);
    expect(await slow.closed).toBeLessThan(1000 + 1500);
    expect(slow.answer()).not.toContain('200 OK');
  });

  it('closes the connection as soon as it refused a request whose body is still coming (401)', async () => {
    const slow = trickle(studio.port, post('/api/v1/products/import', 1_000_000, null), 'a', 100);
    const after = await slow.closed;
    expect(slow.answer()).toMatch(/^HTTP\/1\.1 401/);
    expect(slow.answer().toLowerCase()).toContain('connection: close');
    // Long before the whole-request limit: the rest of the body is not waited for.
    expect(after).toBeLessThan(REQUEST_MS - 1000);
  });

  it('keeps a quiet live feed open past every request limit', async () => {
    const live = await LiveClient.connect(`ws://127.0.0.1:${studio.port}/api/v1/live?token=${studio.token}`);
    try {
      await new Promise((resolve) => setTimeout(resolve, REQUEST_MS + 800));
      expect(live.socket.readyState).toBe(live.socket.OPEN);
      const res = await raw(studio.port, 'PATCH', '/api/v1/show', { headers: { authorization: `Bearer ${studio.token}` }, body: { title: 'Still here' } });
      expect(res.status).toBe(200);
      await live.next((m) => JSON.stringify(m).includes('Still here'));
    } finally {
      live.close();
    }
  });
});

describe('greedy clients on the studio network', () => {
  let studio: Studio;
  let cleanup: () => Promise<void>;
  const held: Socket[] = [];
  beforeAll(async () => {
    const made = await tempDir('shopcast-cap-');
    cleanup = made.cleanup;
    studio = await startStudio({ dataDir: made.dir, port: 0, marketplace: { kind: 'none' }, lanAddresses: [LAN], rendererDir: await fakeRendererDir(made.dir) });
    const on = await raw(studio.port, 'PUT', '/api/v1/lan', { headers: { authorization: `Bearer ${studio.token}` }, body: { enabled: true } });
    expect(on.status).toBe(200);
  });
  afterAll(async () => {
    for (const socket of held) socket.destroy();
    await studio.close();
    await cleanup();
  });

  it('refuses the 33rd simultaneous connection from one address, while other addresses and this machine still get in', async () => {
    const greedy = '127.0.0.5';
    for (let i = 0; i < 32; i++) {
      const { state, socket } = await holdConnection(studio.port, greedy, 0);
      held.push(socket);
      expect(state, `connection ${i + 1}`).toBe('open');
    }
    const extra = await holdConnection(studio.port, greedy);
    expect(extra.state).toBe('closed');

    const other = await raw(studio.port, 'GET', '/api/v1/health', { address: LAN, from: '127.0.0.6' });
    expect(other.status).toBe(200);
    const here = await raw(studio.port, 'GET', '/api/v1/health');
    expect(here.status).toBe(200);

    // One of the 32 goes: the address may connect again.
    const gone = held.pop()!;
    await new Promise<void>((resolve) => {
      gone.once('close', () => resolve());
      gone.destroy();
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const again = await raw(studio.port, 'GET', '/api/v1/health', { address: LAN, from: greedy });
    expect(again.status).toBe(200);
  });
});
