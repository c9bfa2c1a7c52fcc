import type { FastifyInstance } from 'fastify';
import type { StudioContext } from '../studio-context';

/**
 * A Stream Deck's "skip" key: `rundown.next` under a second path, answering the clock's figures too.
 * Plan, hold, extend and host messages are registry commands (../../../shared/command-registry).
 */
export function registerTimingRoutes(app: FastifyInstance, ctx: StudioContext): void {
  app.post('/api/v1/rundown/skip', async (req) => {
    const result = await ctx.execute(req, { type: 'rundown.next' });
    const view = ctx.view();
    return { revision: result.revision, onAir: view.onAir, timing: view.timing };
  });
}
