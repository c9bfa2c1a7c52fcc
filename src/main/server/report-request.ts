import type { FastifyRequest } from 'fastify';
import { canonicalTag, chooseReportLanguage } from '../marketplace/report-text';
import type { ReportOptions } from '../marketplace/sales-report-html';
import { ApiError } from './api-error';

/** A language tag from the query, or undefined; 400 for one that is not a tag (or given twice). */
function tagOf(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  const tag = typeof value === 'string' ? canonicalTag(value) : null;
  if (!tag) throw new ApiError(400, 'invalid_query', `${name}: expected a language tag such as "pl" or "de-AT"`);
  return tag;
}

/**
 * What language a printed report speaks: `?lang=` (the desk passes its own choice), else the
 * browser's Accept-Language, else English; `?catalogue=` picks the product titles' language.
 */
export function reportLanguageOf(req: FastifyRequest): Pick<ReportOptions, 'language' | 'titleLanguage'> {
  const query = (req.query ?? {}) as Record<string, unknown>;
  const lang = tagOf(query, 'lang');
  const catalogue = tagOf(query, 'catalogue');
  return { language: chooseReportLanguage(lang, req.headers['accept-language']), titleLanguage: catalogue };
}
