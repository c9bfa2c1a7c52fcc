import { describe, expect, it } from 'vitest';
import { HotkeyInputError, HotkeyRegistry, type GlobalShortcutPort } from '../../../../src/main/desktop/hotkey-registry';
import type { HotkeyActionId } from '../../../../src/main/desktop/hotkey-actions';

/** Electron's globalShortcut as the OS behaves: a key another app holds cannot be registered. */
class FakeGlobalShortcut implements GlobalShortcutPort {
  readonly held = new Map<string, () => void>();
  constructor(readonly ownedByOtherApps = new Set<string>()) {}
  register(accelerator: string, callback: () => void): boolean {
    if (this.ownedByOtherApps.has(accelerator) || this.held.has(accelerator)) return false;
    this.held.set(accelerator, callback);
    return true;
  }
  unregister(accelerator: string): void {
    this.held.delete(accelerator);
  }
  press(accelerator: string): void {
    this.held.get(accelerator)?.();
  }
}

function setup(owned: string[] = []) {
  const os = new FakeGlobalShortcut(new Set(owned));
  const pressed: HotkeyActionId[] = [];
  const registry = new HotkeyRegistry(os, (a) => pressed.push(a));
  return { os, pressed, registry };
}

describe('HotkeyRegistry', () => {
  it('holds no key at all until the user assigns one', () => {
    const { os, registry } = setup();
    const views = registry.apply({});
    expect(os.held.size).toBe(0);
    expect(views.filter((v) => v.state !== 'unavailable').every((v) => v.state === 'off' && v.accelerator === null)).toBe(true);
  });

  it('an assigned key pressed anywhere runs its action', () => {
    const { os, pressed, registry } = setup();
    registry.assign('next', 'CommandOrControl+Shift+Right');
    registry.assign('pin3', 'Alt+3');
    os.press('CommandOrControl+Shift+Right');
    os.press('Alt+3');
    expect(pressed).toEqual(['next', 'pin3']);
  });

  it('reports a key another app owns as taken, and keeps it saved for when that app lets go', () => {
    const { registry } = setup(['Control+F5']);
    const saved = registry.assign('offAir', 'Control+F5');
    expect(saved).toEqual({ offAir: 'Control+F5' });
    expect(registry.views().find((v) => v.action === 'offAir')).toMatchObject({ state: 'taken', accelerator: 'Control+F5' });
  });

  it('a remembered assignment is registered again on the next launch, and reassigning releases the old key', () => {
    const { os, registry } = setup();
    registry.apply({ next: 'F8', previous: 'F7' });
    expect([...os.held.keys()].sort()).toEqual(['F7', 'F8']);
    registry.assign('next', 'F9');
    expect([...os.held.keys()].sort()).toEqual(['F7', 'F9']);
    registry.assign('previous', null);
    expect([...os.held.keys()]).toEqual(['F9']);
  });

  it('refuses one key for two actions, a key that is not a combination, and an unknown action', () => {
    const { registry } = setup();
    registry.assign('next', 'F8');
    expect(() => registry.assign('previous', 'F8')).toThrow(expect.objectContaining({ code: 'duplicate_key' }));
    expect(() => registry.assign('previous', 'A')).toThrow(expect.objectContaining({ code: 'invalid_key' }));
    expect(() => registry.assign('previous', 'Ctrl+Banana')).toThrow(HotkeyInputError);
    expect(() => registry.assign('__proto__', 'F2')).toThrow(expect.objectContaining({ code: 'unknown_action' }));
    expect(() => registry.assign('constructor', 'F2')).toThrow(expect.objectContaining({ code: 'unknown_action' }));
  });

  it('hold, extend and the graphic toggle are defined but cannot be bound until their features exist', () => {
    const { os, registry } = setup();
    for (const action of ['holdSlot', 'extendSlot', 'toggleGraphic']) {
      expect(() => registry.assign(action, 'F10')).toThrow(expect.objectContaining({ code: 'unavailable' }));
    }
    registry.apply({ holdSlot: 'F10' });
    expect(os.held.size).toBe(0);
    const views = registry.views();
    expect(views.find((v) => v.action === 'holdSlot')).toMatchObject({ state: 'unavailable', needs: 'planned-rundown' });
    expect(views.find((v) => v.action === 'toggleGraphic')).toMatchObject({ state: 'unavailable', needs: 'graphics' });
  });

  it('a saved file with junk in it registers only the valid keys', () => {
    const { os, registry } = setup();
    registry.apply({ next: 'F8', previous: 'not a key', offAir: 'F8', pin1: 42 as unknown as string });
    expect([...os.held.entries()].map(([k]) => k)).toEqual(['F8']);
  });

  it('an accelerator Electron throws on counts as not registered, not as a crash', () => {
    const os: GlobalShortcutPort = {
      register: () => {
        throw new Error('conversion failure');
      },
      unregister: () => {}
    };
    const registry = new HotkeyRegistry(os, () => {});
    registry.apply({ next: 'F8' });
    expect(registry.views().find((v) => v.action === 'next')?.state).toBe('taken');
  });

  it('releases every key it holds on quit', () => {
    const { os, registry } = setup();
    registry.apply({ next: 'F8', pin1: 'Alt+1' });
    registry.releaseAll();
    expect(os.held.size).toBe(0);
  });
});
