/**
 * The desktop shell's decisions that need no Electron: which pages the window may show, who may
 * call the main process, which files import, where the window goes. Kept pure so they are tested.
 */

/** True when `url` is a page of the studio itself (same scheme, host and port). */
export function isStudioUrl(url: string | undefined, studioOrigin: string): boolean {
  if (!url) return false;
  try {
    return new URL(url).origin === studioOrigin;
  } catch {
    return false;
  }
}

/** Links a product page may carry, opened in the user's browser rather than in the studio window. */
export function isExternalLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export function importKindOf(fileName: string): 'csv' | 'json' | null {
  const ext = fileName.toLowerCase().split('.').pop();
  return ext === 'csv' ? 'csv' : ext === 'json' ? 'json' : null;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The saved window bounds if enough of them is still on a display (a monitor may be gone since the
 * last show), sized to fit it; otherwise the default size centred on the primary display.
 */
export function placeWindow(saved: Rect | undefined, workAreas: Rect[], size = { width: 1440, height: 900 }): Rect {
  const primary = workAreas[0] ?? { x: 0, y: 0, width: size.width, height: size.height };
  if (saved) {
    const area = workAreas.find((a) => overlap(saved, a) >= 100 * 50);
    if (area) {
      const width = Math.min(saved.width, area.width);
      const height = Math.min(saved.height, area.height);
      return {
        width,
        height,
        x: clamp(saved.x, area.x, area.x + area.width - width),
        y: clamp(saved.y, area.y, area.y + area.height - height)
      };
    }
  }
  const width = Math.min(size.width, primary.width);
  const height = Math.min(size.height, primary.height);
  return { width, height, x: primary.x + Math.round((primary.width - width) / 2), y: primary.y + Math.round((primary.height - height) / 2) };
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, Math.max(lo, hi)));
