import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ShowCore } from '../../../../src/main/show/show-core';
import { loadDemoShow } from '../../../../src/main/show/demo-show';
import { normalizeAccelerator, pressHotkey } from '../../../../src/main/desktop/hotkey-actions';
import { tempDir } from '../../../helpers/temp-dir';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function demoCore(): Promise<ShowCore> {
  const tmp = await tempDir();
  const { core } = await ShowCore.open(join(tmp.dir, 'show'));
  cleanups.push(async () => {
    await core.close();
    await tmp.cleanup();
  });
  await loadDemoShow(core, join(__dirname, '../../../../resources/demo'));
  return core;
}

describe('pressHotkey', () => {
  it('runs pin, next and off air through the show core, named desktop-hotkey in the activity trail', async () => {
    const core = await demoCore();
    const items = core.current.rundown;
    expect(items.length).toBeGreaterThan(3);
    expect(await pressHotkey(core, 'pin3')).toBe(true);
    expect(core.current.onAir?.itemId).toBe(items[2]!.id);
    await pressHotkey(core, 'next');
    expect(core.current.onAir?.itemId).toBe(items[3]!.id);
    await pressHotkey(core, 'previous');
    expect(core.current.onAir?.itemId).toBe(items[2]!.id);
    await pressHotkey(core, 'offAir');
    expect(core.current.onAir).toBeNull();
    const trail = core.recentEntries(4);
    expect(trail.map((e) => [e.command, e.actor.client])).toEqual([
      ['rundown.pin', 'desktop-hotkey'],
      ['rundown.next', 'desktop-hotkey'],
      ['rundown.previous', 'desktop-hotkey'],
      ['rundown.unpin', 'desktop-hotkey']
    ]);
  });

  it('a pin key with no such item in the rundown, and the actions not built yet, change nothing', async () => {
    const tmp = await tempDir();
    const { core } = await ShowCore.open(join(tmp.dir, 'show'));
    cleanups.push(async () => {
      await core.close();
      await tmp.cleanup();
    });
    expect(await pressHotkey(core, 'pin1')).toBe(false);
    expect(await pressHotkey(core, 'holdSlot')).toBe(false);
    expect(await pressHotkey(core, 'extendSlot')).toBe(false);
    expect(await pressHotkey(core, 'toggleGraphic')).toBe(false);
    expect(core.current.revision).toBe(0);
  });

  it('pin 9 puts the ninth item on air', async () => {
    const core = await demoCore();
    await pressHotkey(core, 'pin9');
    expect(core.current.onAir?.itemId).toBe(core.current.rundown[8]!.id);
  });
});

describe('normalizeAccelerator', () => {
  it('accepts modifier combinations, F-keys and clicker keys, written the way Electron expects', () => {
    expect(normalizeAccelerator('commandorcontrol+shift+right')).toBe('commandorcontrol+shift+Right');
    expect(normalizeAccelerator('Alt+3')).toBe('Alt+3');
    expect(normalizeAccelerator('f13')).toBe('F13');
    expect(normalizeAccelerator('PageDown')).toBe('PageDown');
    expect(normalizeAccelerator('Ctrl+a')).toBe('Ctrl+A');
  });

  it('refuses plain letters, doubled modifiers, two keys and anything not a string', () => {
    for (const bad of ['a', 'Shift+a', 'Ctrl+Ctrl+A', 'Ctrl+A+B', '', '+', 'Ctrl+', 'x'.repeat(70), 'Hyper+A']) expect(normalizeAccelerator(bad), bad).toBeNull();
    expect(normalizeAccelerator(7)).toBeNull();
    expect(normalizeAccelerator(null)).toBeNull();
  });
});
