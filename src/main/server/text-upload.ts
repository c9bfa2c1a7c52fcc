import type { IncomingMessage } from 'node:http';
import { Transform, type Readable } from 'node:stream';
import { ApiError } from './api-error';

/**
 * A text upload (a CSV catalogue) as a stream of text, read as it arrives: no copy of the whole
 * upload is ever held, and work on it starts before it is all in. Past `limit` bytes the stream
 * fails with 413, as Fastify's own body limit would.
 */
export function textUpload(payload: IncomingMessage, limit: number): Readable {
  const tooLarge = () => new ApiError(413, 'body_too_large', `the upload is larger than ${Math.round(limit / (1024 * 1024))} MiB`);
  let bytes = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > limit) callback(tooLarge());
      else callback(null, chunk);
    }
  });
  payload.once('error', (err) => counted.destroy(err));
  payload.once('aborted', () => counted.destroy(new ApiError(400, 'invalid_body', 'the upload was cut off before its end')));
  payload.pipe(counted);
  // Decoded here, so a character split between two network packets stays whole.
  counted.setEncoding('utf8');
  return counted;
}

/** Refuses an upload whose declared length is already past the limit, before a byte is read. */
export function declaredTooLarge(payload: IncomingMessage, limit: number): boolean {
  const declared = Number(payload.headers['content-length']);
  return Number.isFinite(declared) && declared > limit;
}
