import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveClient, liveUrl, startTestStudio, type TestStudio } from '../helpers/test-studio';

let t: TestStudio;
let overlayToken: string;
beforeAll(async () => {
  t = await startTestStudio({ demo: true });
  overlayToken = (await t.api('GET', '/api/v1/overlays')).body.token;
});
afterAll(() => t.stop());

describe('overlay pages', () => {
  it('lists a landscape and a vertical address of every overlay for every show locale', async () => {
    const { status, body } = await t.api('GET', '/api/v1/overlays');
    expect(status).toBe(200);
    expect(body.token).not.toBe(t.studio.token);
    const polishLayout = body.overlays.find((o: { name: string; locale: string }) => o.name === 'layout' && o.locale === 'pl-PL');
    expect(polishLayout).toEqual({ name: 'layout', locale: 'pl-PL', landscape: `/overlay/layout?locale=pl-PL&token=${overlayToken}`, vertical: `/overlay/layout?locale=pl-PL&token=${overlayToken}&format=vertical` });
    expect(body.overlays).toHaveLength(7 * 6); // seven audiences × layout, product, next, ticker, countdown, graphics
  });

  it('serves every overlay page to the overlay token with a strict policy that lets only the studio frame it', async () => {
    for (const name of ['layout', 'product', 'next', 'ticker', 'countdown']) {
      const res = await fetch(`${t.studio.baseUrl}/overlay/${name}?locale=pl-PL&token=${overlayToken}`);
      expect(res.status, name).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    }
  });

  it('refuses an overlay page without its token or with a wrong one, and names no overlay that does not exist', async () => {
    expect((await fetch(`${t.studio.baseUrl}/overlay/layout?locale=pl-PL`)).status).toBe(401);
    expect((await fetch(`${t.studio.baseUrl}/overlay/layout?locale=pl-PL&token=guess`)).status).toBe(401);
    const unknown = await fetch(`${t.studio.baseUrl}/overlay/banner?locale=pl-PL&token=${overlayToken}`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain('layout');
  });

  it('lets the overlay token read the live feed but never change the show or read the API', async () => {
    const live = await LiveClient.connect(liveUrl(t.studio, overlayToken));
    try {
      const first = await live.next((m) => m.type === 'snapshot');
      expect(first.type).toBe('snapshot');
    } finally {
      live.close();
    }
    const asOverlay = { authorization: `Bearer ${overlayToken}` };
    expect((await t.api('GET', '/api/v1/show', undefined, asOverlay)).status).toBe(401);
    expect((await t.api('GET', '/api/v1/overlays', undefined, asOverlay)).status).toBe(401);
    expect((await t.api('POST', '/api/v1/rundown/next', {}, asOverlay)).status).toBe(401);
    expect((await t.api('GET', '/api/v1/show')).body.onAir).toBeNull();
  });

  it('serves the overlay scripts and styles from the overlay folder with long-lived caching', async () => {
    const html = await (await fetch(`${t.studio.baseUrl}/overlay/product?locale=de-DE&token=${overlayToken}`)).text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const res = await fetch(new URL(asset, `${t.studio.baseUrl}/overlay/product`));
      expect(res.status, asset).toBe(200);
      expect(res.headers.get('cache-control')).toContain('immutable');
    }
  });
});

describe('flash deals over the API', () => {
  it('refuses a deal shorter than ten seconds or on a product that does not exist, and changes nothing', async () => {
    const short = await t.api('POST', '/api/v1/deal', { productId: 'lav-01', price: { PLN: 59.99 }, durationSeconds: 5 });
    expect(short.status).toBe(400);
    const unknown = await t.api('POST', '/api/v1/deal', { productId: 'nope', price: { PLN: 59.99 }, durationSeconds: 60 });
    expect(unknown.status).toBe(404);
    expect((await t.api('GET', '/api/v1/show')).body.deal).toBeNull();
  });

  it('starts a deal with its end on the studio clock and ends it on request', async () => {
    const before = Date.now();
    const { status, body } = await t.api('POST', '/api/v1/deal', { productId: 'lav-01', price: { PLN: 59.99 }, durationSeconds: 60 });
    expect(status).toBe(200);
    expect(body.deal.endsAt - before).toBeGreaterThanOrEqual(60_000 - 50);
    expect(body.deal.product.id).toBe('lav-01');
    const ended = await t.api('DELETE', '/api/v1/deal');
    expect(ended.status).toBe(200);
    expect(ended.body.deal).toBeNull();
  });
});
