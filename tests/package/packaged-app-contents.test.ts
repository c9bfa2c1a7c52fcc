import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile, listPackage } from '@electron/asar';
import { defaultPaths } from '../../src/main/studio';
import { tempDir } from '../helpers/temp-dir';
import { PROJECT, packageUnpacked } from './package-app';

// What an installer would carry: the unpacked app folder electron-builder makes every installer
// from (`--dir`), built against a stand-in Electron. Proves the package's contents, not that Electron runs.
describe('the packaged desktop app holds everything the studio reads at run time', () => {
  let work: { dir: string; cleanup: () => Promise<void> };
  let appDir: string;
  let resources: string;
  let asar: string;
  let entries: Set<string>;

  beforeAll(async () => {
    work = await tempDir('shopcast-package-');
    appDir = await packageUnpacked(work.dir);
    resources = join(appDir, 'resources');
    asar = join(resources, 'app.asar');
    entries = new Set(listPackage(asar, { isPack: false }).map((e) => e.replaceAll('\\', '/')));
  }, 180_000);
  afterAll(() => work?.cleanup());

  const asarJson = (path: string) => JSON.parse(extractFile(asar, path.replace(/^\//, '')).toString('utf8')) as Record<string, unknown>;

  it('app.asar holds package.json whose main entry, the main process and the preload are inside it', () => {
    const pkg = asarJson('package.json');
    expect(entries.has(`/${String(pkg.main)}`)).toBe(true);
    expect(entries.has('/out/main/index.js')).toBe(true);
    // src/main/index.ts loads the preload from ../preload/index.cjs.
    expect(entries.has('/out/preload/index.cjs')).toBe(true);
  });

  it('every package the main process imports, and every dependency of those, resolves inside app.asar', () => {
    const mainFiles = [...entries].filter((e) => e.startsWith('/out/main/') && e.endsWith('.js'));
    const imported = new Set<string>();
    for (const file of mainFiles) {
      const code = extractFile(asar, file.slice(1)).toString('utf8');
      // Static imports at the start of a line, and dynamic import() calls: bare package names only.
      const specifiers = [...code.matchAll(/^\s*(?:import|export)\b[^;\n]*?\bfrom\s*["']([\w@][\w@./-]*)["']/gm), ...code.matchAll(/\bimport\(\s*["']([\w@][\w@./-]*)["']\s*\)/g)];
      for (const m of specifiers) {
        const spec = m[1]!;
        if (spec.startsWith('node:') || spec === 'electron') continue;
        imported.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      }
    }
    expect(imported.size).toBeGreaterThan(5);
    const missing: string[] = [];
    // Node's lookup: the package in the nearest node_modules up from the one that needs it.
    const resolves = (fromDir: string, name: string) => {
      for (let dir = fromDir; ; dir = posix.dirname(dir)) {
        if (entries.has(posix.join(dir, 'node_modules', name, 'package.json'))) return true;
        if (dir === '/') return false;
      }
    };
    for (const name of imported) if (!resolves('/', name)) missing.push(`${name} (imported by the main process)`);
    for (const entry of entries) {
      if (!/\/node_modules\/(@[^/]+\/)?[^/@]+\/package\.json$/.test(entry)) continue;
      const pkg = asarJson(entry);
      const deps = Object.keys((pkg.dependencies ?? {}) as object);
      const optionalPeers = (pkg.optionalDependencies ?? {}) as object;
      for (const dep of deps) if (!Object.hasOwn(optionalPeers, dep) && !resolves(posix.dirname(entry), dep)) missing.push(`${dep} (needed by ${entry})`);
    }
    expect(missing).toEqual([]);
  });

  it('app.asar carries no sources, tests, source maps or build tools', () => {
    const stray = [...entries].filter(
      (e) => e.startsWith('/src/') || e.startsWith('/tests/') || e.startsWith('/resources/') || (e.startsWith('/out/') && e.endsWith('.map'))
    );
    expect(stray).toEqual([]);
    for (const tool of ['electron', 'electron-builder', 'vitest', 'typescript', 'vite', 'playwright-core']) {
      expect(entries.has(`/node_modules/${tool}/package.json`), tool).toBe(false);
    }
  });

  it('the control room and overlay pages and every asset they load are beside app.asar, where the installed app serves them from', () => {
    const { rendererDir } = defaultPaths(join(asar, 'out', 'main', 'index.js'), resources);
    for (const page of ['index.html', 'overlay.html']) {
      const html = readFileSync(join(rendererDir, page), 'utf8');
      const assets = [...html.matchAll(/(?:src|href)="(?:\.\/|\/)?(assets\/[^"]+)"/g)].map((m) => m[1]!);
      expect(assets.length, page).toBeGreaterThan(0);
      for (const asset of assets) expect(existsSync(join(rendererDir, asset)), `${page} → ${asset}`).toBe(true);
    }
    const built = readdirSync(join(PROJECT, 'out', 'renderer', 'assets')).filter((f) => !f.endsWith('.map'));
    expect(readdirSync(join(rendererDir, 'assets')).sort()).toEqual(expect.arrayContaining(built));
  });

  it('the demo show, each of its product images and every overlay dictionary are where the installed app reads them', () => {
    const { resourcesDir } = defaultPaths(join(asar, 'out', 'main', 'index.js'), resources);
    expect(existsSync(join(resourcesDir, 'demo', 'show.json'))).toBe(true);
    const catalogue = JSON.parse(readFileSync(join(resourcesDir, 'demo', 'catalogue.json'), 'utf8')) as { image?: string }[];
    const images = catalogue.map((p) => p.image).filter((i): i is string => typeof i === 'string');
    expect(images.length).toBeGreaterThan(0);
    // `/media/demo/x.png` is served from `<resourcesDir>/demo/images/x.png` (studio.ts mediaDirs).
    for (const image of images) expect(existsSync(join(resourcesDir, 'demo', 'images', image.replace('/media/demo/', ''))), image).toBe(true);
    expect(readdirSync(join(resourcesDir, 'locales')).sort()).toEqual(readdirSync(join(PROJECT, 'resources', 'locales')).sort());
  });

  it('the tray icons the desktop shell loads are packaged, and the app executable carries the product name', () => {
    for (const icon of ['tray.png', 'tray@2x.png', 'icon.png']) expect(existsSync(join(resources, 'icons', icon)), icon).toBe(true);
    expect(existsSync(join(appDir, 'shopcast-studio'))).toBe(true);
    // Without a release feed there is no app-update.yml: auto-update stays off.
    expect(existsSync(join(resources, 'app-update.yml'))).toBe(false);
  });
});
