import type { OverlayText } from '../../shared/overlay-text';

/** Enough for every label of a show's audiences; past it the memory starts again (made-up values). */
const REMEMBERED = 2000;

/**
 * The overlay labels as OBS's sources need them, each worked out once: an i18next lookup with plural
 * rules costs tens of microseconds, and every OBS asks for the same few ("Zostało 5 sztuk", "Za
 * chwilę") on every pin. The dictionaries are loaded once, so a label for the same locale, key and
 * values never changes.
 */
export function rememberedText(text: OverlayText): OverlayText {
  const labels = new Map<string, string>();
  const remembered = Object.create(text) as OverlayText;
  remembered.t = (locale: string, key: string, vars: Record<string, unknown> = {}): string => {
    const id = `${locale}\u0000${key}\u0000${JSON.stringify(vars)}`;
    let label = labels.get(id);
    if (label === undefined) {
      label = text.t(locale, key, vars);
      if (labels.size >= REMEMBERED) labels.clear();
      labels.set(id, label);
    }
    return label;
  };
  return remembered;
}
