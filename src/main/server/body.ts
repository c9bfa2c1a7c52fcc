import type { z } from 'zod';
import { describeZodError } from '../common/zod-errors';
import { ApiError } from './api-error';

/** A command's body must be a JSON object (or absent, for "next"-style commands). */
export function bodyObject(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null || body === '') return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new ApiError(400, 'invalid_body', 'the body must be a JSON object');
  return body as Record<string, unknown>;
}

/** A body checked against its schema; a mismatch is a 400 that names the field. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(bodyObject(body));
  if (!parsed.success) throw new ApiError(400, 'invalid_body', describeZodError(parsed.error));
  return parsed.data;
}
