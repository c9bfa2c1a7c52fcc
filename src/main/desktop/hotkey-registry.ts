import { HOTKEY_ACTIONS, hotkeyAction, normalizeAccelerator, type HotkeyActionId, type HotkeyNeeds } from './hotkey-actions';

/** The part of Electron's `globalShortcut` the registry uses; replaced in tests. */
export interface GlobalShortcutPort {
  /** False when the key is already taken (by another app or the system). */
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

export type HotkeyState = 'off' | 'active' | 'taken' | 'unavailable';

/** One action as the hotkeys panel shows it. */
export interface HotkeyView {
  action: HotkeyActionId;
  accelerator: string | null;
  /** `taken`: the system or another app owns the key, so pressing it does nothing here. */
  state: HotkeyState;
  needs: HotkeyNeeds | null;
}

/** The saved assignment: action id → accelerator. Off by default: an empty map. */
export type HotkeyBindings = Partial<Record<HotkeyActionId, string>>;

export class HotkeyInputError extends Error {
  constructor(
    readonly code: 'unknown_action' | 'invalid_key' | 'duplicate_key' | 'unavailable',
    message: string
  ) {
    super(message);
  }
}

/**
 * The global hotkeys this app holds: registers the saved assignment with the OS, tells which keys
 * another app owns, and turns a press into `onPress(action)`. Only keys it registered are released.
 */
export class HotkeyRegistry {
  private held = new Map<string, HotkeyActionId>();
  private bindings: HotkeyBindings = {};
  private taken = new Set<HotkeyActionId>();

  constructor(
    private readonly port: GlobalShortcutPort,
    private readonly onPress: (action: HotkeyActionId) => void
  ) {}

  /** Registers `bindings` (anything unknown, invalid or unavailable in them is dropped). */
  apply(bindings: HotkeyBindings): HotkeyView[] {
    this.releaseAll();
    this.bindings = {};
    this.taken.clear();
    for (const action of HOTKEY_ACTIONS) {
      const raw = Object.hasOwn(bindings, action.id) ? bindings[action.id] : undefined;
      const accelerator = normalizeAccelerator(raw);
      if (!accelerator || !action.command || [...Object.values(this.bindings)].includes(accelerator)) continue;
      this.bindings[action.id] = accelerator;
      this.hold(action.id, accelerator);
    }
    return this.views();
  }

  /**
   * Gives `action` a key (null takes it away) and returns the new assignment to save. A key that
   * another app owns is still saved (that app may quit), and reported as `taken`.
   */
  assign(actionId: string, input: string | null): HotkeyBindings {
    const action = hotkeyAction(actionId);
    if (!action) throw new HotkeyInputError('unknown_action', `no hotkey action "${actionId.slice(0, 40)}"`);
    if (input !== null && !action.command) throw new HotkeyInputError('unavailable', `"${action.id}" needs a feature the studio does not have yet`);
    const accelerator = input === null ? null : normalizeAccelerator(input);
    if (input !== null && !accelerator) throw new HotkeyInputError('invalid_key', 'not a key combination the system can register (a letter or digit needs a modifier)');
    const owner = [...Object.entries(this.bindings)].find(([id, acc]) => acc === accelerator && id !== action.id);
    if (owner) throw new HotkeyInputError('duplicate_key', `${accelerator} is already assigned to "${owner[0]}"`);
    const next: HotkeyBindings = { ...this.bindings };
    if (accelerator) next[action.id] = accelerator;
    else delete next[action.id];
    this.apply(next);
    return { ...this.bindings };
  }

  views(): HotkeyView[] {
    return HOTKEY_ACTIONS.map((a) => {
      const accelerator = this.bindings[a.id] ?? null;
      const state: HotkeyState = !a.command ? 'unavailable' : !accelerator ? 'off' : this.taken.has(a.id) ? 'taken' : 'active';
      return { action: a.id, accelerator, state, needs: a.needs };
    });
  }

  /** Lets go of every key this app holds (on quit, and before a new assignment). */
  releaseAll(): void {
    for (const accelerator of this.held.keys()) this.port.unregister(accelerator);
    this.held.clear();
  }

  private hold(action: HotkeyActionId, accelerator: string): void {
    let ok = false;
    try {
      ok = this.port.register(accelerator, () => this.onPress(action));
    } catch {
      // Electron throws on an accelerator the platform cannot express: the same as not getting it.
      ok = false;
    }
    if (ok) this.held.set(accelerator, action);
    else this.taken.add(action);
  }
}
