import type { Actor } from '../../shared/events';
import type { ShowState } from '../show/state';

/**
 * What a global hotkey can do. Each available action becomes a command through the same path as
 * every other face (ShowCore.execute); the rest are defined so a key can be planned for them, but
 * stay disabled until the feature they drive exists.
 */
export type HotkeyActionId =
  | 'next'
  | 'previous'
  | 'offAir'
  | 'pin1'
  | 'pin2'
  | 'pin3'
  | 'pin4'
  | 'pin5'
  | 'pin6'
  | 'pin7'
  | 'pin8'
  | 'pin9'
  | 'holdSlot'
  | 'extendSlot'
  | 'toggleGraphic';

/** Why an action is defined but cannot be bound yet: the feature it drives is planned, not built. */
export type HotkeyNeeds = 'planned-rundown' | 'graphics';

export interface HotkeyAction {
  id: HotkeyActionId;
  /** The command it runs against the show as it is now; null when there is nothing to do (no item 7). */
  command: ((state: ShowState) => Record<string, unknown> | null) | null;
  needs: HotkeyNeeds | null;
}

const pin =
  (n: number) =>
  (state: ShowState): Record<string, unknown> | null => {
    const item = state.rundown[n - 1];
    return item ? { type: 'rundown.pin', itemId: item.id } : null;
  };

export const HOTKEY_ACTIONS: readonly HotkeyAction[] = [
  { id: 'next', command: () => ({ type: 'rundown.next' }), needs: null },
  { id: 'previous', command: () => ({ type: 'rundown.previous' }), needs: null },
  { id: 'offAir', command: () => ({ type: 'rundown.unpin' }), needs: null },
  ...([1, 2, 3, 4, 5, 6, 7, 8, 9] as const).map((n) => ({ id: `pin${n}` as HotkeyActionId, command: pin(n), needs: null })),
  // Issue 15 (the planned rundown with slot times) adds hold and extend; issue 17 the graphics.
  { id: 'holdSlot', command: null, needs: 'planned-rundown' },
  { id: 'extendSlot', command: null, needs: 'planned-rundown' },
  { id: 'toggleGraphic', command: null, needs: 'graphics' }
];

const BY_ID = new Map<string, HotkeyAction>(HOTKEY_ACTIONS.map((a) => [a.id, a]));

/** The action with this id, or undefined for anything else (ids come from the window: only ids). */
export function hotkeyAction(id: string): HotkeyAction | undefined {
  return BY_ID.get(id);
}

/** Who a hotkey acts as in the activity trail: this machine's owner, pressing a key anywhere. */
export const HOTKEY_ACTOR: Actor = { id: 'owner', client: 'desktop-hotkey', name: 'Studio', role: 'producer' };

const MODIFIERS = new Set(['command', 'cmd', 'control', 'ctrl', 'commandorcontrol', 'cmdorctrl', 'alt', 'option', 'altgr', 'shift', 'super', 'meta']);
const NAMED_KEYS = new Set([
  'plus', 'space', 'tab', 'capslock', 'numlock', 'scrolllock', 'backspace', 'delete', 'insert', 'return', 'enter',
  'up', 'down', 'left', 'right', 'home', 'end', 'pageup', 'pagedown', 'escape', 'esc', 'printscreen',
  'volumeup', 'volumedown', 'volumemute', 'medianexttrack', 'mediaprevioustrack', 'mediastop', 'mediaplaypause',
  'num0', 'num1', 'num2', 'num3', 'num4', 'num5', 'num6', 'num7', 'num8', 'num9',
  'numdec', 'numadd', 'numsub', 'nummult', 'numdiv'
]);

/**
 * The accelerator in Electron's form (`CommandOrControl+Shift+Right`) if it is one, else null.
 * Modifiers first, exactly one key; a key alone is allowed for clickers and F-keys, but not a plain
 * letter or digit, which would steal typing from every other app.
 */
export function normalizeAccelerator(input: unknown): string | null {
  if (typeof input !== 'string' || input.length === 0 || input.length > 60) return null;
  const parts = input.split('+').map((p) => p.trim());
  if (parts.some((p) => p === '')) return null;
  const key = parts.pop()!;
  const mods = parts.map((p) => p.toLowerCase());
  if (mods.some((m) => !MODIFIERS.has(m)) || new Set(mods).size !== mods.length) return null;
  const k = key.toLowerCase();
  const isChar = /^[a-z0-9]$/.test(k) || /^[`\-=[\]\\;',./]$/.test(key);
  const isFKey = /^f([1-9]|1\d|2[0-4])$/.test(k);
  if (!isChar && !isFKey && !NAMED_KEYS.has(k)) return null;
  if (isChar && mods.every((m) => m === 'shift')) return null;
  return [...parts, isChar ? key.toUpperCase() : isFKey ? key.toUpperCase() : key[0]!.toUpperCase() + key.slice(1)].join('+');
}

/** The slice of ShowCore a hotkey needs: the show as acknowledged, and the one command path. */
export interface HotkeyCore {
  readonly current: ShowState;
  execute(command: unknown, actor: Actor): Promise<unknown>;
}

/**
 * Runs the action's command as `desktop-hotkey`. Resolves false when there is nothing to do (an
 * action not built yet, or pin 7 with six items); a refusal by the show rejects like any command's.
 */
export async function pressHotkey(core: HotkeyCore, id: HotkeyActionId): Promise<boolean> {
  const command = hotkeyAction(id)?.command?.(core.current) ?? null;
  if (!command) return false;
  await core.execute(command, HOTKEY_ACTOR);
  return true;
}
