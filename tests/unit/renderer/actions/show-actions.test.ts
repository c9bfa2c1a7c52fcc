import { describe, expect, it } from 'vitest';
import { isCommandName } from '../../../../src/shared/command-registry';
import { DESK_DICTIONARIES } from '../../../../src/renderer/src/i18n/desk-text';
import { actionForKey, KEY_NAMES, keyLabelsOf, SHOW_ACTIONS, showAction } from '../../../../src/renderer/src/actions/show-actions';
import { shortcutFor } from '../../../../src/renderer/src/lib/shortcuts';

/** Every dictionary key an action shows: its help line, its button and hint, the names of its keys. */
const wordsOf = (action: (typeof SHOW_ACTIONS)[number]) => [action.label, ...(action.button ? [action.button.text, action.button.hint] : []), ...action.keyLabels.filter((k) => Object.hasOwn(KEY_NAMES, k)).map((k) => KEY_NAMES[k])];

describe('the actions registry', () => {
  it.each(Object.keys(DESK_DICTIONARIES))('has every label, button and key name of every action in the %s desk dictionary', (lang) => {
    const missing = SHOW_ACTIONS.flatMap(wordsOf).filter((key) => !Object.hasOwn(DESK_DICTIONARIES[lang], key));
    expect(missing).toEqual([]);
  });

  it.each(Object.keys(DESK_DICTIONARIES))('gives every button hint in %s a place for the keys, so no language prints keys the registry does not have', (lang) => {
    const hints = SHOW_ACTIONS.flatMap((a) => (a.button ? [DESK_DICTIONARIES[lang][a.button.hint]] : []));
    expect(hints.length).toBeGreaterThan(0);
    for (const hint of hints) expect(hint).toMatch(/\{\{keys\}\}/);
  });

  it('never gives one key to two actions, nor one id twice', () => {
    const keys = SHOW_ACTIONS.flatMap((a) => a.keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(SHOW_ACTIONS.map((a) => a.id)).size).toBe(SHOW_ACTIONS.length);
  });

  it('names only commands the command registry has', () => {
    for (const action of SHOW_ACTIONS) if (action.command !== null) expect(isCommandName(action.command)).toBe(true);
  });

  it('runs the rundown from a clicker, arrows and letters in either case, and pins the n-th item from a digit', () => {
    for (const key of ['PageDown', 'ArrowDown', 'n', 'N']) expect(actionForKey(key)?.action.id).toBe('next');
    for (const key of ['PageUp', 'ArrowUp', 'b', 'B']) expect(actionForKey(key)?.action.id).toBe('previous');
    expect(actionForKey('Escape')?.action.command).toBe('rundown.unpin');
    expect(actionForKey('3')).toEqual({ action: showAction('pinNth'), nth: 2 });
    expect(actionForKey('0')).toBeNull();
    expect(actionForKey('x')).toBeNull();
  });

  it('leaves keys held with Ctrl, Cmd or Alt to the browser', () => {
    expect(shortcutFor({ key: 'n' })?.action.id).toBe('next');
    expect(shortcutFor({ key: 'n', ctrlKey: true })).toBeNull();
    expect(shortcutFor({ key: '1', metaKey: true })).toBeNull();
    expect(shortcutFor({ key: 'PageDown', altKey: true })).toBeNull();
  });

  it('prints the keys in the desk language where a keyboard names them differently', () => {
    const de = (key: string) => DESK_DICTIONARIES.de[key];
    expect(keyLabelsOf(showAction('previous'), de)).toEqual(['↑', 'Bild↑', 'B']);
    expect(keyLabelsOf(showAction('offAir'), (key) => DESK_DICTIONARIES.fr[key])).toEqual(['Échap']);
  });
});
