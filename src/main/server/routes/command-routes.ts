import type { FastifyInstance } from 'fastify';
import { COMMAND_NAMES, COMMANDS, type CommandName, type JsonRoute } from '../../../shared/command-registry';
import type { StudioContext } from '../studio-context';
import { bodyObject } from '../body';
import { ApiError } from '../api-error';

/**
 * Every command with a JSON route, registered from the registry by this one function: the body's
 * fields and the path's `:field` segments make the command, the core checks and runs it, and the
 * entry's `answer` says what the route answers. Upload routes (the catalogue) have their own handler.
 */
export function registerCommandRoutes(app: FastifyInstance, ctx: StudioContext): void {
  for (const name of COMMAND_NAMES) {
    const route = COMMANDS[name].http;
    if (route?.kind === 'json') registerCommandRoute(app, ctx, name, route);
  }
}

function registerCommandRoute(app: FastifyInstance, ctx: StudioContext, name: CommandName, route: JsonRoute<unknown>): void {
  app.route({
    method: route.method,
    url: route.path,
    handler: async (req, reply) => {
      const fields = route.body === false ? {} : bodyObject(req.body);
      // The path's ids and the route's command win over anything the body says.
      const params = req.params as Record<string, string>;
      const result = await ctx.execute(req, { ...fields, ...params, type: name });
      const answer = route.answer({ revision: result.revision, events: result.events, view: () => ctx.view() });
      if (answer === null) throw new ApiError(409, 'conflict', route.gone ?? `what ${name} made is gone again`);
      return reply.code(route.status ?? 200).send(answer);
    }
  });
}
