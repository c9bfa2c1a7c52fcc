import { statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSecretStore } from '../../../../src/main/settings/secret-file';
import { tempDir } from '../../../helpers/temp-dir';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

describe('the headless secret store', () => {
  it('keeps a secret across restarts in a file only its owner can read', () => {
    new FileSecretStore(dir).set('obs:a', 's3cret');
    expect(new FileSecretStore(dir).get('obs:a')).toBe('s3cret');
    expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
  });

  it('forgets a deleted secret on disk too', () => {
    const store = new FileSecretStore(dir);
    store.set('obs:a', 's3cret');
    store.set('obs:b', 'other');
    store.delete('obs:a');
    expect(new FileSecretStore(dir).get('obs:a')).toBeUndefined();
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).not.toContain('s3cret');
  });

  it('keeps secrets out of the settings file that holds the OBS connections', async () => {
    const { startStudio } = await import('../../../../src/main/studio');
    const studio = await startStudio({ dataDir: dir, port: 0 });
    try {
      const res = await fetch(`${studio.baseUrl}/api/v1/obs/connections`, {
        method: 'POST',
        headers: { authorization: `Bearer ${studio.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'PL', url: 'ws://127.0.0.1:1', password: 'hunter2-obs', locale: 'pl-PL' })
      });
      expect(res.status).toBe(201);
      expect(readFileSync(join(dir, 'settings.json'), 'utf8')).not.toContain('hunter2-obs');
      expect(new FileSecretStore(dir).get(`obs:${((await res.json()) as { id: string }).id}`)).toBe('hunter2-obs');
    } finally {
      await studio.close();
    }
  });
});
