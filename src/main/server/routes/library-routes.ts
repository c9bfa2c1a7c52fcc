import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { salesReportCsv } from '../../marketplace/sales-report';
import { REPORT_SECURITY_POLICY, salesReportHtml } from '../../marketplace/sales-report-html';
import { COPY_PARTS } from '../../library/show-copy';
import { seasonCsv } from '../../library/season-report';
import type { StudioShows } from '../../library/studio-shows';
import type { StudioContext } from '../studio-context';
import { ApiError } from '../api-error';
import { parseBody } from '../body';

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
    const { state, sales } = await shows().read(known(req.params.id));
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', REPORT_SECURITY_POLICY)
      .header('cache-control', 'no-store')
      .send(salesReportHtml(state, sales, Date.now()));
  });

  /** `?ids=a,b` picks shows (in that order); without it, every show of the library. */
  app.get<{ Querystring: { ids?: unknown } }>('/api/v1/reports/shows.csv', (req, reply: FastifyReply) => {
    const library = shows().library;
    const ids = typeof req.query.ids === 'string' && req.query.ids !== '' ? req.query.ids.split(',') : null;
    if (ids && ids.length > 10_000) throw new ApiError(400, 'invalid_query', 'ids: at most 10000 shows');
    const picked = ids ? ids.map((id) => library.get(known(id))!) : library.list();
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="season.csv"')
      .send(Readable.from(seasonCsv(picked, (id) => shows().read(id), Date.now())));
  });
}
