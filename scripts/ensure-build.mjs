// Builds the studio (electron-vite) when its sources are newer than the last build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const serveEntry = join(root, 'out', 'main', 'serve.js');
const stamp = join(root, 'out', 'renderer', 'index.html');

function newestMtime(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

export function ensureBuild() {
  const inputs = ['src', 'electron.config.ts', 'package.json'].map((p) => join(root, p)).filter(existsSync);
  const built = [serveEntry, stamp].filter(existsSync);
  const stale = built.length < 2 || Math.max(...inputs.map(newestMtime)) > Math.min(...built.map((f) => statSync(f).mtimeMs));
  if (!stale) return;
  console.error('Building the studio…');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
  if (build.status !== 0) throw new Error(`the build failed (exit ${build.status})`);
}
