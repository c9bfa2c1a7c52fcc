import type { FastifyInstance } from 'fastify';
import type { StudioContext } from '../studio-context';
import { bodyObject } from '../body';
import { ApiError } from '../api-error';

export function registerRundownRoutes(app: FastifyInstance, ctx: StudioContext): void {
  app.post('/api/v1/rundown/items', async (req, reply) => {
    const result = await ctx.execute(req, { ...bodyObject(req.body), type: 'rundown.add' });
    const added = result.events.find((e) => e.type === 'rundown.itemAdded');
    const item = added && ctx.view().rundown.find((i) => i.id === added.item.id);
    if (!item) throw new ApiError(409, 'conflict', 'the item was removed before it could be returned');
    return reply.code(201).send({ ...item, revision: result.revision });
  });

  app.delete('/api/v1/rundown/items/:id', async (req) => {
    const { id } = req.params as { id: string };
    const result = await ctx.execute(req, { ...bodyObject(req.body), type: 'rundown.remove', itemId: id });
    return { revision: result.revision };
  });

  app.post('/api/v1/rundown/items/:id/move', async (req) => {
    const { id } = req.params as { id: string };
    const result = await ctx.execute(req, { ...bodyObject(req.body), type: 'rundown.move', itemId: id });
    return { revision: result.revision };
  });

  const onAirAction = (path: string, type: string) =>
    app.post(path, async (req) => {
      const result = await ctx.execute(req, { ...bodyObject(req.body), type });
      return { revision: result.revision, onAir: ctx.view().onAir };
    });
  onAirAction('/api/v1/rundown/pin', 'rundown.pin');
  onAirAction('/api/v1/rundown/next', 'rundown.next');
  onAirAction('/api/v1/rundown/previous', 'rundown.previous');
  onAirAction('/api/v1/rundown/unpin', 'rundown.unpin');
}
