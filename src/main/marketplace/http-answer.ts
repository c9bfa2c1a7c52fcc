import { MarketplaceError } from './connector';

/** No marketplace answer the studio asks for comes near this: a bigger one is refused, not read on. */
export const MAX_ANSWER_BYTES = 8 * 1024 * 1024;
/** A whole call, answer included: a server trickling its body cannot hold a poll longer than this. */
export const CALL_TIMEOUT_MS = 15_000;

export interface AnswerLimits {
  /** Milliseconds for the whole call, headers and body (default `CALL_TIMEOUT_MS`). */
  timeoutMs?: number;
  /** Bytes of body read before the answer is refused (default `MAX_ANSWER_BYTES`). */
  maxAnswerBytes?: number;
}

/**
 * A marketplace call: `fetch` under one deadline that covers the body too. `who` names the
 * marketplace in the error the operator sees.
 */
export async function call(who: string, url: string, init: RequestInit, limits: AnswerLimits): Promise<Response> {
  const timeoutMs = limits.timeoutMs ?? CALL_TIMEOUT_MS;
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new MarketplaceError('unavailable', isTimeout(err) ? `${who} did not answer within ${seconds(timeoutMs)}` : `${who} did not answer: ${(err as Error).message}`);
  }
}

/**
 * The answer's body as JSON, read as it streams in and given up past `maxAnswerBytes` (the
 * connection is dropped, the rest never read), so an answer of any size costs at most that much
 * memory. Not JSON is a `bad_response`; a body cut off by the deadline is `unavailable`.
 */
export async function readJson(who: string, res: Response, limits: AnswerLimits): Promise<unknown> {
  const max = limits.maxAnswerBytes ?? MAX_ANSWER_BYTES;
  const tooBig = () => new MarketplaceError('bad_response', `${who} answered more than ${mebibytes(max)}: refused, the rest was not read`);
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => {});
    throw tooBig();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (res.body) {
    const reader = res.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > max) {
          await reader.cancel().catch(() => {});
          throw tooBig();
        }
        chunks.push(value);
      }
    } catch (err) {
      if (err instanceof MarketplaceError) throw err;
      const timeoutMs = limits.timeoutMs ?? CALL_TIMEOUT_MS;
      throw new MarketplaceError('unavailable', isTimeout(err) ? `${who} did not finish its answer within ${seconds(timeoutMs)}` : `${who} broke off its answer: ${(err as Error).message}`);
    }
  }
  try {
    return JSON.parse(Buffer.concat(chunks, size).toString('utf8')) as unknown;
  } catch {
    throw new MarketplaceError('bad_response', `${who} answered ${res.status} with something that is not JSON`);
  }
}

function isTimeout(err: unknown): boolean {
  const name = (err as Error | undefined)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

const seconds = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`);
const mebibytes = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB` : `${bytes} bytes`);
