import { describe, expect, it } from 'vitest';
import { slotTime, trayModel } from '../../../../src/main/desktop/tray-model';
import { CloseToTray, quitQuestion } from '../../../../src/main/desktop/quit-guard';
import { summarizeOnAir, type OnAirSummary } from '../../../../src/main/desktop/on-air-summary';
import { initialShowState } from '../../../../src/main/show/state';
import type { ObsConnectionView } from '../../../../src/shared/obs';
import { shellText } from '../../../../src/main/desktop/shell-text';

const en = shellText('en');

const idle: OnAirSummary = { product: null, since: null, obs: [] };
const obsOff = { name: 'OBS PL', live: false, recording: false, connected: true };

describe('trayModel', () => {
  it('shows the on-air product with its time in slot, and each OBS with its live and recording state', () => {
    const s: OnAirSummary = { product: 'Lavender trousers', since: 1_000, obs: [{ ...obsOff, live: true, recording: true }, { name: 'OBS DE', live: false, recording: false, connected: false }] };
    const model = trayModel(s, 1_000 + 125_000, true, en);
    const labels = model.entries.flatMap((e) => (e.kind === 'separator' ? [] : [e.label]));
    expect(labels).toContain('On air: Lavender trousers (2:05)');
    expect(labels).toContain('OBS PL: LIVE, recording');
    expect(labels).toContain('OBS DE: not connected');
    expect(model.tooltip).toBe('Shopcast Studio: On air: Lavender trousers (2:05) · OBS live: 1');
  });

  it('offers next, previous, off air, open and quit; off air only while something is on air', () => {
    const commands = (m: ReturnType<typeof trayModel>) => m.entries.flatMap((e) => (e.kind === 'action' ? [[e.command, e.enabled]] : []));
    expect(commands(trayModel(idle, 0, true, en))).toEqual([
      ['next', true],
      ['previous', true],
      ['offAir', false],
      ['open', true],
      ['quit', true]
    ]);
    expect(commands(trayModel({ ...idle, product: 'Scarf', since: 0 }, 0, false, en))).toContainEqual(['offAir', true]);
    expect(commands(trayModel(idle, 0, false, en))).toContainEqual(['next', false]);
  });

  it('writes time in slot as m:ss, and h:mm:ss past an hour', () => {
    expect(slotTime(0)).toBe('0:00');
    expect(slotTime(59_999)).toBe('0:59');
    expect(slotTime(3_725_000)).toBe('1:02:05');
    expect(slotTime(-5)).toBe('0:00');
  });
});

describe('summarizeOnAir', () => {
  it('names the on-air product in the show\'s first language and reads each OBS\'s outputs', () => {
    const state = { ...initialShowState(), locales: [{ locale: 'de-DE', currency: 'EUR' }] };
    state.products = { p1: { id: 'p1', title: { en: 'Scarf', de: 'Schal' } } as never };
    state.onAir = { itemId: 'item-1', productId: 'p1', since: 42 };
    const obs = [{ name: 'A', status: 'identified', outputs: { stream: { state: 'on' }, record: { state: 'off' } } }] as unknown as ObsConnectionView[];
    expect(summarizeOnAir(state, obs)).toEqual({ product: 'Schal', since: 42, obs: [{ name: 'A', live: true, recording: false, connected: true }] });
    expect(summarizeOnAir({ ...state, onAir: null }, []).product).toBeNull();
  });
});

describe('quitQuestion', () => {
  it('lets the app quit without asking when nothing is on air and no OBS is live', () => {
    expect(quitQuestion({ ...idle, obs: [{ ...obsOff, recording: true }] }, en)).toBeNull();
  });

  it('asks first while a product is on air or an OBS is live, naming what would be left', () => {
    expect(quitQuestion({ ...idle, product: 'Scarf', since: 0 }, en)?.detail).toMatch(/^“Scarf” is on air\./);
    const q = quitQuestion({ ...idle, obs: [{ ...obsOff, live: true }] }, en);
    expect(q?.message).toBe('Quit Shopcast Studio during the show?');
    expect(q?.detail).toMatch(/^OBS PL is live\./);
  });
});

describe('CloseToTray', () => {
  it('keeps the studio running in the tray when the window closes during a show, and says so only once', () => {
    const close = new CloseToTray();
    const onAir = { ...idle, product: 'Scarf', since: 0 };
    expect(close.onClose(onAir, true)).toEqual({ keepRunning: true, tell: true });
    expect(close.onClose(onAir, true)).toEqual({ keepRunning: true, tell: false });
  });

  it('closing the window with nothing on air, or with no tray to return to, quits as usual', () => {
    const close = new CloseToTray();
    expect(close.onClose(idle, true).keepRunning).toBe(false);
    expect(close.onClose({ ...idle, product: 'Scarf', since: 0 }, false).keepRunning).toBe(false);
  });
});
