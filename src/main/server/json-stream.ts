import { Readable } from 'node:stream';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * `{"<key>":[item,item,…]}` as a stream: one item serialized per turn of the event loop, and only
 * as fast as the client reads, so a page of big entries (a catalogue import's products) never
 * holds up a pin for the whole page's JSON.stringify nor sits in memory all at once.
 */
export function jsonListStream(key: string, items: readonly unknown[]): Readable {
  async function* parts(): AsyncGenerator<string> {
    yield `{${JSON.stringify(key)}:[`;
    for (let i = 0; i < items.length; i++) {
      if (i > 0) await nextTurn();
      yield (i > 0 ? ',' : '') + JSON.stringify(items[i]);
    }
    yield ']}';
  }
  return Readable.from(parts(), { objectMode: false });
}
