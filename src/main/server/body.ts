import { ApiError } from './api-error';

/** A command's body must be a JSON object (or absent, for "next"-style commands). */
export function bodyObject(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null || body === '') return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new ApiError(400, 'invalid_body', 'the body must be a JSON object');
  return body as Record<string, unknown>;
}
