import type { FastifyInstance } from 'fastify';
import { MarketplaceSettingsInput } from '../../../shared/marketplace';
import type { ImportResult } from '../../../shared/view';
import { reason } from '../../../shared/reason';
import { salesReportCsv } from '../../marketplace/sales-report';
import { REPORT_SECURITY_POLICY, salesReportHtml } from '../../marketplace/sales-report-html';
import { obsChapters } from '../../marketplace/report-chapters';
import { reportLanguageOf } from '../report-request';
import { MarketplaceError } from '../../marketplace/connector';
import type { StudioContext } from '../studio-context';
import { ApiError } from '../api-error';
import { bodyObject, parseBody } from '../body';

export function registerMarketplaceRoutes(app: FastifyInstance, ctx: StudioContext): void {
  app.get('/api/v1/marketplace', () => ctx.marketplace.view());

  app.put('/api/v1/marketplace', async (req) => {
    return ctx.marketplace.update(parseBody(MarketplaceSettingsInput, req.body));
  });

  /** `{ productIds }`: fetched in every show locale's language and currency, then upserted. */
  app.post('/api/v1/marketplace/import', async (req): Promise<ImportResult & { notes: string[] }> => {
    const { productIds } = bodyObject(req.body) as { productIds?: unknown };
    if (!Array.isArray(productIds) || productIds.length === 0 || productIds.length > 500 || !productIds.every((id) => typeof id === 'string' || typeof id === 'number')) {
      throw new ApiError(400, 'invalid_body', 'productIds: give 1 to 500 marketplace product ids');
    }
    const connector = ctx.marketplace.current();
    if (!connector) throw new ApiError(409, 'no_marketplace', 'choose a marketplace first (PUT /api/v1/marketplace)');
    let fetched;
    try {
      fetched = await connector.fetchProducts(productIds.map(String), ctx.core.current.locales);
    } catch (err) {
      if (err instanceof MarketplaceError) throw new ApiError(err.kind === 'auth' ? 502 : 503, `marketplace_${err.kind}`, err.message);
      throw err;
    }
    const result = fetched.products.length ? await ctx.execute(req, { type: 'catalogue.import', products: fetched.products }) : { revision: ctx.core.current.revision };
    return { imported: fetched.products.length, rejected: fetched.rejected.map((r) => ({ row: productIds.map(String).indexOf(r.id) + 1, message: `${r.id}: ${r.message}`, problems: [reason('import.marketplace.refused', { id: r.id, detail: r.message })] })), revision: result.revision, notes: fetched.notes };
  });

  app.get('/api/v1/sales', () => ctx.core.sales.view());

  app.get('/api/v1/sales/report.csv', (_req, reply) =>
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="sales-report.csv"')
      .send(salesReportCsv(ctx.core.current, ctx.core.sales, Date.now()))
  );

  /** The printable report for the agency's client: charts as inline SVG, no script at all. */
  app.get('/api/v1/sales/report.html', (req, reply) => {
    const options = { ...reportLanguageOf(req), chapters: obsChapters(ctx.obs.views(), ctx.media) };
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', REPORT_SECURITY_POLICY)
      .header('content-disposition', 'inline; filename="sales-report.html"')
      .header('cache-control', 'no-store')
      .header('vary', 'accept-language')
      .send(salesReportHtml(ctx.core.current, ctx.core.sales, Date.now(), options));
  });
}
