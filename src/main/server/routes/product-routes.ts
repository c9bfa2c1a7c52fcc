import type { FastifyInstance } from 'fastify';
import type { ImportResult, ProductSearchResult } from '../../../shared/view';
import { CatalogueFormatError, readCatalogue, type ParsedCatalogue } from '../../show/catalogue-import';
import type { StudioContext } from '../studio-context';
import { ApiError } from '../api-error';
import { own } from '../../../shared/own';
import { COMMANDS } from '../../../shared/command-registry';

/** A whole catalogue (10,000 products with seven languages) fits; a runaway upload does not. */
export const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;
/**
 * Products per journaled command. A big import is several commands, each atomic, so no single
 * entry's check, apply, serialization or fsync holds the show up for long; a pin goes between them.
 */
export const IMPORT_BATCH = 1000;
/** How long a part of an import waits for the commands that came in meanwhile to be written. */
const SETTLE_WAIT_MS = 2000;
/** Search results per request: a page of the control room's list, not the whole catalogue. */
export const SEARCH_LIMIT = 500;

export function registerProductRoutes(app: FastifyInstance, ctx: StudioContext): void {
  app.get('/api/v1/products', (req): ProductSearchResult => {
    const query = req.query as { q?: string; locale?: string; limit?: string; offset?: string };
    const result = ctx.catalogue.search(String(query.q ?? ''), {
      locale: query.locale ? String(query.locale) : undefined,
      limit: clampInt(query.limit, 100, 1, SEARCH_LIMIT),
      offset: clampInt(query.offset, 0, 0, 1_000_000)
    });
    // The index orders; the show has the latest stock (orders take units off between imports).
    return { ...result, products: result.products.map((p) => own(ctx.core.current.products, p.id) ?? p) };
  });

  app.get('/api/v1/products/:id', (req) => {
    const { id } = req.params as { id: string };
    const product = own(ctx.core.current.products, id);
    if (!product) throw new ApiError(404, 'not_found', `product "${id}" does not exist`);
    return product;
  });

  // POST /api/v1/products/:productId/stock is a command: see command-routes.

  // JSON arrives as bytes and is parsed off the show's thread; CSV arrives as a stream (see http-server).
  app.post(COMMANDS['catalogue.import'].http.path, { bodyLimit: IMPORT_BODY_LIMIT, config: { jsonAsBytes: true } }, async (req): Promise<ImportResult> => {
    const kind = String(req.headers['content-type'] ?? '').startsWith('text/csv') ? 'csv' : 'json';
    let parsed: ParsedCatalogue;
    try {
      parsed = await readCatalogue(req.body, kind);
    } catch (err) {
      if (err instanceof CatalogueFormatError) throw new ApiError(400, 'invalid_catalogue', err.message, { details: { reason: err.reason } });
      throw err;
    }
    let result = { revision: ctx.core.current.revision };
    // At least one command, even for nothing: the role check and the answered revision come from it.
    for (let start = 0; start === 0 || start < parsed.products.length; start += IMPORT_BATCH) {
      if (start > 0) await letOthersThrough(ctx);
      result = await ctx.execute(req, { type: 'catalogue.import', products: parsed.products.slice(start, start + IMPORT_BATCH) });
    }
    return { imported: parsed.products.length, rejected: parsed.rejected, revision: result.revision };
  });
}

/**
 * Between two parts of an import: a pin that came in meanwhile is taken and written first, so it
 * waits for one part at most, not for the rest of the import.
 */
async function letOthersThrough(ctx: StudioContext): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  // Bounded: after a failed journal write nothing settles any more, and the next part says so.
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([ctx.core.settled(), new Promise<void>((resolve) => (timer = setTimeout(resolve, SETTLE_WAIT_MS)))]);
  clearTimeout(timer);
}

function clampInt(raw: string | undefined, fallback: number, min: number, max: number): number {
  const n = raw === undefined ? fallback : Number.parseInt(raw, 10);
  return Number.isFinite(n) ? Math.min(Math.max(n, min), max) : fallback;
}
