import { chmod, mkdir, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareDataDir } from '../../../../src/main/settings/data-dir';
import { tempDir } from '../../../helpers/temp-dir';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('shopcast-data-')));
afterEach(() => cleanup());

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe('preparing the data dir', () => {
  it('creates a new data dir owner-only', async () => {
    const data = join(dir, 'new', 'studio');
    expect(prepareDataDir(data)).toEqual({ tightened: 0 });
    expect(await modeOf(data)).toBe(0o700);
  });

  it('tightens what an older version left open, and leaves what a link points to alone', async () => {
    const outside = join(dir, 'outside.txt');
    await writeFile(outside, 'not the studio\'s', { mode: 0o644 });
    const data = join(dir, 'studio');
    await mkdir(join(data, 'show'), { recursive: true, mode: 0o755 });
    await writeFile(join(data, 'settings.json'), '{}', { mode: 0o644 });
    await writeFile(join(data, 'show', 'journal.jsonl'), '', { mode: 0o666 });
    await writeFile(join(data, 'show', 'private'), '', { mode: 0o600 });
    await symlink(outside, join(data, 'link'));
    await chmod(data, 0o755);

    expect(prepareDataDir(data)).toEqual({ tightened: 4 });
    expect(await modeOf(data)).toBe(0o700);
    expect(await modeOf(join(data, 'show'))).toBe(0o700);
    expect(await modeOf(join(data, 'settings.json'))).toBe(0o600);
    expect(await modeOf(join(data, 'show', 'journal.jsonl'))).toBe(0o600);
    expect(await modeOf(outside)).toBe(0o644);
  });

  it('tightens a data dir reached through a link, as the folder it points to', async () => {
    const real = join(dir, 'on-another-disk');
    await mkdir(real, { mode: 0o755 });
    await chmod(real, 0o755);
    await writeFile(join(real, 'settings.json'), '{}', { mode: 0o644 });
    await symlink(real, join(dir, 'studio'));
    expect(prepareDataDir(join(dir, 'studio'))).toEqual({ tightened: 2 });
    expect(await modeOf(join(real, 'settings.json'))).toBe(0o600);
  });

  it('refuses a file, and the system folders even through a link', async () => {
    await writeFile(join(dir, 'file'), '');
    expect(() => prepareDataDir(join(dir, 'file'))).toThrow(/is a file, not a folder/);
    await symlink('/proc/self', join(dir, 'sneaky'));
    expect(() => prepareDataDir(join(dir, 'sneaky', 'show'))).toThrow(/inside \/proc, a system folder/);
  });
});
