import { OVERLAY_NAMES, overlayPath } from '../../../shared/overlays';
import type { FastifyInstance } from 'fastify';
import type { StudioContext } from '../studio-context';
import { jsonListStream } from '../json-stream';

/** Entries per page of the audit trail. */
export const JOURNAL_PAGE_LIMIT = 500;

export function registerShowRoutes(app: FastifyInstance, ctx: StudioContext): void {
  // The overlay pages for each audience: what to paste into OBS as browser sources.
  app.get('/api/v1/overlays', () => ({
    token: ctx.overlayToken,
    overlays: ctx.view().locales.flatMap((l) =>
      OVERLAY_NAMES.map((name) => ({ name, locale: l.locale, landscape: overlayPath(name, l.locale, ctx.overlayToken), vertical: overlayPath(name, l.locale, ctx.overlayToken, 'vertical') }))
    )
  }));

  app.get('/api/v1/show', (req) => ctx.viewFor(req));

  // PATCH /api/v1/show and the deal's routes are commands: see command-routes.

  /**
   * The audit trail: who did what, when (newest last), at most 500 entries a page; `?before=REV`
   * pages back from an entry. `?exclude=sales.record,…` leaves those commands out: the activity list
   * wants operators, not every order. The page is streamed, an entry at a time.
   */
  app.get('/api/v1/journal', (req, reply) => {
    const query = req.query as { limit?: string; exclude?: string; before?: string };
    const limit = Math.min(Math.max(Number(query.limit ?? 100) || 100, 1), JOURNAL_PAGE_LIMIT);
    const before = Number(query.before);
    const excluded = new Set(String(query.exclude ?? '').split(',').filter(Boolean));
    const paging = Number.isFinite(before) && before > 0;
    const wanted = excluded.size > 0 || paging;
    const entries = wanted ? ctx.core.recentEntries(Infinity).filter((e) => !excluded.has(e.command) && (!paging || e.rev < before)) : ctx.core.recentEntries(limit);
    return reply.type('application/json; charset=utf-8').send(jsonListStream('entries', entries.slice(-limit)));
  });
}
