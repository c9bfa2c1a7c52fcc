import { describe, expect, it } from 'vitest';
import { isRemoteObs, SetupError, STUDIO_SOURCE, studioSources, type StudioEnv } from '../../../../src/main/obs/studio-sources';
import { abgr, fontFace } from '../../../../src/main/obs/native-card';
import { DEFAULT_THEME } from '../../../../src/shared/theme';

const url = 'http://127.0.0.1:4555/overlay/layout?locale=pl-PL&token=t';
const env = (inputKinds: string[], width = 1920, height = 1080, patch: Partial<StudioEnv> = {}): StudioEnv => ({ inputKinds, width, height, theme: DEFAULT_THEME, overlayUrl: url, ...patch });
const native = ['image_source', 'color_source_v3', 'text_ft2_source_v2'];

describe('which sources setup creates', () => {
  it('uses one browser source showing the overlay page, canvas-sized, where OBS has the browser source', () => {
    const specs = studioSources(env(['image_source', 'browser_source', 'text_gdiplus_v3']));
    expect(specs).toHaveLength(1);
    expect(specs[0]).toMatchObject({ name: STUDIO_SOURCE.overlay, kind: 'browser_source', settings: { url, width: 1920, height: 1080, shutdown: false } });
  });

  it('draws the card with the text kind this OBS has, chosen from its list and not from the OS', () => {
    const windows = studioSources(env(['image_source', 'color_source_v3', 'text_gdiplus_v2']));
    expect(windows.find((s) => s.name === STUDIO_SOURCE.title)!.kind).toBe('text_gdiplus_v2');
    const linux = studioSources(env(native));
    expect(linux.find((s) => s.name === STUDIO_SOURCE.title)).toMatchObject({ kind: 'text_ft2_source_v2', settings: { color1: 0xffffffff } });
  });

  it('refuses with a clear message an OBS that can draw neither', () => {
    expect(() => studioSources(env(['image_source']))).toThrow(SetupError);
    // …and as a code the desk words in the operator's language.
    expect(() => studioSources(env(['image_source']))).toThrow(expect.objectContaining({ reason: { code: 'obs.setup.noSources', params: {} } }));
  });

  it('keeps every source inside the theme\'s safe margin on 16:9, 9:16 and 720p canvases', () => {
    for (const [w, h] of [
      [1920, 1080],
      [1080, 1920],
      [1280, 720]
    ]) {
      const margin = (DEFAULT_THEME.safeMargin * Math.min(w, h)) / 100;
      for (const spec of studioSources(env(native, w, h))) {
        const t = spec.transform as Record<string, number>;
        const width = t.boundsWidth || Number(spec.settings.width) || Number(spec.filters?.[0]?.settings.cx);
        const height = t.boundsHeight || Number(spec.settings.height) || Number((spec.settings.font as { size: number })?.size);
        expect(t.positionX, `${spec.name} left on ${w}×${h}`).toBeGreaterThanOrEqual(Math.floor(margin));
        expect(t.positionY, `${spec.name} top on ${w}×${h}`).toBeGreaterThanOrEqual(Math.floor(margin));
        expect(t.positionX + width, `${spec.name} right on ${w}×${h}`).toBeLessThanOrEqual(Math.ceil(w - margin));
        expect(t.positionY + height, `${spec.name} bottom on ${w}×${h}`).toBeLessThanOrEqual(Math.ceil(h - margin));
      }
    }
  });

  it('lays a vertical canvas out full width with the card low and clear of the apps\' bottom buttons', () => {
    const specs = studioSources(env(native, 1080, 1920));
    const card = specs.find((s) => s.name === STUDIO_SOURCE.card)!;
    expect(card.settings.width).toBe(1080 - 2 * 54);
    const ticker = specs.find((s) => s.name === STUDIO_SOURCE.tickerBar)!.transform as Record<string, number>;
    expect(ticker.positionY).toBeLessThan(1920 * 0.88 - 54);
    expect((card.transform as Record<string, number>).positionY).toBeGreaterThan(1920 / 2);
  });

  it('draws in the theme\'s colours and font', () => {
    const theme = { ...DEFAULT_THEME, accent: '#00ff00', card: '#102030cc', font: "'Montserrat', sans-serif", safeMargin: 8 };
    const specs = studioSources(env(native, 1920, 1080, { theme }));
    expect(specs.find((s) => s.name === STUDIO_SOURCE.price)!.settings).toMatchObject({ color1: 0xff00ff00, font: { face: 'Montserrat' } });
    expect(specs.find((s) => s.name === STUDIO_SOURCE.card)!.settings.color).toBe(abgr('#102030cc'));
    expect((specs.find((s) => s.name === STUDIO_SOURCE.card)!.transform as Record<string, number>).positionX).toBe(Math.round(1080 * 0.08));
    expect(fontFace('system-ui, sans-serif')).toBe('DejaVu Sans');
  });

  it('gives the ticker a looping scroll the width of its bar', () => {
    const ticker = studioSources(env(native)).find((s) => s.name === STUDIO_SOURCE.ticker)!;
    expect(ticker.filters?.[0]).toMatchObject({ kind: 'scroll_filter', settings: { limit_cx: true, loop: true } });
  });

  it('tells another computer\'s OBS from this one\'s by its address', () => {
    expect(isRemoteObs('ws://127.0.0.1:4455')).toBe(false);
    expect(isRemoteObs('ws://localhost:4455')).toBe(false);
    expect(isRemoteObs('ws://[::1]:4455')).toBe(false);
    expect(isRemoteObs('ws://192.168.1.20:4455')).toBe(true);
    expect(isRemoteObs('ws://127.0.0.2:4455')).toBe(true);
  });
});
