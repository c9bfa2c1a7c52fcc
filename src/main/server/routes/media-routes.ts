import { createReadStream, promises as fsp } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ClipRequest, RecordingFolder, RecordingsAction } from '../../../shared/media';
import { MediaDesk, MediaError, type PastShow } from '../../media/media-desk';
import { ApiError } from '../api-error';
import { parseBody } from '../body';
import type { StudioContext } from '../studio-context';

/** The show's id in paths: `current` (the show the studio runs), or the id of any show of the library. */
const CURRENT_SHOW = 'current';

/** Chapters and clips of OBS's recordings (API.md "Chapters and clips"). */
export function registerMediaRoutes(app: FastifyInstance, ctx: StudioContext): void {
  const param = (req: FastifyRequest, name: string) => String((req.params as Record<string, string>)[name]);

  app.get('/api/v1/shows/:id/chapters.txt', async (req, reply) => {
    const id = param(req, 'id');
    const library = ctx.shows?.library;
    // Ids are looked up in the library's Map: `toString` or `__proto__` is no show.
    if (id !== CURRENT_SHOW && !library?.get(id)) throw new ApiError(404, 'not_found', `no show ${id}`);
    const connection = (req.query as Record<string, unknown>).connection;
    if (typeof connection !== 'string' || connection === '') throw new ApiError(400, 'invalid_query', 'give ?connection=OBS_CONNECTION_ID');
    // Another show of the library: its own recordings and pins, from its own journal (read only).
    const past = id === CURRENT_SHOW || id === library!.current ? undefined : await pastShow(ctx, id);
    const text = media(() => ctx.media.chapters(connection, past));
    return reply.type('text/plain; charset=utf-8').send(text);
  });

  app.get('/api/v1/clips', () => ctx.media.view());

  // Every OBS at once (one per language channel), each answered on its own: one OBS away stops no other.
  app.post('/api/v1/recordings', async (req) => {
    const { action, connectionId } = parseBody(RecordingsAction, req.body);
    const ids = ctx.obs.views().map((c) => c.id).filter((id) => connectionId === undefined || id === connectionId);
    if (connectionId !== undefined && ids.length === 0) throw new ApiError(404, 'not_found', `no OBS connection ${connectionId}`);
    const results = await Promise.all(
      ids.map((id) =>
        // An OBS that is not connected refuses at once (a throw, not a rejection): answered like the rest.
        Promise.resolve()
          .then(() => ctx.obs.get(id).output('record', action))
          .then(
          () => ({ connectionId: id, ok: true, error: null }),
          (err: unknown) => ({ connectionId: id, ok: false, error: (err as Error).message })
        )
      )
    );
    return { results };
  });

  app.post('/api/v1/clips', async (req, reply) => {
    const { connectionId, exact } = parseBody(ClipRequest, req.body);
    return reply.code(202).send({ clips: media(() => ctx.media.cut(connectionId, exact ?? false)) });
  });

  app.get('/api/v1/clips/:id', (req) => clip(ctx, param(req, 'id')));

  app.post('/api/v1/clips/:id/cancel', (req) => {
    clip(ctx, param(req, 'id'));
    return { cancelled: ctx.media.cancel(param(req, 'id')), clip: clip(ctx, param(req, 'id')) };
  });

  app.get('/api/v1/clips/:id/file', async (req, reply) => {
    const view = clip(ctx, param(req, 'id'));
    const file = ctx.media.file(view.id);
    if (!file) throw new ApiError(409, 'not_ready', `clip ${view.id} is ${view.status}, not done`);
    return sendVideo(req, reply, file, `${view.id}-${view.productId}-${view.locale}.mp4`);
  });

  app.put('/api/v1/clips/folders/:connectionId', async (req) => {
    const { folder } = parseBody(RecordingFolder, req.body);
    if (!ctx.obs.views().some((c) => c.id === param(req, 'connectionId'))) throw new ApiError(404, 'not_found', `no OBS connection ${param(req, 'connectionId')}`);
    if (folder !== null && !(await fsp.stat(folder).then((s) => s.isDirectory(), () => false))) {
      throw new ApiError(400, 'invalid_body', `folder: ${folder} is not a folder this computer can read`);
    }
    await ctx.recordingFolders.set(param(req, 'connectionId'), folder);
    return { connectionId: param(req, 'connectionId'), folder };
  });
}

/** A show of the library that is not open; one that no longer replays is said so, not a 500. */
async function pastShow(ctx: StudioContext, id: string): Promise<PastShow> {
  const shows = ctx.shows!;
  try {
    return MediaDesk.pastShow(shows.library.dirOf(id), (await shows.read(id)).state);
  } catch (err) {
    throw new ApiError(409, 'show_unreadable', `${id} cannot be read: ${(err as Error).message}`);
  }
}

function clip(ctx: StudioContext, id: string) {
  const view = ctx.media.clip(id);
  if (!view) throw new ApiError(404, 'not_found', `no clip ${id}`);
  return view;
}

function media<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof MediaError) throw new ApiError(err.status, err.code, err.message);
    throw err;
  }
}

/** The file, or the byte range a player asks for (seeking in a preview, resuming a download). */
async function sendVideo(req: FastifyRequest, reply: FastifyReply, file: string, name: string): Promise<FastifyReply> {
  const { size } = await fsp.stat(file);
  reply.header('Accept-Ranges', 'bytes').header('Content-Disposition', `inline; filename="${name.replace(/[^\w.-]/g, '_')}"`).type('video/mp4');
  const range = /^bytes=(\d*)-(\d*)$/.exec(String(req.headers.range ?? ''));
  if (!req.headers.range || !range || (range[1] === '' && range[2] === '')) {
    return reply.header('Content-Length', size).send(createReadStream(file));
  }
  // `bytes=-N` is the last N bytes.
  let start = range[1] === '' ? Math.max(0, size - Number(range[2])) : Number(range[1]);
  let end = range[1] === '' || range[2] === '' ? size - 1 : Math.min(Number(range[2]), size - 1);
  if (start >= size || start > end) return reply.code(416).header('Content-Range', `bytes */${size}`).send();
  start = Math.max(0, start);
  end = Math.max(start, end);
  return reply
    .code(206)
    .header('Content-Range', `bytes ${start}-${end}/${size}`)
    .header('Content-Length', end - start + 1)
    .send(createReadStream(file, { start, end }));
}
