import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveClient, liveUrl, startTestStudio, type TestStudio } from '../helpers/test-studio';
import type { LiveMessage, ShowView } from '../../src/shared/view';

let t: TestStudio;
beforeAll(async () => {
  t = await startTestStudio();
  await t.api('POST', '/api/v1/products/import', [{ id: 'a', title: { en: 'A' } }, { id: 'b', title: { en: 'B' } }]);
  await t.api('POST', '/api/v1/rundown/items', { productId: 'a' });
  await t.api('POST', '/api/v1/rundown/items', { productId: 'b' });
});
afterAll(() => t.stop());

/** Rebuilds a client's view of the show from what the feed sent, as the control room does. */
function replay(messages: LiveMessage[]): ShowView {
  let state: ShowView | null = null;
  for (const m of messages) {
    if (m.type === 'snapshot') state = m.state;
    if (m.type === 'patch' && state) state = { ...state, ...m.changes };
  }
  return state!;
}

describe('the live feed', () => {
  it('sends the full state first', async () => {
    const client = await LiveClient.connect(liveUrl(t.studio));
    const first = await client.next(() => true);
    expect(first.type).toBe('snapshot');
    expect(first.type === 'snapshot' && first.state.rundown.map((i) => i.productId)).toEqual(['a', 'b']);
    client.close();
  });

  it('sends a pin to every client as it happens', async () => {
    const clients = await Promise.all([1, 2, 3].map(() => LiveClient.connect(liveUrl(t.studio))));
    await Promise.all(clients.map((c) => c.next((m) => m.type === 'snapshot')));
    await t.api('POST', '/api/v1/rundown/next');
    for (const c of clients) {
      const patch = await c.next((m) => m.type === 'patch' && !!m.changes.onAir);
      expect(patch.type === 'patch' && patch.changes.onAir?.productId).toBe('a');
      c.close();
    }
  });

  it('coalesces a burst of commands into fewer messages that still end at the true state', async () => {
    const client = await LiveClient.connect(liveUrl(t.studio));
    await client.next((m) => m.type === 'snapshot');
    const items = (await t.api('GET', '/api/v1/show')).body.rundown as { id: string }[];
    await Promise.all(Array.from({ length: 60 }, (_, i) => t.api('POST', '/api/v1/rundown/pin', { itemId: items[i % 2].id })));
    const final = (await t.api('GET', '/api/v1/show')).body as ShowView;
    await client.next((m) => m.type === 'patch' && m.revision === final.revision);
    const patches = client.messages.filter((m) => m.type === 'patch');
    expect(patches.length).toBeLessThan(60);
    expect(replay(client.messages)).toEqual(final);
    client.close();
  });

  it('sends only the parts of the show that changed', async () => {
    const client = await LiveClient.connect(liveUrl(t.studio));
    await client.next((m) => m.type === 'snapshot');
    await t.api('PATCH', '/api/v1/show', { title: 'Only the title' });
    const patch = await client.next((m) => m.type === 'patch' && 'title' in m.changes);
    // `operators` changes too: the owner just acted (its lastActionAt), which every face shows.
    expect(patch.type === 'patch' && Object.keys(patch.changes).filter((k) => k !== 'operators').sort()).toEqual(['revision', 'title']);
    client.close();
  });
});
