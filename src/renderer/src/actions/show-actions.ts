import type { CommandName } from '@shared/command-registry';

export type ActionId = 'next' | 'previous' | 'offAir' | 'hold' | 'pinSelected' | 'pinNth' | 'search' | 'help';

/**
 * One thing the operator can do to the show, wherever it is offered: its keys, its button, its line
 * in the keyboard help. Who may do it is who may run `command` (`useMay`/`mayNow`); actions without
 * a command stay on this screen and are everyone's.
 */
export interface ShowAction {
  id: ActionId;
  /** The studio command it runs, by its registry name; null for what stays on this screen. */
  command: CommandName | null;
  /** The `KeyboardEvent.key` values that run it (letters in both cases: Caps Lock must not stop the show). */
  keys: readonly string[];
  /** The keys as printed for the operator; a name in `KEY_NAMES` is said in the desk's language. */
  keyLabels: readonly string[];
  /** Desk-dictionary key: what it does, as the keyboard help says it. */
  label: string;
  /** Desk-dictionary keys of its button, where it has one: the text, and the hint that takes `{{keys}}`. */
  button?: { text: string; hint: string };
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * Every action in the order the help lists them. PageUp/PageDown are what presentation clickers
 * send, so a clicker in the host's hand runs the rundown.
 */
export const SHOW_ACTIONS: readonly ShowAction[] = [
  { id: 'next', command: 'rundown.next', keys: ['ArrowDown', 'PageDown', 'n', 'N'], keyLabels: ['↓', 'PageDown', 'N'], label: 'keys.next', button: { text: 'controls.next', hint: 'controls.nextHint' } },
  { id: 'previous', command: 'rundown.previous', keys: ['ArrowUp', 'PageUp', 'b', 'B'], keyLabels: ['↑', 'PageUp', 'B'], label: 'keys.previous', button: { text: 'controls.previous', hint: 'controls.previousHint' } },
  { id: 'hold', command: 'rundown.hold', keys: ['h', 'H'], keyLabels: ['H'], label: 'keys.hold' },
  { id: 'pinSelected', command: 'rundown.pin', keys: ['Enter'], keyLabels: ['Enter'], label: 'keys.pinSelected' },
  { id: 'pinNth', command: 'rundown.pin', keys: DIGITS, keyLabels: ['1 – 9'], label: 'keys.pinNth' },
  { id: 'offAir', command: 'rundown.unpin', keys: ['Escape'], keyLabels: ['Escape'], label: 'keys.offAir', button: { text: 'controls.offAir', hint: 'controls.offAirHint' } },
  { id: 'search', command: null, keys: ['/'], keyLabels: ['/'], label: 'keys.search' },
  { id: 'help', command: null, keys: ['?'], keyLabels: ['?'], label: 'keys.help' }
];

/** Key names a keyboard prints differently per language (German "Bild↑", French "Échap"): desk-dictionary keys. */
export const KEY_NAMES: Readonly<Record<string, string>> = { PageUp: 'keyName.pageUp', PageDown: 'keyName.pageDown', Escape: 'keyName.escape' };

const BY_ID = new Map(SHOW_ACTIONS.map((a) => [a.id, a]));

export function showAction(id: ActionId): ShowAction {
  return BY_ID.get(id)!;
}

/** The action a key runs, with the item's place in the rundown for a digit. */
export function actionForKey(key: string): { action: ShowAction; nth?: number } | null {
  const action = SHOW_ACTIONS.find((a) => a.keys.includes(key));
  if (!action) return null;
  return action.id === 'pinNth' ? { action, nth: Number(key) - 1 } : { action };
}

/** The keys of an action as the operator reads them, each name in the desk's language. */
export function keyLabelsOf(action: ShowAction, t: (key: string) => string): string[] {
  return action.keyLabels.map((k) => (Object.hasOwn(KEY_NAMES, k) ? t(KEY_NAMES[k]) : k));
}
