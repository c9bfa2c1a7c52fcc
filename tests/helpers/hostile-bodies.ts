import type { ServerResponse } from 'node:http';

/** What a fake marketplace can do with its answer body instead of answering properly. */
export type HostileBody = { kind: 'huge'; bytes: number } | { kind: 'endless-slow'; everyMs: number };

/**
 * Writes a hostile body: `huge` streams that many bytes of a JSON string (honouring backpressure,
 * without a content-length, so the client only finds out by reading); `endless-slow` sends a byte
 * every `everyMs` for as long as the client listens. Both stop when the client hangs up.
 */
export function sendHostileBody(res: ServerResponse, body: HostileBody): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  let closed = false;
  res.once('close', () => (closed = true));
  if (body.kind === 'endless-slow') {
    res.write('{');
    const timer = setInterval(() => (closed ? clearInterval(timer) : res.write(' ')), body.everyMs);
    return;
  }
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  let sent = 0;
  res.write('{"pad":"');
  const pump = () => {
    while (!closed && sent < body.bytes) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!closed) res.end('"}');
  };
  pump();
}
