import type { FastifyInstance } from 'fastify';
import type { StudioContext } from '../studio-context';
import { bodyObject } from '../body';

export function registerShowRoutes(app: FastifyInstance, ctx: StudioContext): void {
  app.get('/api/v1/show', () => ctx.view());

  app.patch('/api/v1/show', async (req) => {
    const result = await ctx.execute(req, { ...bodyObject(req.body), type: 'show.update' });
    return { revision: result.revision, show: ctx.view() };
  });

  /** The audit trail: who did what, when (newest last). */
  app.get('/api/v1/journal', (req) => {
    const limit = Math.min(Math.max(Number((req.query as { limit?: string }).limit ?? 100) || 100, 1), 500);
    return { entries: ctx.core.recentEntries(limit) };
  });
}
