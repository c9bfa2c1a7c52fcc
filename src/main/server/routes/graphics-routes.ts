import type { FastifyInstance } from 'fastify';
import type { StudioContext } from '../studio-context';
import { bodyObject } from '../body';
import { ApiError } from '../api-error';

/**
 * Announcements, coupons and lower thirds: producers prepare them (create, edit, delete), moderators
 * also show and hide them (the core's roles decide). Each is one URL, so a Stream Deck key can
 * show or hide a graphic.
 */
export function registerGraphicsRoutes(app: FastifyInstance, ctx: StudioContext): void {
  const graphic = (id: string) => {
    const found = (ctx.view().graphics ?? []).find((g) => g.id === id);
    if (!found) throw new ApiError(409, 'conflict', `graphic "${id}" was deleted before it could be returned`);
    return found;
  };
  const idOf = (params: unknown) => (params as { id: string }).id;

  app.get('/api/v1/graphics', async () => ({ graphics: ctx.view().graphics ?? [] }));

  app.post('/api/v1/graphics', async (req, reply) => {
    const result = await ctx.execute(req, { ...bodyObject(req.body), type: 'graphics.create' });
    const created = result.events.find((e) => e.type === 'graphic.created');
    if (created?.type !== 'graphic.created') throw new ApiError(409, 'conflict', 'the graphic was not created');
    return reply.code(201).send({ ...graphic(created.graphic.id), revision: result.revision });
  });

  app.patch('/api/v1/graphics/:id', async (req) => {
    const id = idOf(req.params);
    const result = await ctx.execute(req, { ...bodyObject(req.body), type: 'graphics.edit', graphicId: id });
    return { ...graphic(id), revision: result.revision };
  });

  app.delete('/api/v1/graphics/:id', async (req) => {
    const result = await ctx.execute(req, { type: 'graphics.delete', graphicId: idOf(req.params) });
    return { revision: result.revision };
  });

  app.post('/api/v1/graphics/:id/show', async (req) => {
    const id = idOf(req.params);
    const { seconds } = bodyObject(req.body);
    const result = await ctx.execute(req, { type: 'graphics.show', graphicId: id, ...(seconds !== undefined && { seconds }) });
    return { ...graphic(id), revision: result.revision };
  });

  app.post('/api/v1/graphics/:id/hide', async (req) => {
    const id = idOf(req.params);
    // The timer's `hidesAt` is the studio's own: a caller always hides now.
    const result = await ctx.execute(req, { type: 'graphics.hide', graphicId: id });
    return { ...graphic(id), revision: result.revision };
  });
}
