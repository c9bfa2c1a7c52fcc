import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveInside } from '../common/path-safety';

const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const RETRY_FAILED_MS = 5 * 60_000;
const EXTENSIONS: Record<string, string> = { 'image/png': '.png', 'image/jpeg': '.jpg', 'image/webp': '.webp', 'image/gif': '.gif', 'image/bmp': '.bmp' };

/**
 * Product images as files OBS can open: OBS's image source reads files, not URLs. Bundled media
 * resolve to their files; shop images are downloaded once into the data dir and reused.
 */
export class ImageFiles {
  private readonly cached = new Map<string, string>();
  private readonly pending = new Set<string>();
  private readonly failedAt = new Map<string, number>();

  constructor(
    private readonly mediaDirs: Record<string, string>,
    private readonly cacheDir: string,
    /** Called when a download finished, so the canvas can show the image now. */
    private readonly onReady: () => void
  ) {}

  localFile(image: string | null): string | null {
    if (!image) return null;
    const media = /^\/media\/([^/]+)\/(.+)$/.exec(image);
    if (media) {
      const root = this.mediaDirs[media[1]];
      const file = root ? resolveInside(root, media[2]) : null;
      return file && existsSync(file) ? file : null;
    }
    if (!/^https?:\/\//i.test(image)) return null;
    const hit = this.cached.get(image);
    if (hit) return hit;
    const failed = this.failedAt.get(image);
    if (!this.pending.has(image) && (failed === undefined || Date.now() - failed > RETRY_FAILED_MS)) void this.download(image);
    return null;
  }

  private async download(url: string): Promise<void> {
    this.pending.add(url);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000), redirect: 'follow' });
      const type = (res.headers.get('content-type') ?? '').split(';')[0].trim();
      const ext = EXTENSIONS[type];
      if (!res.ok || !ext) throw new Error(`not an image (${res.status} ${type})`);
      const body = Buffer.from(await res.arrayBuffer());
      if (body.length > MAX_IMAGE_BYTES) throw new Error('image too large');
      await mkdir(this.cacheDir, { recursive: true });
      const file = join(this.cacheDir, createHash('sha256').update(url).digest('hex').slice(0, 32) + ext);
      await writeFile(`${file}.part`, body);
      await rename(`${file}.part`, file);
      this.cached.set(url, file);
      this.failedAt.delete(url);
      this.onReady();
    } catch {
      this.failedAt.set(url, Date.now());
    } finally {
      this.pending.delete(url);
    }
  }
}
