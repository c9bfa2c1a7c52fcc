import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of the studio's code, lowest first. A module may import its own layer and any layer
 * below it, never one above: the show does not know the server exists, OBS does not know HTTP.
 * The same order is written down in README's "How it is built".
 */
const LAYERS: { name: string; holds: (path: string) => boolean }[] = [
  { name: 'shared', holds: (p) => p.startsWith('src/shared/') },
  { name: 'common', holds: (p) => p.startsWith('src/main/common/') || ['src/main/disk-errors.ts', 'src/main/retry.ts', 'src/main/locales.ts'].includes(p) },
  { name: 'show', holds: (p) => p.startsWith('src/main/show/') },
  { name: 'services', holds: (p) => ['access', 'obs', 'marketplace', 'diagnostics', 'media'].some((d) => p.startsWith(`src/main/${d}/`)) },
  { name: 'settings', holds: (p) => p.startsWith('src/main/settings/') },
  // The show library: many shows over show/, reports through marketplace/, folders through settings/.
  { name: 'library', holds: (p) => p.startsWith('src/main/library/') },
  { name: 'server', holds: (p) => p.startsWith('src/main/server/') },
  { name: 'studio', holds: (p) => ['src/main/studio.ts', 'src/main/studio-followers.ts'].includes(p) },
  { name: 'shell', holds: (p) => p.startsWith('src/main/desktop/') || p.startsWith('src/preload/') || ['src/main/index.ts', 'src/main/serve.ts'].includes(p) }
];

const root = resolve(__dirname, '../../..');

function layerOf(path: string): number {
  const i = LAYERS.findIndex((l) => l.holds(path));
  if (i < 0) throw new Error(`${path} is in no layer: add it to LAYERS`);
  return i;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(`${dir}/${e.name}`) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [`${dir}/${e.name}`] : []
  );
}

/** Relative imports (`import … from './x'`, `export … from`, `import('./x')`), resolved to repository paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]);
  return specs.map((s) => relative(root, resolve(root, dirname(file), s)).replace(/\\/g, '/')).map((p) => (/\.(tsx?|json)$/.test(p) ? p : `${p}.ts`));
}

/** Every import that goes up the layers, as `from -> to`. */
function upwardImports(files: string[]): string[] {
  return files.flatMap((file) =>
    importsOf(file)
      .filter((target) => target.startsWith('src/') && layerOf(target) > layerOf(file))
      .map((target) => `${file} -> ${target}`)
  );
}

describe('import layers', () => {
  const files = [...sourceFiles('src/main'), ...sourceFiles('src/shared')];

  it('no module in src/main or src/shared imports a layer above its own', () => {
    expect(upwardImports(files)).toEqual([]);
  });

  it('every module of src/main and src/shared belongs to a named layer', () => {
    for (const file of files) expect(() => layerOf(file), file).not.toThrow();
  });

  it('the check catches a show module importing the server and OBS importing the server', () => {
    // The rule itself must bite: these are the kinds of imports that were there before.
    expect(layerOf('src/main/show/journal.ts')).toBeLessThan(layerOf('src/main/server/http-server.ts'));
    expect(layerOf('src/main/obs/image-files.ts')).toBeLessThan(layerOf('src/main/server/static-files.ts'));
    expect(layerOf('src/main/access/pairing-desk.ts')).toBeLessThan(layerOf('src/main/server/request-guard.ts'));
    expect(layerOf('src/shared/view.ts')).toBeLessThan(layerOf('src/main/show/show-view.ts'));
  });
});
