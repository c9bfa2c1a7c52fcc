import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { LiveFeed } from '../../../../src/main/server/live-feed';
import { BURST_MESSAGES, FRAME_MS } from '../../../../src/main/server/feed-pace';
import { OVERLAY_READER, OWNER, type Principal } from '../../../../src/main/access/principal';
import type { LiveMessage, ShowView } from '../../../../src/shared/view';
import { NO_SALES } from '../../../../src/shared/sales';
import { DEFAULT_THEME } from '../../../../src/shared/theme';
import { until } from '../../../helpers/until';

const MODERATOR: Principal = { kind: 'device', id: 'dev-1', name: 'Tablet', role: 'moderator' };

const baseView: ShowView = {
  revision: 1, title: 'Spring', locales: [], rundown: [], onAir: null, lastOnAirItemId: null, sales: NO_SALES,
  obs: [], catalogue: { count: 0, revision: 0 }, deal: null, theme: DEFAULT_THEME, operators: [], goal: null
};

/** A view source as the studio's: the current view, and listeners told when it changed. */
function viewSource(initial: ShowView) {
  let view = initial;
  const listeners = new Set<() => void>();
  return {
    current: () => view,
    subscribe: (l: () => void) => (listeners.add(l), () => listeners.delete(l)),
    set(next: Partial<ShowView>) {
      view = { ...view, ...next };
      for (const l of listeners) l();
    }
  };
}

let server: Server | null = null;
let feed: LiveFeed | null = null;
const sockets: WebSocket[] = [];

afterEach(async () => {
  vi.useRealTimers();
  for (const s of sockets.splice(0)) s.terminate();
  feed?.close();
  await new Promise((r) => (server ? server.close(r) : r(null)));
  server = null;
});

/** A real loopback server whose upgrades go to the feed as `principal`, chosen per path. */
async function start(source: ReturnType<typeof viewSource>): Promise<(who: Principal) => Promise<LiveMessage[]>> {
  feed = new LiveFeed(source);
  const byPath = new Map<string, Principal>();
  server = createServer();
  server.on('upgrade', (req, socket, head) => feed!.accept(req, socket, head, byPath.get(req.url ?? '')!));
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return async (who) => {
    const path = `/${byPath.size}`;
    byPath.set(path, who);
    const messages: LiveMessage[] = [];
    const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`);
    sockets.push(ws);
    ws.on('message', (data) => messages.push(JSON.parse(String(data))));
    await until('the snapshot', () => messages.length, (n) => n > 0);
    return messages;
  };
}

const connection = { id: 'c1', name: 'Polish channel' } as unknown as ShowView['obs'][number];

describe('the live feed', () => {
  it('sends nothing but the snapshot until it follows the view, then catches up at once', async () => {
    const source = viewSource(baseView);
    const connect = await start(source);
    const owner = await connect(OWNER);
    source.set({ revision: 2, title: 'Summer' });
    await new Promise((r) => setTimeout(r, 60));
    expect(owner.map((m) => m.type)).toEqual(['snapshot']);
    feed!.follow();
    await until('the patch', () => owner.length, (n) => n === 2);
    expect(owner[1]).toEqual({ type: 'patch', revision: 2, changes: { revision: 2, title: 'Summer' } });
  });

  it('sends only the parts that are not the same object as before', async () => {
    const source = viewSource(baseView);
    const connect = await start(source);
    feed!.follow();
    const owner = await connect(OWNER);
    const rundown = [{ id: 'i1', productId: 'p1', scene: null, addedAt: 1, addedBy: 'owner', product: null, soldOut: false }];
    source.set({ revision: 2, rundown });
    await until('the patch', () => owner.length, (n) => n === 2);
    expect(Object.keys((owner[1] as Extract<LiveMessage, { type: 'patch' }>).changes)).toEqual(['revision', 'rundown']);
  });

  it('gives OBS connections to producers only: a moderator gets the rest of the patch, the overlay nothing when only OBS changed', async () => {
    const source = viewSource({ ...baseView, obs: [connection] });
    const connect = await start(source);
    feed!.follow();
    const owner = await connect(OWNER);
    const moderator = await connect(MODERATOR);
    const overlay = await connect(OVERLAY_READER);
    expect((owner[0] as Extract<LiveMessage, { type: 'snapshot' }>).state.obs).toEqual([connection]);
    expect((moderator[0] as Extract<LiveMessage, { type: 'snapshot' }>).state.obs).toEqual([]);

    source.set({ obs: [{ ...connection, name: 'Renamed' }] });
    await until('the producer patch', () => owner.length, (n) => n === 2);
    source.set({ revision: 3, title: 'Summer', obs: [] });
    await until('the second producer patch', () => owner.length, (n) => n === 3);
    await until('the moderator patch', () => moderator.length, (n) => n === 2);
    expect(moderator[1]).toEqual({ type: 'patch', revision: 3, changes: { revision: 3, title: 'Summer' } });
    expect(overlay.slice(1)).toEqual([{ type: 'patch', revision: 3, changes: { revision: 3, title: 'Summer' } }]);
  });

  it('sends a change made while the feed was quiet at once, without waiting for any timer', async () => {
    const source = viewSource(baseView);
    const connect = await start(source);
    feed!.follow();
    const owner = await connect(OWNER);
    // Timers and the clock stand still: only a send that waits for nothing gets through.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    source.set({ revision: 2, title: 'Summer' });
    expect(await received(owner, 2)).toBe(2);
    expect(owner[1]).toEqual({ type: 'patch', revision: 2, changes: { revision: 2, title: 'Summer' } });
  });

  it(`sends the first ${BURST_MESSAGES} changes of a burst at once and merges the rest into one message a frame, ending at the true state`, async () => {
    const source = viewSource(baseView);
    const connect = await start(source);
    feed!.follow();
    const owner = await connect(OWNER);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    for (let revision = 2; revision <= 11; revision++) {
      source.set({ revision, title: `Take ${revision}` });
      await received(owner, Infinity, 20);
    }
    expect(owner.length - 1).toBe(BURST_MESSAGES);
    vi.advanceTimersByTime(FRAME_MS);
    expect(await received(owner, BURST_MESSAGES + 2)).toBe(BURST_MESSAGES + 2);
    expect(owner.at(-1)).toEqual({ type: 'patch', revision: 11, changes: { revision: 11, title: 'Take 11' } });
  });
});

/** Waits, turn by turn of the event loop (no timers: tests freeze them), for `n` messages or `turns` turns. */
async function received(messages: LiveMessage[], n: number, turns = 20_000): Promise<number> {
  for (let i = 0; i < turns && messages.length < n; i++) await new Promise((resolve) => setImmediate(resolve));
  return messages.length;
}
