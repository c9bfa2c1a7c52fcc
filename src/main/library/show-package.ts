import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { CommandError } from '../show/command-error';
import { replayShow } from '../show/show-replay';
import { SHOW_FILE_MODE } from '../show/atomic-file';

/** What the first entry of every show package says; anything else is not one of ours. */
export const PACKAGE_FORMAT = 'shopcast-show-package';
const PACKAGE_VERSION = 1;
/** Names a package may carry: a show file or a downloaded product image, never a path elsewhere. */
const ENTRY_NAME = /^(show|images)\/[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const MAX_ENTRIES = 10_000;

interface ManifestEntry {
  name: string;
  size: number;
  sha256: string;
}

interface Manifest {
  format: typeof PACKAGE_FORMAT;
  version: number;
  title: string;
  createdAt: number;
  exportedAt: number;
  entries: ManifestEntry[];
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const refuse = (reason: string) => new CommandError('invalid_package', 400, `not imported: ${reason}; nothing was changed`);

/**
 * One show as one file (a gzipped tar): a manifest with a checksum per entry, then the show's
 * journal and snapshots and the product images the studio downloaded for it. The files are read
 * whole before anything is written, so the package is one moment of the show.
 */
export async function exportShow(showDir: string, imageCacheDir: string, imageUrls: Iterable<string>, meta: { title: string; createdAt: number }): Promise<Readable> {
  const files: { name: string; data: Buffer }[] = [];
  for (const name of (await readdir(showDir)).sort()) {
    if (name.endsWith('.tmp') || name === 'journal.probe' || !ENTRY_NAME.test(`show/${name}`)) continue;
    files.push({ name: `show/${name}`, data: await readFile(join(showDir, name)) });
  }
  const cached = existsSync(imageCacheDir) ? await readdir(imageCacheDir) : [];
  for (const url of new Set(imageUrls)) {
    const stem = createHash('sha256').update(url).digest('hex').slice(0, 32);
    const file = cached.find((f) => f.startsWith(stem) && !f.endsWith('.part'));
    if (file) files.push({ name: `images/${file}`, data: await readFile(join(imageCacheDir, file)) });
  }
  const manifest: Manifest = {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    title: meta.title,
    createdAt: meta.createdAt,
    exportedAt: Date.now(),
    entries: files.map((f) => ({ name: f.name, size: f.data.length, sha256: sha256(f.data) }))
  };
  const pack = tar.pack();
  pack.entry({ name: 'manifest.json' }, JSON.stringify(manifest, null, 1));
  for (const f of files) pack.entry({ name: f.name }, f.data);
  pack.finalize();
  return pack.pipe(createGzip());
}

/**
 * Reads and checks a whole package: gzip, tar, the manifest first, every entry named and
 * checksummed in it, nothing more or less. Throws `invalid_package` with the reason.
 */
export async function readPackage(upload: Readable, limit: number): Promise<{ manifest: Manifest; files: Map<string, Buffer> }> {
  const extract = tar.extract();
  const files = new Map<string, Buffer>();
  let manifest: Manifest | null = null;
  let total = 0;
  const reading = (async () => {
    for await (const entry of extract) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry) {
        total += (chunk as Buffer).length;
        if (total > limit) throw refuse(`the package unpacks to more than ${Math.round(limit / (1024 * 1024))} MiB`);
        chunks.push(chunk as Buffer);
      }
      const data = Buffer.concat(chunks);
      const name = entry.header.name;
      if (entry.header.type !== 'file') throw refuse(`it holds "${name}", which is not a plain file`);
      if (!manifest) {
        if (name !== 'manifest.json') throw refuse('it does not start with a show package manifest (not a Shopcast show package)');
        manifest = parseManifest(data);
        continue;
      }
      if (files.has(name) || files.size >= MAX_ENTRIES) throw refuse(`it holds "${name}" twice or too many entries`);
      files.set(name, data);
    }
  })();
  try {
    await Promise.all([pipeline(upload, createGunzip(), extract), reading]);
  } catch (err) {
    if (err instanceof CommandError) throw err;
    throw refuse(`the file is damaged or not a show package (${(err as Error).message})`);
  }
  if (!manifest) throw refuse('it is empty');
  const m: Manifest = manifest;
  for (const e of m.entries) {
    const data = files.get(e.name);
    if (!data) throw refuse(`"${e.name}" is missing`);
    if (data.length !== e.size || sha256(data) !== e.sha256) throw refuse(`"${e.name}" is damaged (its checksum does not match)`);
  }
  for (const name of files.keys()) if (!m.entries.some((e) => e.name === name)) throw refuse(`"${name}" is not in its manifest`);
  if (!files.has('show/journal.jsonl') && ![...files.keys()].some((n) => n.startsWith('show/snapshot'))) throw refuse('it holds no show');
  return { manifest: m, files };
}

/**
 * Writes a checked package into a fresh temporary folder beside the library and replays it there:
 * a show that does not replay is refused and the folder removed. Images go to the image cache.
 * Returns the folder, ready to be renamed into the library.
 */
export async function unpackShow(pkg: { files: Map<string, Buffer> }, libraryDir: string, imageCacheDir: string): Promise<string> {
  const temp = join(libraryDir, `.import-${randomBytes(6).toString('hex')}`);
  await mkdir(temp, { mode: 0o700 });
  try {
    for (const [name, data] of pkg.files) if (name.startsWith('show/')) await writeFile(join(temp, name.slice(5)), data, { mode: SHOW_FILE_MODE });
    try {
      await replayShow(temp);
    } catch (err) {
      throw refuse(`its show does not replay (${(err as Error).message})`);
    }
    const images = [...pkg.files].filter(([name]) => name.startsWith('images/'));
    if (images.length) await mkdir(imageCacheDir, { recursive: true });
    for (const [name, data] of images) {
      const file = join(imageCacheDir, name.slice(7));
      if (!existsSync(file)) {
        await writeFile(`${file}.part`, data);
        await rename(`${file}.part`, file);
      }
    }
    return temp;
  } catch (err) {
    await rm(temp, { recursive: true, force: true });
    throw err;
  }
}

function parseManifest(data: Buffer): Manifest {
  let m: unknown;
  try {
    m = JSON.parse(data.toString('utf8'));
  } catch {
    throw refuse('its manifest is not readable');
  }
  const ok =
    typeof m === 'object' &&
    m !== null &&
    (m as Manifest).format === PACKAGE_FORMAT &&
    typeof (m as Manifest).title === 'string' &&
    typeof (m as Manifest).createdAt === 'number' &&
    Array.isArray((m as Manifest).entries) &&
    (m as Manifest).entries.every((e) => typeof e === 'object' && e !== null && typeof e.name === 'string' && ENTRY_NAME.test(e.name) && Number.isInteger(e.size) && typeof e.sha256 === 'string');
  if (!ok) throw refuse('its manifest is not that of a Shopcast show package');
  if ((m as Manifest).version !== PACKAGE_VERSION) throw refuse(`it was made by a newer studio (package version ${String((m as Manifest).version)})`);
  return m as Manifest;
}
