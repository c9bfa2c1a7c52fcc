import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShowCore } from '../../src/main/show/show-core';
import { CommandError } from '../../src/main/show/command-error';
import type { ShowView } from '../../src/shared/view';
import { LiveClient, liveUrl, startTestStudio, type TestStudio } from '../helpers/test-studio';
import { tempDir } from '../helpers/temp-dir';
import { as, pairDevice } from './access-helpers';

let t: TestStudio;
let moderator: ReturnType<typeof as>;
let viewer: ReturnType<typeof as>;
let moderatorToken: string;
let viewerToken: string;
const show = async (): Promise<ShowView> => (await t.api('GET', '/api/v1/show')).body;

/** Everything only a producer may do: settings, secrets, catalogue, devices. */
const PRODUCER_ONLY: [string, string, unknown?][] = [
  ['GET', '/api/v1/obs/connections'],
  ['POST', '/api/v1/obs/connections', { name: 'OBS', url: 'ws://127.0.0.1:1', locale: 'en-GB' }],
  ['DELETE', '/api/v1/obs/connections/obs-1'],
  ['GET', '/api/v1/marketplace'],
  ['PUT', '/api/v1/marketplace', { kind: 'demo' }],
  ['POST', '/api/v1/marketplace/import', { productIds: ['1'] }],
  ['GET', '/api/v1/sales/report.csv'],
  ['HEAD', '/api/v1/sales/report.csv'],
  ['GET', '/api/v1/sales/report.html'],
  ['POST', '/api/v1/products/import', [{ id: 'new-1', title: { en: 'New' }, price: { EUR: 1 } }]],
  ['PATCH', '/api/v1/show', { title: 'Renamed' }],
  ['GET', '/api/v1/devices'],
  ['PATCH', '/api/v1/devices/dev-1', { name: 'X' }],
  ['DELETE', '/api/v1/devices/dev-1'],
  ['GET', '/api/v1/lan'],
  ['PUT', '/api/v1/lan', { enabled: true }],
  ['POST', '/api/v1/lan/pairing', { role: 'producer' }],
  ['DELETE', '/api/v1/lan/pairing'],
  ['GET', '/api/v1/overlays']
];

beforeAll(async () => {
  t = await startTestStudio({ demo: true });
  ({ token: moderatorToken } = await pairDevice(t, 'moderator', 'Ana'));
  ({ token: viewerToken } = await pairDevice(t, 'viewer', 'Wall screen'));
  moderator = as(t, moderatorToken);
  viewer = as(t, viewerToken);
});
afterAll(() => t.stop());

