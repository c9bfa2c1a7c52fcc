import { describe, expect, it } from 'vitest';
import { cardGeometry, SetupError, studioSources } from '../../../../src/main/obs/studio-setup';
import { STUDIO_SOURCE } from '../../../../src/main/obs/studio-canvas';

const url = 'http://127.0.0.1:4555/overlay/layout?locale=pl-PL&token=t';

describe('which sources setup creates', () => {
  it('uses one browser source showing the overlay page, canvas-sized, where OBS has the browser source', () => {
    const specs = studioSources(['image_source', 'browser_source', 'text_gdiplus_v3'], url, 1920, 1080);
    expect(specs).toHaveLength(1);
    expect(specs[0]).toMatchObject({ name: STUDIO_SOURCE.overlay, kind: 'browser_source', settings: { url, width: 1920, height: 1080, shutdown: false } });
  });

  it('draws the card with the text kind this OBS has, chosen from its list and not from the OS', () => {
    const windows = studioSources(['image_source', 'color_source_v3', 'text_gdiplus_v2'], url, 1920, 1080);
    expect(windows.map((s) => s.kind)).toEqual(['color_source_v3', 'image_source', 'text_gdiplus_v2', 'text_gdiplus_v2', 'text_gdiplus_v2']);
    const linux = studioSources(['image_source', 'color_source_v3', 'text_ft2_source_v2'], url, 1920, 1080);
    expect(linux[2]).toMatchObject({ name: STUDIO_SOURCE.title, kind: 'text_ft2_source_v2', settings: { color1: 0xffffffff } });
  });

  it('refuses with a clear message an OBS that can draw neither', () => {
    expect(() => studioSources(['image_source'], url, 1920, 1080)).toThrow(SetupError);
  });

  it('keeps the card inside the canvas for landscape and vertical shows', () => {
    for (const [w, h] of [
      [1920, 1080],
      [1080, 1920],
      [1280, 720]
    ]) {
      const g = cardGeometry(w, h);
      expect(g.cardX).toBeGreaterThan(0);
      expect(g.cardX + g.cardW).toBeLessThanOrEqual(w);
      expect(g.cardY + g.cardH).toBeLessThan(h);
      expect(g.textW).toBeGreaterThan(0);
    }
  });
});
