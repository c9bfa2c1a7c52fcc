import type { FastifyInstance } from 'fastify';
import { SECURITY_HEADERS } from './content-security';
import { closesAfterAnswer } from './client-limits';

/** Every answer, JSON errors included, carries the policy: a page is never framed or sniffed. */
export function addSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) if (!reply.hasHeader(name)) reply.header(name, value);
    // Answered before the body was read (refused, or too large): the rest is not waited for.
    if (closesAfterAnswer(req.raw)) reply.header('connection', 'close');
  });
}