describe('a moderator', () => {
  it('pins, moves, steps, unpins, adds and removes rundown items', async () => {
    const [first, second] = (await show()).rundown;
    expect((await moderator('POST', '/api/v1/rundown/pin', { itemId: second.id })).status).toBe(200);
    expect((await show()).onAir?.itemId).toBe(second.id);
    expect((await moderator('POST', `/api/v1/rundown/items/${first.id}/move`, { index: 2 })).status).toBe(200);
    expect((await show()).rundown[2].id).toBe(first.id);
    expect((await moderator('POST', '/api/v1/rundown/next')).status).toBe(200);
    expect((await moderator('POST', '/api/v1/rundown/previous')).status).toBe(200);
    expect((await moderator('POST', '/api/v1/rundown/unpin')).status).toBe(200);
    expect((await show()).onAir).toBeNull();
    const added = await moderator('POST', '/api/v1/rundown/items', { productId: first.productId, index: 0 });
    expect(added.status).toBe(201);
    expect((await moderator('DELETE', `/api/v1/rundown/items/${added.body.id}`)).status).toBe(200);
    expect((await show()).rundown.map((i) => i.id)).not.toContain(added.body.id);
  });

  it('marks a product sold out and back in stock', async () => {
    const { rundown, revision } = await show();
    const productId = rundown[0].productId;
    const res = await moderator('POST', `/api/v1/products/${productId}/stock`, { stock: 0 });
    expect(res.status).toBe(200);
    expect(res.body.revision).toBe(revision + 1);
    expect((await show()).rundown[0].soldOut).toBe(true);
    expect((await moderator('POST', `/api/v1/products/${productId}/stock`, { stock: 3 })).status).toBe(200);
    expect((await show()).rundown[0].soldOut).toBe(false);
    expect((await moderator('POST', '/api/v1/products/no-such-product/stock', { stock: 1 })).status).toBe(404);
    expect((await moderator('POST', `/api/v1/products/${productId}/stock`, { stock: -1 })).status).toBe(400);
  });

  it('starts and ends a flash deal', async () => {
    const { rundown, locales } = await show();
    const started = await moderator('POST', '/api/v1/deal', { productId: rundown[1].productId, price: { [locales[0].currency]: 9.99 }, durationSeconds: 60 });
    expect(started.status).toBe(200);
    expect(started.body.deal.productId).toBe(rundown[1].productId);
    expect((await moderator('DELETE', '/api/v1/deal')).body.deal).toBeNull();
  });

  it('is named with its role in the audit trail', async () => {
    await moderator('POST', '/api/v1/rundown/next');
    const { entries } = (await moderator('GET', '/api/v1/journal?limit=1')).body;
    expect(entries[0].actor).toMatchObject({ name: 'Ana', role: 'moderator' });
  });

  it.each(PRODUCER_ONLY)('gets 403 forbidden for %s %s, which only a producer may use', async (method, path, body) => {
    const before = (await show()).revision;
    const res = await moderator(method, path, body);
    expect(res.status).toBe(403);
    if (method !== 'HEAD') {
      expect(res.body.error.code).toBe('forbidden');
      expect(res.body.error.message).toMatch(/^a moderator cannot /);
    }
    expect((await show()).revision).toBe(before);
  });

  it('cannot reach a producer-only route through a percent-encoded path, and nobody reaches the API without a token that way', async () => {
    expect((await moderator('GET', '/api/v1/%6fbs/connections')).status).toBe(403);
    for (const path of ['/api/v1/lan%2fpairing', '/api/v1/devices/', '/api/v1//devices']) {
      const res = await moderator('GET', path);
      expect([403, 404]).toContain(res.status);
    }
    // The router decodes `%61` to `a`: the token check follows the route it matched, not the raw path.
    expect((await as(t, null)('GET', '/%61pi/v1/show')).status).toBe(401);
    // Likewise the overlay pages: an encoded name reaches the same page and needs the same token.
    for (const path of ['/%6Fverlay/product?locale=en-GB', '/overlay/%70roduct?locale=en-GB']) {
      expect((await fetch(`${t.studio.baseUrl}${path}`)).status, path).toBe(401);
    }
  });
});

describe('a viewer', () => {
  const COMMANDS: [string, string, (v: ShowView) => unknown][] = [
    ['POST', '/api/v1/rundown/pin', (v) => ({ itemId: v.rundown[0].id })],
    ['POST', '/api/v1/rundown/next', () => undefined],
    ['POST', '/api/v1/rundown/previous', () => undefined],
    ['POST', '/api/v1/rundown/unpin', () => undefined],
    ['POST', '/api/v1/rundown/items', (v) => ({ productId: v.rundown[0].productId })],
    ['DELETE', '/api/v1/rundown/items/ITEM', () => undefined],
    ['POST', '/api/v1/rundown/items/ITEM/move', () => ({ index: 3 })],
    ['POST', '/api/v1/products/PRODUCT/stock', () => ({ stock: 0 })],
    ['POST', '/api/v1/deal', (v) => ({ productId: v.rundown[0].productId, price: { [v.locales[0].currency]: 1 }, durationSeconds: 60 })],
    ['DELETE', '/api/v1/deal', () => undefined],
    ['PATCH', '/api/v1/show', () => ({ title: 'Viewer was here' })],
    ['POST', '/api/v1/products/import', () => [{ id: 'v-1', title: { en: 'V' }, price: { EUR: 1 } }]]
  ];

  it.each(COMMANDS)('gets 403 for the command %s %s and the show does not change', async (method, template, body) => {
    const view = await show();
    const path = template.replace('ITEM', view.rundown[0].id).replace('PRODUCT', view.rundown[0].productId);
    const res = await viewer(method, path, body(view));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect((await show()).revision).toBe(view.revision);
  });

  it('gets 403, not a validation hint, for a malformed command', async () => {
    const res = await viewer('POST', '/api/v1/rundown/pin', { itemId: 42 });
    expect(res.status).toBe(403);
  });

  it('reads the show, the catalogue, the sales, the audit trail and the live feed', async () => {
    for (const path of ['/api/v1/show', '/api/v1/products?q=', '/api/v1/sales', '/api/v1/journal', '/api/v1/me']) {
      expect((await viewer('GET', path)).status).toBe(200);
    }
    const live = await LiveClient.connect(liveUrl(t.studio, viewerToken));
    await live.next((m) => m.type === 'snapshot');
    live.close();
  });
});

