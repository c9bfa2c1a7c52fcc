import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorLog } from '../../../../src/main/diagnostics/error-log';
import { redact } from '../../../../src/main/diagnostics/redact';
import { tempDir } from '../../../helpers/temp-dir';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('shopcast-log-')));
afterEach(() => cleanup());

describe('the error log', () => {
  it('writes each error with the id it returns, in an owner-only file in an owner-only folder', async () => {
    const log = new ErrorLog(join(dir, 'logs'), { now: () => Date.UTC(2026, 11, 2, 9, 0, 0) });
    const id = log.record(new Error('the catalogue index broke'), 'GET /api/v1/products');
    expect(id).toMatch(/^[0-9a-f]{8}$/);
    const text = await readFile(log.file, 'utf8');
    expect(text).toMatch(new RegExp(`^2026-12-02T09:00:00.000Z \\[${id}\\] GET /api/v1/products: Error: the catalogue index broke\\n\\s+at `));
    expect((await stat(log.file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'logs'))).mode & 0o777).toBe(0o700);
  });

  it('rotates at its size limit and keeps three older logs, the newest as .1', async () => {
    const log = new ErrorLog(dir, { maxBytes: 2000 });
    const ids = Array.from({ length: 60 }, (_, i) => log.record(`failure number ${i} ${'x'.repeat(200)}`));
    expect((await readdir(dir)).sort()).toEqual(['studio.log', 'studio.log.1', 'studio.log.2', 'studio.log.3']);
    for (const name of await readdir(dir)) expect((await stat(join(dir, name))).size).toBeLessThanOrEqual(2000);
    expect(await readFile(join(dir, 'studio.log'), 'utf8')).toContain(ids.at(-1));
    const older = await readFile(join(dir, 'studio.log.1'), 'utf8');
    expect(older).not.toContain(ids.at(-1));
    expect(older).toContain('failure number');
    expect((await readFile(join(dir, 'studio.log.3'), 'utf8')).includes(`[${ids[0]}]`)).toBe(false);
  });

  it('never writes a token, a bearer credential or a known secret', async () => {
    const owner = 'OwnerTokenValue_abcdefghijklmnop';
    const log = new ErrorLog(dir, { secrets: () => [owner] });
    log.record(new Error(`fetch /overlay/layout?locale=pl-PL&token=OverlaySecret123 failed; Authorization: Bearer DeviceToken456; ${owner}; {"password":"hunter2","accessToken":"shpat_789","name":"OBS"}`));
    const text = await readFile(log.file, 'utf8');
    for (const secret of ['OverlaySecret123', 'DeviceToken456', owner, 'hunter2', 'shpat_789']) expect(text).not.toContain(secret);
    expect(text).toContain('token=[redacted]');
    expect(text).toContain('Bearer [redacted]');
    expect(text).toContain('"name":"OBS"');
  });

  it('still answers an id when the log cannot be written', async () => {
    await writeFile(join(dir, 'in-the-way'), '');
    const log = new ErrorLog(join(dir, 'in-the-way', 'logs'));
    expect(log.record(new Error('boom'))).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('redaction', () => {
  it('strikes token=, ticket= and secret JSON fields but keeps ordinary words', () => {
    expect(redact('GET /api/v1/live?token=abc&x=1 ticket=t0k3n')).toBe('GET /api/v1/live?token=[redacted]&x=1 ticket=[redacted]');
    expect(redact('{"appSecret": "s3cr3t", "webhookSecret":"w", "kind":"shopify"}')).toBe('{"appSecret": "[redacted]", "webhookSecret":"[redacted]", "kind":"shopify"}');
    expect(redact('the tokenizer failed')).toBe('the tokenizer failed');
  });
});
