import { request as httpRequest } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DeviceView, Role } from '../../src/shared/access';
import type { TestStudio } from '../helpers/test-studio';

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json<T = any>(): T;
}

export interface RawOptions {
  /** The address to connect to (default 127.0.0.1). */
  address?: string;
  /** The local address to send from: stands for another device on the network. */
  from?: string;
  headers?: Record<string, string>;
  body?: unknown;
}

/** One HTTP request with full control over the addresses and headers (Host, Origin). */
export function raw(port: number, method: string, path: string, options: RawOptions = {}): Promise<RawAnswer> {
  const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const headers: Record<string, string> = {
    host: `${options.address ?? '127.0.0.1'}:${port}`,
    ...(body !== undefined && { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }),
    ...options.headers
  };
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: options.address ?? '127.0.0.1', port, method, path, headers, localAddress: options.from, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, json: () => JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The studio's API as a given token (or none) sees it. */
export function as(t: TestStudio, token: string | null) {
  return (method: string, path: string, body?: unknown) => t.api(method, path, body, token === null ? { authorization: '' } : { authorization: `Bearer ${token}` });
}

/**
 * The whole handover: the producer offers a code for `role`, the device asks with it, the producer
 * allows the waiting device, the device collects its token.
 */
export async function pairDevice(t: TestStudio, role: Role, name = `${role} tablet`): Promise<{ token: string; device: DeviceView }> {
  const offer = await t.api('POST', '/api/v1/lan/pairing', { role });
  if (offer.status !== 200) throw new Error(`pairing offer refused: ${JSON.stringify(offer.body)}`);
  const asked = await as(t, null)('POST', '/api/v1/pair', { code: offer.body.code, name });
  if (asked.status !== 202) throw new Error(`pairing refused: ${JSON.stringify(asked.body)}`);
  await allowWaiting(t, name);
  const collected = await as(t, null)('POST', '/api/v1/pair/status', { ticket: asked.body.ticket });
  if (collected.body.status !== 'allowed') throw new Error(`token not handed over: ${JSON.stringify(collected.body)}`);
  return { token: collected.body.token, device: collected.body.device };
}

/** The producer allows the device waiting under this name (as the desk's Allow button does). */
export async function allowWaiting(t: TestStudio, name: string): Promise<DeviceView> {
  const lan = await t.api('GET', '/api/v1/lan');
  const request = (lan.body.requests as { id: string; name: string }[]).find((r) => r.name === name);
  if (!request) throw new Error(`no device named ${name} is waiting: ${JSON.stringify(lan.body.requests)}`);
  const allowed = await t.api('POST', `/api/v1/lan/pairing/requests/${request.id}/allow`);
  if (allowed.status !== 201) throw new Error(`allowing refused: ${JSON.stringify(allowed.body)}`);
  return allowed.body.device;
}

/** A stand-in for the built control room: the server serves whatever index.html the renderer dir holds. */
export async function fakeRendererDir(dir: string): Promise<string> {
  const rendererDir = join(dir, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Shopcast control room</title><div id="root"></div>');
  return rendererDir;
}

/** A code that is not the one on offer. */
export const wrongCode = (code: string, n = 1): string => String((Number(code) + n) % 1_000_000).padStart(6, '0');
