import { describe, expect, it } from 'vitest';
import { audienceProblem } from '../../../src/renderer/src/components/settings/audience-check';

const show = [{ locale: 'pl-PL', currency: 'PLN' }];

describe('a new audience in the show settings', () => {
  it('takes a language-REGION locale and a three-letter currency Intl can write', () => {
    expect(audienceProblem('cs-CZ', 'CZK', show)).toBeNull();
    expect(audienceProblem('de-AT', 'EUR', show)).toBeNull();
  });

  it('refuses what the studio would refuse, before sending it: a malformed locale, a currency that is not a code, an audience twice', () => {
    expect(audienceProblem('pl_pl', 'PLN', show)).toBe('locale');
    expect(audienceProblem('polish', 'PLN', show)).toBe('locale');
    expect(audienceProblem('cs-CZ', 'zł', show)).toBe('currency');
    expect(audienceProblem('cs-CZ', 'CZ', show)).toBe('currency');
    expect(audienceProblem('pl-PL', 'EUR', show)).toBe('duplicate');
  });
});
