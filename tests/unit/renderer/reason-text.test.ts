import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DESK_DICTIONARIES, setDeskLanguage, t } from '../../../src/renderer/src/i18n/desk-text';
import { reasonParts } from '../../../src/renderer/src/i18n/reason-text';

afterEach(() => setDeskLanguage('en', 'en-GB'));

/** Every code the studio's server can send: the literal first argument of each `reason(…)` under src/main. */
function codesTheStudioSends(): string[] {
  const root = join(__dirname, '../../../src/main');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const codes = files.flatMap((f) => [...readFileSync(join(root, f), 'utf8').matchAll(/\breason\(\s*'([\w.]+)'/g)].map((m) => m[1]!));
  return [...new Set(codes)].sort();
}

const slots = (text: string) => [...text.matchAll(/\{\{(\w+)(?:, *\w+)?\}\}/g)].map((m) => m[1]).sort();
const say = (lang: string, code: string, params: Record<string, string | number>, english = 'ENGLISH') => {
  setDeskLanguage(lang);
  return reasonParts(t, { code, params }, english);
};
const joined = (parts: { text: string }[]) => parts.map((p) => p.text).join('');

describe('the studio’s reasons on the desk', () => {
  it('has words for every code the studio sends, in all eight desk languages, with the same parameters as English', () => {
    const codes = codesTheStudioSends();
    expect(codes.length).toBeGreaterThan(30);
    expect(codes).toContain('obs.link.unreachable');
    expect(codes).toContain('import.notPrice');
    expect(codes).toContain('marketplace.auth');
    for (const [lang, dict] of Object.entries(DESK_DICTIONARIES)) {
      for (const code of codes) {
        const key = `reason.${code}`;
        expect(Object.hasOwn(dict, key), `${lang} has no words for ${code}`).toBe(true);
        expect(slots(dict[key]!), `${lang} ${code}`).toEqual(slots(DESK_DICTIONARIES.en![key]!));
      }
    }
  });

  it('words a row’s problem in Polish and keeps the file’s own column and cell as they came', () => {
    const parts = say('pl', 'import.notPrice', { column: 'price:PLN', value: 'abc' });
    expect(joined(parts)).toBe('price:PLN: „abc” nie jest ceną');
    expect(parts.filter((p) => p.verbatim).map((p) => p.text)).toEqual(['price:PLN', 'abc']);
  });

  it('frames the marketplace’s own words in Polish, quoting them as they came', () => {
    const parts = say('pl', 'marketplace.auth', { detail: 'Shopify refused the access token (401)' });
    expect(joined(parts)).toBe('Platforma sprzedażowa odrzuciła dane dostępowe studia: Shopify refused the access token (401)');
    expect(parts.filter((p) => p.verbatim).map((p) => p.text)).toEqual(['Shopify refused the access token (401)']);
  });

  it('writes numbers the operator’s way: 16,7% of frames in Polish, 16.7% in English', () => {
    expect(joined(say('pl', 'obs.health.renderLag', { percent: 16.7 }))).toMatch(/^OBS gubi 16,7% renderowanych klatek/);
    expect(joined(say('en', 'obs.health.renderLag', { percent: 16.7 }))).toMatch(/^OBS is dropping 16.7% of rendered frames/);
    expect(joined(say('de', 'obs.record.diskFull', { folder: '/rec', freeMb: 1500 }))).toContain('(1.500 MB frei)');
  });

  it('shows the studio’s English, verbatim, for a code this desk does not know (a newer studio) or no code at all', () => {
    expect(say('pl', 'obs.link.fromTheFuture', {}, 'OBS did something new')).toEqual([{ text: 'OBS did something new', verbatim: true }]);
    setDeskLanguage('pl');
    expect(reasonParts(t, null, 'OBS is not reachable')).toEqual([{ text: 'OBS is not reachable', verbatim: true }]);
  });
});
