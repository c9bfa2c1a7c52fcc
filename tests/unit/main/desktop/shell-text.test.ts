import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHELL_DICTIONARIES, ShellLanguage, shellLanguage, shellText } from '../../../../src/main/desktop/shell-text';
import { trayModel } from '../../../../src/main/desktop/tray-model';
import { quitQuestion } from '../../../../src/main/desktop/quit-guard';
import { newNotices, type NoticeHealth } from '../../../../src/main/desktop/notify-throttle';
import type { OnAirSummary } from '../../../../src/main/desktop/on-air-summary';

const LANGS = ['en', 'pl', 'de', 'fr', 'es', 'it', 'ru', 'uk'];
const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseKey = (key: string) => key.replace(PLURAL, '');
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

/** A regular expression for every text the dictionary can produce: a label must match one of its language's. */
function templatesOf(lang: string): RegExp[] {
  return Object.values(SHELL_DICTIONARIES[lang]!).map((text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\\\{\w+\\\}\\\}/g, '.+')}$`, 's'));
}

const show: OnAirSummary = {
  product: 'Lavender trousers',
  since: 1_000,
  obs: [
    { name: 'OBS PL', live: true, recording: true, connected: true },
    { name: 'OBS DE', live: true, recording: false, connected: true },
    { name: 'OBS FR', live: false, recording: false, connected: false }
  ]
};
const healthy: NoticeHealth = { obs: new Map([['OBS PL', true], ['OBS DE', true]]), marketplaceFailing: false, diskWritable: true };
const failing: NoticeHealth = { obs: new Map([['OBS PL', false], ['OBS DE', false]]), marketplaceFailing: true, diskWritable: false };

/** Every word the shell can show in `lang` for a busy show: tray, tooltip, quit dialog, notices. */
function everyShellText(lang: string): string[] {
  const text = shellText(lang);
  const menus = [trayModel(show, 126_000, true, text), trayModel({ ...show, product: null, obs: [] }, 0, false, text)];
  const question = quitQuestion(show, text)!;
  return [
    ...menus.flatMap((m) => [m.tooltip, ...m.entries.flatMap((e) => (e.kind === 'separator' ? [] : [e.label]))]),
    question.message,
    question.detail,
    ...question.buttons,
    ...newNotices(healthy, failing, text).map((n) => n.body)
  ];
}

describe('the desktop shell’s dictionaries', () => {
  it('exist for en pl de fr es it ru uk, each with the same words as English, none empty, with the same placeholders', () => {
    expect(Object.keys(SHELL_DICTIONARIES).sort()).toEqual([...LANGS].sort());
    const english = SHELL_DICTIONARIES.en!;
    const englishBases = [...new Set(Object.keys(english).map(baseKey))].sort();
    for (const lang of LANGS) {
      const dict = SHELL_DICTIONARIES[lang]!;
      expect([...new Set(Object.keys(dict).map(baseKey))].sort(), lang).toEqual(englishBases);
      for (const [key, text] of Object.entries(dict)) {
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
        const englishText = english[key] ?? english[`${baseKey(key)}_other`]!;
        expect(placeholders(text), `${lang} ${key}`).toEqual(placeholders(englishText));
      }
    }
  });

  it('give each counted word exactly the plural forms CLDR defines for its language (Polish one/few/many/other)', () => {
    for (const lang of LANGS) {
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories.slice().sort();
      const counted = new Set(Object.keys(SHELL_DICTIONARIES[lang]!).filter((k) => PLURAL.test(k)).map(baseKey));
      for (const key of counted) {
        const forms = Object.keys(SHELL_DICTIONARIES[lang]!).filter((k) => baseKey(k) === key && PLURAL.test(k)).map((k) => PLURAL.exec(k)![1]).sort();
        expect(forms, `${lang} ${key}`).toEqual(categories);
      }
    }
  });

  it('are read by the main process from beside it, not from the renderer (the layers forbid it)', () => {
    const dir = join(__dirname, '../../../../src/main/desktop/locales');
    expect(readdirSync(dir).filter((f) => f.endsWith('.json')).sort()).toEqual(LANGS.map((l) => `${l}.json`).sort());
  });
});

describe('the shell speaks the operator’s language', () => {
  for (const lang of LANGS) {
    it(`in ${lang}, every tray entry, tooltip, quit question and notice is a text of the ${lang} dictionary`, () => {
      const templates = templatesOf(lang);
      for (const text of everyShellText(lang)) expect(templates.some((t) => t.test(text)), `${lang}: "${text}" is not from the dictionary`).toBe(true);
    });
  }

  it('says it in Polish, with Polish plurals and lists: two OBS „nadają”, one „nadaje”', () => {
    const pl = shellText('pl');
    const q = quitQuestion(show, pl)!;
    expect(q.message).toBe('Zakończyć Shopcast Studio w trakcie programu?');
    expect(q.detail).toMatch(/^„Lavender trousers” jest na antenie i OBS PL i OBS DE nadają na żywo\./);
    expect(q.buttons).toEqual(['Nie zamykaj', 'Zakończ']);
    expect(quitQuestion({ ...show, product: null, obs: [show.obs[0]!] }, pl)!.detail).toMatch(/^OBS PL nadaje na żywo\./);
    const menu = trayModel(show, 126_000, true, pl);
    expect(menu.entries[0]).toEqual({ kind: 'label', label: 'Na antenie: Lavender trousers (2:05)' });
    expect(menu.entries).toContainEqual({ kind: 'label', label: 'OBS PL: NA ŻYWO, nagrywa' });
    expect(menu.tooltip).toBe('Shopcast Studio: Na antenie: Lavender trousers (2:05) · OBS na żywo: 2');
    expect(newNotices(healthy, failing, pl)[0]!.body).toBe('Utracono połączenie z OBS PL i OBS DE. Studio próbuje dalej.');
  });

  it('differs from English in every language but English, for the menu’s actions', () => {
    const actions = (lang: string) => trayModel(show, 0, true, shellText(lang)).entries.flatMap((e) => (e.kind === 'action' ? [e.label] : []));
    for (const lang of LANGS.filter((l) => l !== 'en')) expect(actions(lang).filter((label) => actions('en').includes(label)), lang).toEqual([]);
  });

  it('has no word of its own outside the dictionaries: no quoted text where the shell names a menu, dialog or notice', () => {
    const dir = join(__dirname, '../../../../src/main/desktop');
    const literal = /\b(label|title|message|detail|body):\s*['"`]|filters:.*\bname:\s*['"`]|notify\(\s*['"`]|buttons:\s*\[\s*['"`]/;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const lines = readFileSync(join(dir, file), 'utf8').split('\n');
      expect(lines.filter((line) => literal.test(line)), file).toEqual([]);
    }
  });
});

describe('which language the shell speaks', () => {
  it('follows the OS’s first language it speaks, and the desk’s picker over the OS', () => {
    expect(shellLanguage(['pl-PL', 'en-US'], null)).toBe('pl');
    expect(shellLanguage(['nl-NL', 'de_AT', 'en'], null)).toBe('de');
    expect(shellLanguage(['nl-NL'], null)).toBe('en');
    expect(shellLanguage(['pl-PL'], 'uk')).toBe('uk');
    expect(shellLanguage(['pl-PL'], 'xx')).toBe('pl');
    expect(shellText('xx').lang).toBe('en');
  });

  it('remembers the desk’s choice, tells the tray to rebuild, and refuses a language it does not speak', () => {
    let stored: string | undefined;
    const language = new ShellLanguage({ get: () => stored, set: (lang) => (stored = lang) }, ['fr-FR']);
    let changes = 0;
    language.subscribe(() => changes++);
    expect(language.text.lang).toBe('fr');
    expect(language.choose('pl')).toBe(true);
    expect([language.text.lang, stored, changes]).toEqual(['pl', 'pl', 1]);
    expect(language.choose('pl')).toBe(true);
    expect(changes).toBe(1);
    for (const bad of ['xx', '__proto__', 42, null]) expect(language.choose(bad)).toBe(false);
    expect([language.text.lang, changes]).toEqual(['pl', 1]);
  });
});
