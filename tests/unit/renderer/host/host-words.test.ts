import { describe, expect, it } from 'vitest';
import { hostWords } from '../../../../src/renderer/host/host-words';

describe("the host monitor's words", () => {
  it.each(['pl-PL', 'de-DE', 'fr-FR', 'es-ES', 'it-IT', 'ru-RU', 'uk-UA'])('speaks %s in its own words, not English', (locale) => {
    const words = hostWords(locale);
    const en = hostWords('en-GB');
    for (const key of ['onAir', 'next', 'notes', 'soldOut', 'held', 'nothingOnAir'] as const) expect(words[key], key).not.toBe(en[key]);
    expect(words.advancing(9)).toContain('9');
  });

  it('falls back to English for a language it does not speak, also for a name every object inherits', () => {
    expect(hostWords('cs-CZ').onAir).toBe('On air');
    expect(hostWords('constructor').onAir).toBe('On air');
  });
});
