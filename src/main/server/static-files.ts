import { createReadStream, promises as fsp } from 'node:fs';
import { extname, join } from 'node:path';
import { resolveInside } from '../common/path-safety';

export { resolveInside };
import type { FastifyInstance, FastifyReply } from 'fastify';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2'
};


export async function sendFile(reply: FastifyReply, file: string | null, cacheControl: string): Promise<FastifyReply> {
  const stat = file ? await fsp.stat(file).catch(() => null) : null;
  if (!file || !stat?.isFile()) return reply.code(404).send({ error: { code: 'not_found', message: 'no such file' } });
  return reply
    .header('content-type', TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream')
    .header('content-length', stat.size)
    .header('cache-control', cacheControl)
    .send(createReadStream(file));
}

/** The control room (built renderer) at `/`, and bundled media (demo product images) at `/media/`. */
export function registerStaticFiles(app: FastifyInstance, rendererDir: string, mediaDirs: Record<string, string>): void {
  app.get('/', (_req, reply) => sendFile(reply, join(rendererDir, 'index.html'), 'no-cache'));
  app.get('/assets/*', (req, reply) => {
    const rest = (req.params as { '*': string })['*'];
    // Built assets carry a content hash in their names: they never change under the same URL.
    return sendFile(reply, resolveInside(join(rendererDir, 'assets'), rest), 'public, max-age=31536000, immutable');
  });
  app.get('/media/:collection/*', (req, reply) => {
    const { collection, '*': rest } = req.params as { collection: string; '*': string };
    const root = mediaDirs[collection];
    return sendFile(reply, root ? resolveInside(root, rest) : null, 'public, max-age=3600');
  });
}
