import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStudio, type TestStudio } from '../helpers/test-studio';

let t: TestStudio;
beforeAll(async () => (t = await startTestStudio({ demo: true })));
afterAll(() => t.stop());

describe('an unexpected error in a request', () => {
  it('answers 500 internal_error with an id that finds its entry in logs/studio.log, which holds no token', async () => {
    const core = t.studio.core;
    const execute = core.execute.bind(core);
    // A fault inside the show core, carrying credentials in its message as a careless library might.
    core.execute = async () => {
      throw new Error(`disk controller said no (token=${t.studio.token}, Authorization: Bearer ${t.studio.token})`);
    };
    let res;
    try {
      res = await t.api('POST', '/api/v1/rundown/next');
    } finally {
      core.execute = execute;
    }
    expect(res.status).toBe(500);
    expect(res.body.error).toEqual({ code: 'internal_error', message: expect.stringContaining(res.body.error.id), id: expect.stringMatching(/^[0-9a-f]{8}$/) });
    expect(JSON.stringify(res.body)).not.toContain('disk controller');

    const file = join(t.dataDir, 'logs', 'studio.log');
    const log = await readFile(file, 'utf8');
    expect(log).toMatch(new RegExp(`\\[${res.body.error.id}\\] POST /api/v1/rundown/next: Error: disk controller said no`));
    expect(log).not.toContain(t.studio.token);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await t.api('POST', '/api/v1/rundown/next')).status).toBe(200);
  });

  it('keeps a caller mistake a 4xx with no log entry', async () => {
    const before = await readFile(join(t.dataDir, 'logs', 'studio.log'), 'utf8').catch(() => '');
    expect((await t.api('POST', '/api/v1/rundown/pin', { itemId: 42 })).status).toBe(400);
    expect(await readFile(join(t.dataDir, 'logs', 'studio.log'), 'utf8').catch(() => '')).toBe(before);
  });
});