describe('secrets never reach a device', () => {
  it('answers no token, password or key to a moderator or viewer on any route or the live feed it can read', async () => {
    const obsPassword = 'obs-password-never-shown';
    expect((await t.api('POST', '/api/v1/obs/connections', { name: 'Main OBS', url: 'ws://127.0.0.1:1', password: obsPassword, locale: 'en-GB' })).status).toBe(201);
    const overlayToken = (await t.api('GET', '/api/v1/overlays')).body.token as string;
    const secrets = [t.studio.token, overlayToken, obsPassword, moderatorToken, viewerToken];
    const { rundown } = await show();
    const readable = ['/api/v1/show', '/api/v1/products?q=', `/api/v1/products/${rundown[0].productId}`, '/api/v1/sales', '/api/v1/journal?limit=500', '/api/v1/me'];
    for (const [who, token] of [['moderator', moderatorToken], ['viewer', viewerToken]] as const) {
      for (const path of readable) {
        const res = await as(t, token)('GET', path);
        expect(res.status, `${who} GET ${path}`).toBe(200);
        const text = JSON.stringify(res.body);
        for (const secret of secrets.filter((s) => s !== token)) expect(text, `${who} GET ${path}`).not.toContain(secret);
      }
      expect((await t.api('GET', '/api/v1/show')).body.obs).toHaveLength(1); // the producer still sees it
      const live = await LiveClient.connect(liveUrl(t.studio, token));
      const snapshot = await live.next((m) => m.type === 'snapshot');
      live.close();
      // OBS connections are the producer's settings: not on a device's feed, nor in its GET /show.
      expect(snapshot.type === 'snapshot' && snapshot.state.obs).toEqual([]);
      expect((await as(t, token)('GET', '/api/v1/show')).body.obs).toEqual([]);
      const text = JSON.stringify(snapshot);
      expect(text).not.toContain('ws://127.0.0.1:1');
      for (const secret of secrets.filter((s) => s !== token)) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/"password"/);
    }
  });
});

describe('roles in the core', () => {
  it('refuses a forbidden command with 403 even when it is called directly, not through HTTP', async () => {
    const { dir, cleanup } = await tempDir();
    const { core } = await ShowCore.open(dir);
    try {
      const moderatorActor = { id: 'dev-1', client: 'test', name: 'Ana', role: 'moderator' as const };
      const refused = await core.execute({ type: 'show.update', title: 'Taken over' }, moderatorActor).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(CommandError);
      expect(refused).toMatchObject({ status: 403, code: 'forbidden' });
      const viewerRefused = await core.execute({ type: 'rundown.unpin' }, { id: 'dev-2', client: 'test', role: 'viewer' }).catch((e: unknown) => e);
      expect(viewerRefused).toMatchObject({ status: 403, code: 'forbidden' });
      expect(core.current.revision).toBe(0);
      // The studio itself (no role: marketplace, deal timer, demo) may run anything.
      await core.execute({ type: 'show.update', title: 'Studio' }, { id: 'demo', client: 'demo' });
      expect(core.current.title).toBe('Studio');
    } finally {
      await core.close();
      await cleanup();
    }
  });
});
