import type { FastifyInstance } from 'fastify';
import type { StudioContext } from '../studio-context';

/**
 * The graphics list. Creating, editing, deleting, showing and hiding are commands: their routes
 * (`POST /api/v1/graphics`, `POST /api/v1/graphics/:graphicId/show`…) come from the command registry,
 * each one URL, so a Stream Deck key can show or hide a graphic.
 */
export function registerGraphicsRoutes(app: FastifyInstance, ctx: StudioContext): void {
  app.get('/api/v1/graphics', async () => ({ graphics: ctx.view().graphics ?? [] }));
}
