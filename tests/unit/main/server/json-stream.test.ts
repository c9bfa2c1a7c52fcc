import { describe, expect, it } from 'vitest';
import { jsonListStream } from '../../../../src/main/server/json-stream';

async function read(stream: AsyncIterable<unknown>): Promise<string> {
  let text = '';
  for await (const part of stream) text += String(part);
  return text;
}

describe('a list streamed as JSON', () => {
  it('is the same JSON as JSON.stringify, empty or not', async () => {
    const items = [{ rev: 1, command: 'rundown.pin' }, { rev: 2, title: 'Łódź "quoted" \u2028' }, null, 7];
    expect(JSON.parse(await read(jsonListStream('entries', items)))).toEqual({ entries: items });
    expect(await read(jsonListStream('entries', items))).toBe(JSON.stringify({ entries: items }));
    expect(await read(jsonListStream('entries', []))).toBe('{"entries":[]}');
  });

  it('serializes one item per turn of the event loop, so a page of big entries never blocks the show', async () => {
    const items = Array.from({ length: 50 }, (_, i) => ({ rev: i, products: Array.from({ length: 100 }, (_, j) => ({ id: `p-${j}` })) }));
    let turns = 0;
    let reading = true;
    const count = () => {
      turns++;
      if (reading) setImmediate(count);
    };
    setImmediate(count);
    await read(jsonListStream('entries', items));
    reading = false;
    expect(turns).toBeGreaterThanOrEqual(49);
  });
});
