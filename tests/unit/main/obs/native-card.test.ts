import { describe, expect, it } from 'vitest';
import { layoutLines, nativeCard } from '../../../../src/main/obs/native-card';
import { STUDIO_SOURCE } from '../../../../src/main/obs/studio-sources';
import { DEFAULT_THEME } from '../../../../src/shared/theme';

const kinds = { text: 'text_ft2_source_v2', color: 'color_source_v3', scroll: true };

describe('the native card layout', () => {
  it('depends only on whether the card lines and the logo have something to show', () => {
    const asked = new Set<string>();
    for (const [w, h] of [[1920, 1080], [1080, 1920]]) nativeCard(kinds, w, h, DEFAULT_THEME, (name) => (asked.add(name), name !== STUDIO_SOURCE.pitch));
    expect([...asked].every((name) => layoutLines().includes(name))).toBe(true);
    // Whatever the other sources show, the layout is the same.
    const lines = new Set(layoutLines());
    const quiet = nativeCard(kinds, 1920, 1080, DEFAULT_THEME, (name) => lines.has(name));
    const busy = nativeCard(kinds, 1920, 1080, DEFAULT_THEME, () => true);
    expect(busy).toEqual(quiet);
  });

  it('closes the card up around an empty pitch: the card is shorter, so it starts lower', () => {
    const cardTop = (filled: (name: string) => boolean) => Number(nativeCard(kinds, 1920, 1080, DEFAULT_THEME, filled).find((s) => s.name === STUDIO_SOURCE.card)!.transform.positionY);
    expect(cardTop((name) => name !== STUDIO_SOURCE.pitch)).toBeGreaterThan(cardTop(() => true));
  });
});
