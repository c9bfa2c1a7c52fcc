import { request as httpRequest } from 'node:http';
import { expect } from 'vitest';
import WebSocket from 'ws';
import { startStudio, type Studio, type StudioOptions } from '../../src/main/studio';
import type { LiveMessage } from '../../src/shared/view';
import { tempDir } from './temp-dir';

export interface TestStudio {
  studio: Studio;
  dataDir: string;
  api<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T; headers: Headers }>;
  stop(): Promise<void>;
}

/** The rundown item of a product (the first, when it is in the rundown twice). */
export async function itemOfProduct(t: TestStudio, productId: string): Promise<string> {
  const { body } = await t.api('GET', '/api/v1/show');
  const item = (body.rundown as { id: string; productId: string }[]).find((i) => i.productId === productId);
  expect(item, `${productId} in the rundown`).toBeDefined();
  return item!.id;
}

/** Pins a product's rundown item, as an operator does, and checks the studio took it. */
export async function pinProduct(t: TestStudio, productId: string): Promise<void> {
  expect((await t.api('POST', '/api/v1/rundown/pin', { itemId: await itemOfProduct(t, productId) })).status).toBe(200);
}

/** A real studio on a free loopback port with its own data dir. */
export async function startTestStudio(options: Partial<StudioOptions> = {}): Promise<TestStudio> {
  const { dir, cleanup } = await tempDir('shopcast-api-');
  // No simulated sales unless a test asks for them: they would move stock under its feet.
  const studio = await startStudio({ dataDir: dir, port: 0, marketplace: { kind: 'none' }, ...options });
  return {
    studio,
    dataDir: dir,
    async api(method, path, body, headers = {}) {
      const isText = typeof body === 'string';
      const res = await fetch(`${studio.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${studio.token}`,
          ...(body !== undefined && { 'content-type': isText ? 'text/csv' : 'application/json' }),
          ...headers
        },
        body: body === undefined ? undefined : isText ? body : JSON.stringify(body)
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, body: parsed as any, headers: res.headers };
    },
    async stop() {
      await studio.close();
      await cleanup();
    }
  };
}

/** A raw HTTP request, for headers fetch will not let a caller set (Host). */
export function rawRequest(port: number, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A live-feed client that collects messages and can wait for one matching a predicate. */
export class LiveClient {
  readonly messages: LiveMessage[] = [];
  private waiters: { test: (m: LiveMessage) => boolean; resolve: (m: LiveMessage) => void }[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const msg = JSON.parse(String(data)) as LiveMessage;
      this.messages.push(msg);
      this.waiters = this.waiters.filter((w) => (w.test(msg) ? (w.resolve(msg), false) : true));
    });
  }

  static connect(url: string, headers: Record<string, string> = {}): Promise<LiveClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { headers });
      const client = new LiveClient(socket);
      socket.once('open', () => resolve(client));
      socket.once('unexpected-response', (req, res) => {
        req.destroy();
        reject(new Error(`refused with ${res.statusCode}`));
      });
      socket.once('error', reject);
    });
  }

  next(test: (m: LiveMessage) => boolean, timeoutMs = 5000): Promise<LiveMessage> {
    const seen = this.messages.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no matching live message')), timeoutMs);
      this.waiters.push({ test, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }

  close(): void {
    this.socket.close();
  }
}

export const liveUrl = (studio: Studio, token = studio.token) => `ws://127.0.0.1:${studio.port}/api/v1/live?token=${encodeURIComponent(token)}`;
