import type { FastifyInstance } from 'fastify';
import { ApiError } from './api-error';
import { declaredTooLarge, textUpload } from './text-upload';

/** Commands are small; catalogue imports raise their own limit. */
export const BODY_LIMIT = 256 * 1024;

/**
 * JSON bodies may be empty (a Stream Deck key posting "next" with a JSON content type); CSV comes
 * in as a stream of text for the catalogue import.
 */
export function acceptBodies(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    // A route that parses its own JSON off the show's thread (the catalogue import) gets the bytes.
    if ((req.routeOptions.config as { jsonAsBytes?: boolean } | undefined)?.jsonAsBytes) return done(null, body);
    const text = (body as Buffer).toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new ApiError(400, 'invalid_json', 'the body is not valid JSON'), undefined);
    }
  });
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, (_req, body, done) => done(null, String(body)));
  // A CSV catalogue (up to 50 MiB) is handed on as a stream and read while it arrives.
  app.addContentTypeParser('text/csv', (req, payload, done) => {
    const limit = req.routeOptions.bodyLimit ?? BODY_LIMIT;
    if (declaredTooLarge(payload, limit)) return done(new ApiError(413, 'body_too_large', `the upload is larger than ${Math.round(limit / (1024 * 1024))} MiB`), undefined);
    done(null, textUpload(payload, limit));
  });
}
