import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { salesReportCsv } from '../../marketplace/sales-report';
import { REPORT_SECURITY_POLICY, salesReportHtml } from '../../marketplace/sales-report-html';
import { COPY_PARTS } from '../../library/show-copy';
import { seasonCsv } from '../../library/season-report';
import { seasonReportHtml } from '../../library/season-report-html';
import { obsChapters } from '../../marketplace/report-chapters';
import { reportLanguageOf } from '../report-request';
import type { StudioShows } from '../../library/studio-shows';
import type { StudioContext } from '../studio-context';
import { ApiError } from '../api-error';
import { parseBody } from '../body';

/** What an imported package may unpack to: a show of a few million orders. */
const PACKAGE_LIMIT = 2 * 1024 * 1024 * 1024;
const ShowId = z.string().min(1).max(64);
const Title = z.string().trim().min(1).max(200);
const NewShow = z.strictObject({ title: Title, from: ShowId.optional(), copy: z.array(z.enum(COPY_PARTS)).max(COPY_PARTS.length).optional() });
const ShowPatch = z
  .strictObject({ title: Title.optional(), archived: z.boolean().optional() })
  .refine((p) => p.title !== undefined || p.archived !== undefined, 'give a title or archived');

/** The show library: list, new, open, rename/archive, and any show's reports; the season spreadsheet. */
export function registerLibraryRoutes(app: FastifyInstance, ctx: StudioContext): void {
  const shows = (): StudioShows => {
    if (!ctx.shows) throw new ApiError(503, 'no_library', 'the show library is not open');
    return ctx.shows;
  };
  const known = (id: string): string => {
    if (!shows().library.get(id)) throw new ApiError(404, 'not_found', `no show ${id}`);
    return id;
  };

  app.get('/api/v1/shows', () => shows().list());

  app.post('/api/v1/shows', async (req, reply) => {
    const input = parseBody(NewShow, req.body);
    return reply.code(201).send(await shows().create(input));
  });

  app.post<{ Params: { id: string } }>('/api/v1/shows/:id/open', async (req) => shows().open(known(req.params.id)));

  app.patch<{ Params: { id: string } }>('/api/v1/shows/:id', async (req) => {
    const id = known(req.params.id);
    return shows().update(id, parseBody(ShowPatch, req.body));
  });

  app.get<{ Params: { id: string } }>('/api/v1/shows/:id/report.csv', async (req, reply) => {
    const { state, sales } = await shows().read(known(req.params.id));
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${req.params.id}-report.csv"`)
      .send(salesReportCsv(state, sales, Date.now()));
  });

  app.get<{ Params: { id: string } }>('/api/v1/shows/:id/report.html', async (req, reply) => {
    const language = reportLanguageOf(req);
    const { state, sales } = await shows().read(known(req.params.id));
    // Chapters come from the media desk, which follows the open show's recordings only.
    const chapters = req.params.id === shows().list().current ? obsChapters(ctx.obs.views(), ctx.media) : undefined;
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', REPORT_SECURITY_POLICY)
      .header('cache-control', 'no-store')
      .header('vary', 'accept-language')
      .send(salesReportHtml(state, sales, Date.now(), { ...language, chapters }));
  });

  const imageCache = () => join(shows().library.dataDir, 'image-cache');

  /** The show as one file for another studio (a gzipped tar with a checksummed manifest). */
  app.get<{ Params: { id: string } }>('/api/v1/shows/:id/package', async (req, reply) => {
    const stream = await shows().exportPackage(known(req.params.id), imageCache());
    return reply
      .header('content-type', 'application/gzip')
      .header('content-disposition', `attachment; filename="${req.params.id}.shopcast-show.tar.gz"`)
      .send(stream);
  });

  // The package arrives as bytes, read as a stream and checked whole before anything is written.
  void app.register(async (scope) => {
    scope.addContentTypeParser(['application/gzip', 'application/octet-stream'], (_req, payload, done) => done(null, payload));
    scope.post('/api/v1/shows/import', async (req, reply) => {
      if (!(req.body instanceof Readable)) throw new ApiError(415, 'unsupported_media_type', 'send the package file as application/gzip');
      return reply.code(201).send(await shows().importPackage(req.body, PACKAGE_LIMIT, imageCache()));
    });
  });

  /** The season on A4: per product across shows and markets, per show its totals and best and worst slot. */
  app.get('/api/v1/reports/shows.html', async (req, reply) => {
    const language = reportLanguageOf(req);
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', REPORT_SECURITY_POLICY)
      .header('cache-control', 'no-store')
      .header('vary', 'accept-language')
      .send(await seasonReportHtml(shows().list().shows, (id) => shows().read(id), Date.now(), language));
  });

  /** `?ids=a,b` picks shows (in that order); without it, every show of the library. */
  app.get<{ Querystring: { ids?: unknown } }>('/api/v1/reports/shows.csv', (req, reply: FastifyReply) => {
    const all = shows().list().shows;
    const ids = typeof req.query.ids === 'string' && req.query.ids !== '' ? req.query.ids.split(',') : null;
    if (ids && ids.length > 10_000) throw new ApiError(400, 'invalid_query', 'ids: at most 10000 shows');
    // The open show's title live (the index catches up within seconds).
    const picked = ids ? ids.map((id) => all.find((s) => s.id === known(id))!) : all;
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="season.csv"')
      .send(Readable.from(seasonCsv(picked, (id) => shows().read(id), Date.now())));
  });
}
