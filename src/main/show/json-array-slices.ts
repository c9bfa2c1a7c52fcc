import { Worker } from 'node:worker_threads';
import { reason, type Reason } from '../../shared/reason';

/** Why a JSON upload is not a list the studio can read; said to the operator as it is. */
/** The upload refused whole: the English sentence, and the reason the desk words. */
export class JsonArrayError extends Error {
  constructor(
    message: string,
    readonly reason: Reason
  ) {
    super(message);
  }
}

// The worker is given as source, so it runs the same from the sources (tests) and from the bundle.
// It parses the whole text (the one step that cannot be cut into slices), then hands the array
// over a slice at a time, each only when the studio asks for it: a slice is copied into the
// studio's thread on a turn of its own, never all of them in one go.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { bytes, size, max } = workerData;
let items;
try {
  items = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
} catch {
  parentPort.postMessage({ kind: 'invalid' });
}
if (items !== undefined) {
  if (!Array.isArray(items)) parentPort.postMessage({ kind: 'not_array' });
  else if (items.length > max) parentPort.postMessage({ kind: 'too_many', length: items.length });
  else {
    let at = 0;
    const next = () => {
      if (at >= items.length) return parentPort.postMessage({ kind: 'done' });
      parentPort.postMessage({ kind: 'slice', items: items.slice(at, at + size) });
      at += size;
    };
    parentPort.on('message', next);
    next();
  }
}
`;

/**
 * A JSON upload that must be an array, parsed off the show's thread and handed to `take` a slice
 * at a time, each on its own turn of the event loop. Refuses text that is not JSON, JSON that is
 * not an array, and an array longer than `max`, with `JsonArrayError`.
 */
export function jsonArraySlices(bytes: Uint8Array, take: (items: unknown[], offset: number) => void, options: { size: number; max: number }): Promise<number> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { bytes, size: options.size, max: options.max },
    // A hostile upload (deeply nested, or huge numbers of tiny values) fails the worker, not the studio.
    resourceLimits: { maxOldGenerationSizeMb: 1536 }
  });
  return new Promise<number>((resolve, reject) => {
    let offset = 0;
    let settled = false;
    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (error) reject(error);
      else resolve(offset);
    };
    worker.on('message', (message: { kind: string; items?: unknown[]; length?: number }) => {
      switch (message.kind) {
        case 'slice':
          try {
            take(message.items ?? [], offset);
          } catch (err) {
            return finish(err as Error);
          }
          offset += message.items?.length ?? 0;
          // The next slice comes on a later turn: pins and the live feed go first.
          setImmediate(() => !settled && worker.postMessage('next'));
          return;
        case 'done':
          return finish(null);
        case 'invalid':
          return finish(new JsonArrayError('the file is not valid JSON', reason('import.file.notJson')));
        case 'not_array':
          return finish(new JsonArrayError('expected a JSON array of products', reason('import.file.notArray')));
        case 'too_many':
          return finish(new JsonArrayError(`at most ${options.max} products per import (got ${message.length})`, reason('import.file.tooMany', { maximum: options.max })));
      }
    });
    worker.once('error', (err) => finish(new JsonArrayError(`the file could not be read: ${err.message}`, reason('import.file.unreadable'))));
    worker.once('exit', () => finish(new JsonArrayError('the file could not be read', reason('import.file.unreadable'))));
  });
}
