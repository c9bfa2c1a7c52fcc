import type { ApiErrorBody } from '../../shared/view';

/** A refusal the caller can act on; rendered as `{ error: { code, message } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { revision?: number; details?: unknown } = {}
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function errorBody(code: string, message: string, extra: { revision?: number; details?: unknown; id?: string } = {}): ApiErrorBody {
  return { error: { code, message, ...extra } };
}

/** Fastify's own refusals (bad JSON, too large, wrong content type) in our error shape. */
export function codeForStatus(status: number): string {
  switch (status) {
    case 400:
      return 'invalid_body';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 405:
      return 'method_not_allowed';
    case 413:
      return 'body_too_large';
    case 415:
      return 'unsupported_media_type';
    default:
      return status < 500 ? 'bad_request' : 'internal_error';
  }
}
