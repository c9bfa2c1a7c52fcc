import type { FastifyInstance } from 'fastify';
import { ObsConnectionInput, ObsConnectionPatch, ObsOutputAction, ObsSceneSwitch } from '../../../shared/obs';
import { ObsNotFoundError } from '../../obs/obs-manager';
import { ObsClosedError, ObsRequestError, ObsTimeoutError } from '../../obs/obs-rpc';
import { SetupError } from '../../obs/studio-setup';
import { ApiError } from '../api-error';
import { parseBody } from '../body';
import type { StudioContext } from '../studio-context';

/** `/api/v1/obs/connections`: the OBS instances the show drives. Passwords go in, never out. */
export function registerObsRoutes(app: FastifyInstance, ctx: StudioContext): void {
  const base = '/api/v1/obs/connections';
  const id = (req: { params: unknown }) => (req.params as { id: string }).id;

  app.get(base, () => ({ connections: ctx.obs.views() }));

  app.post(base, async (req, reply) => reply.code(201).send(ctx.obs.add(parseBody(ObsConnectionInput, req.body))));

  app.get(`${base}/:id`, (req) => obsCall(() => ctx.obs.get(id(req)).view()));

  app.patch(`${base}/:id`, (req) => obsCall(() => ctx.obs.update(id(req), parseBody(ObsConnectionPatch, req.body))));

  app.delete(`${base}/:id`, async (req) => {
    await obsCall(() => ctx.obs.remove(id(req)));
    return { removed: id(req) };
  });

  app.post(`${base}/:id/setup`, (req) =>
    obsCall(async () => {
      const report = await ctx.obs.setup(id(req));
      return { created: report.created, repaired: report.repaired, mode: report.mode, missing: report.missing, connection: ctx.obs.get(id(req)).view() };
    })
  );

  app.post(`${base}/:id/reconnect`, (req) =>
    obsCall(() => {
      ctx.obs.get(id(req)).reconnect();
      return { ok: true };
    })
  );

  app.post(`${base}/:id/scene`, (req) =>
    obsCall(async () => {
      await ctx.obs.get(id(req)).switchScene(parseBody(ObsSceneSwitch, req.body).sceneName);
      return { ok: true };
    })
  );

  for (const output of ['stream', 'record'] as const) {
    app.post(`${base}/:id/${output}`, (req) =>
      obsCall(async () => {
        await ctx.obs.get(id(req)).output(output, parseBody(ObsOutputAction, req.body).action);
        return { ok: true };
      })
    );
  }
}

/** OBS's refusals as the caller's errors: unknown id 404, OBS away 503, OBS said no 409. */
async function obsCall<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ObsNotFoundError) throw new ApiError(404, 'not_found', err.message);
    if (err instanceof SetupError) throw new ApiError(409, 'obs_setup_failed', err.message);
    if (err instanceof ObsRequestError) throw new ApiError(409, 'obs_refused', `OBS refused: ${err.message}`);
    if (err instanceof ObsClosedError || err instanceof ObsTimeoutError) throw new ApiError(503, 'obs_unavailable', err.message);
    throw err;
  }
}
