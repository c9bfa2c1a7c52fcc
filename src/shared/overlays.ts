/** The overlay pages the studio serves at `/overlay/:name`. */
export const OVERLAY_NAMES = ['layout', 'product', 'next', 'ticker', 'countdown', 'graphics'] as const;
export type OverlayName = (typeof OVERLAY_NAMES)[number];

/** The address of an overlay page for one audience; `vertical` for 1080×1920 canvases. */
export function overlayPath(name: OverlayName, locale: string, token: string, format: 'landscape' | 'vertical' = 'landscape'): string {
  const query = new URLSearchParams({ locale, token });
  if (format === 'vertical') query.set('format', 'vertical');
  return `/overlay/${name}?${query}`;
}
