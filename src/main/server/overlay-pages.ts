import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { OVERLAY_NAMES } from '../../shared/overlays';
import { OVERLAY_SECURITY_POLICY } from './content-security';
import { sendFile } from './static-files';
import { resolveInside } from '../common/path-safety';

export const isOverlayPage = (path: string): boolean => /^\/overlay\/[a-z]+$/.test(path);

/**
 * `/overlay/:name?locale=&token=`: one small page for every widget, loaded by OBS browser sources
 * and by the control room's preview. The page reads its name, locale and token from its address.
 */
export function registerOverlayPages(app: FastifyInstance, rendererDir: string): void {
  app.get('/overlay/:name', (req, reply) => {
    const { name } = req.params as { name: string };
    if (!(OVERLAY_NAMES as readonly string[]).includes(name)) {
      return reply.code(404).send({ error: { code: 'not_found', message: `no overlay "${name}"; there are ${OVERLAY_NAMES.join(', ')}` } });
    }
    reply.header('content-security-policy', OVERLAY_SECURITY_POLICY).header('x-frame-options', 'SAMEORIGIN');
    return sendFile(reply, join(rendererDir, 'overlay.html'), 'no-cache');
  });
  // The page's relative asset paths resolve under /overlay/.
  app.get('/overlay/assets/*', (req, reply) =>
    sendFile(reply, resolveInside(join(rendererDir, 'assets'), (req.params as { '*': string })['*']), 'public, max-age=31536000, immutable')
  );
}
