import { execFile } from 'node:child_process';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);
export const PROJECT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * An Electron distribution folder with the files electron-builder copies and renames (the `electron`
 * executable, `resources/`, `locales/`, `LICENSE`, `version`) but no real binary: Electron cannot be
 * downloaded here, and what is proved is the package's contents, not that Electron runs.
 */
export async function standInElectron(dir: string): Promise<string> {
  await mkdir(join(dir, 'resources'), { recursive: true });
  await mkdir(join(dir, 'locales'), { recursive: true });
  await writeFile(join(dir, 'electron'), '#!/bin/sh\necho "stand-in for the Electron binary"\nexit 1\n');
  await chmod(join(dir, 'electron'), 0o755);
  await writeFile(join(dir, 'LICENSE'), 'Stand-in for Electron\'s MIT licence.\n');
  await writeFile(join(dir, 'version'), '0.0.0\n');
  await writeFile(join(dir, 'locales', 'en-US.pak'), '');
  return dir;
}

/**
 * Packages the built app (out/) with the project's electron-builder.yml, as an unpacked Linux
 * app folder, against the stand-in. Returns the folder the installers would be made from.
 */
export async function packageUnpacked(workDir: string): Promise<string> {
  const electronDist = await standInElectron(join(workDir, 'electron'));
  const output = join(workDir, 'dist');
  const cli = join(PROJECT, 'node_modules', 'electron-builder', 'cli.js');
  await run(process.execPath, [cli, '--config', 'electron-builder.yml', '--dir', '--linux', '--x64', `-c.electronDist=${electronDist}`, `-c.directories.output=${output}`], {
    cwd: PROJECT,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
    maxBuffer: 16 * 1024 * 1024
  });
  return join(output, 'linux-unpacked');
}
