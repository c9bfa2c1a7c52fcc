import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveClient, liveUrl, rawRequest, startTestStudio, type TestStudio } from '../helpers/test-studio';

let t: TestStudio;
beforeAll(async () => (t = await startTestStudio()));
afterAll(() => t.stop());

describe('who may talk to the studio', () => {
  it('answers health without a token', async () => {
    const res = await fetch(`${t.studio.baseUrl}/api/v1/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, version: expect.any(String) });
  });

  it('refuses the API without a token with 401 and a JSON error', async () => {
    const res = await fetch(`${t.studio.baseUrl}/api/v1/show`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('refuses a wrong token with 401', async () => {
    const { status } = await t.api('GET', '/api/v1/show', undefined, { authorization: 'Bearer not-the-token' });
    expect(status).toBe(401);
  });

  it('refuses a command without a token and changes nothing', async () => {
    const res = await fetch(`${t.studio.baseUrl}/api/v1/show`, { method: 'PATCH', body: JSON.stringify({ title: 'hijacked' }), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(401);
    expect((await t.api('GET', '/api/v1/show')).body.title).not.toBe('hijacked');
  });

  it('refuses a request whose Host is a foreign name (DNS rebinding) even with the token', async () => {
    const res = await rawRequest(t.studio.port, '/api/v1/show', { host: `evil.example:${t.studio.port}`, authorization: `Bearer ${t.studio.token}` });
    expect(res.status).toBe(421);
    expect(JSON.parse(res.body).error.code).toBe('unknown_host');
  });

  it('accepts localhost as a Host name', async () => {
    const res = await rawRequest(t.studio.port, '/api/v1/health', { host: `localhost:${t.studio.port}` });
    expect(res.status).toBe(200);
  });

  it('refuses a request from a foreign web page (Origin) with 403', async () => {
    const { status, body } = await t.api('GET', '/api/v1/show', undefined, { origin: 'http://evil.example' });
    expect(status).toBe(403);
    expect(body.error.code).toBe('forbidden_origin');
  });

  it('accepts a request from the studio\'s own page', async () => {
    const { status } = await t.api('GET', '/api/v1/show', undefined, { origin: `http://127.0.0.1:${t.studio.port}` });
    expect(status).toBe(200);
  });

  it('refuses the live WebSocket with a wrong token, a foreign Origin or a foreign Host', async () => {
    await expect(LiveClient.connect(liveUrl(t.studio, 'wrong'))).rejects.toThrow(/401/);
    await expect(LiveClient.connect(liveUrl(t.studio), { origin: 'http://evil.example' })).rejects.toThrow(/403/);
    await expect(LiveClient.connect(liveUrl(t.studio), { host: 'evil.example' })).rejects.toThrow(/421/);
  });

  it('serves the control room with a strict Content-Security-Policy', async () => {
    const res = await fetch(`${t.studio.baseUrl}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('does not serve files outside its folders', async () => {
    const res = await rawRequest(t.studio.port, '/assets/..%2f..%2f..%2fpackage.json', { host: '127.0.0.1' });
    expect(res.status).toBe(404);
  });
});
