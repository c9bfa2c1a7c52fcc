import type { FastifyInstance } from 'fastify';
import type { StudioContext } from '../studio-context';
import { bodyObject } from '../body';

/**
 * The planned rundown and the host's monitor: slot lengths, hold / extend / skip for a Stream Deck,
 * and messages to the host.
 */
export function registerTimingRoutes(app: FastifyInstance, ctx: StudioContext): void {
  /** `{ plannedSeconds: 180 | null, autoAdvance?: boolean | null }` */
  app.patch('/api/v1/rundown/items/:id', async (req) => {
    const { id } = req.params as { id: string };
    const body = bodyObject(req.body);
    const result = await ctx.execute(req, { plannedSeconds: body.plannedSeconds, autoAdvance: body.autoAdvance, type: 'rundown.plan', itemId: id });
    return { revision: result.revision, item: ctx.view().rundown.find((i) => i.id === id) ?? null };
  });

  const onAirAction = (path: string, command: (body: Record<string, unknown>) => Record<string, unknown>) =>
    app.post(path, async (req) => {
      const result = await ctx.execute(req, command(bodyObject(req.body)));
      const view = ctx.view();
      return { revision: result.revision, onAir: view.onAir, timing: view.timing };
    });
  // One key each on a Stream Deck: hold the item on air, give it another minute, skip to the next.
  onAirAction('/api/v1/rundown/hold', (body) => ({ release: body.release, type: 'rundown.hold' }));
  onAirAction('/api/v1/rundown/extend', (body) => ({ seconds: body.seconds, type: 'rundown.extend' }));
  onAirAction('/api/v1/rundown/skip', () => ({ type: 'rundown.next' }));

  app.post('/api/v1/host/messages', async (req, reply) => {
    const body = bodyObject(req.body);
    const result = await ctx.execute(req, { text: body.text, type: 'host.message' });
    const sent = result.events.find((e) => e.type === 'host.messageSent');
    return reply.code(201).send({ id: sent?.type === 'host.messageSent' ? sent.message.id : null, revision: result.revision });
  });

  app.delete('/api/v1/host/messages/:id', async (req) => {
    const { id } = req.params as { id: string };
    const result = await ctx.execute(req, { type: 'host.clearMessage', messageId: id });
    return { revision: result.revision };
  });
}
