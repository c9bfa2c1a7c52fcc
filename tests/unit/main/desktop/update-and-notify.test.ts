import { describe, expect, it } from 'vitest';
import { UpdateGate, updateFeedFrom, type UpdaterPort } from '../../../../src/main/desktop/update-gate';
import { NotificationThrottle, newNotices } from '../../../../src/main/desktop/notify-throttle';
import { shellText } from '../../../../src/main/desktop/shell-text';

const en = shellText('en');

class FakeUpdater implements UpdaterPort {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  feed: string | null = null;
  checks = 0;
  installs = 0;
  private listeners = new Map<string, (arg: never) => void>();
  setFeedURL(o: { url: string }) {
    this.feed = o.url;
  }
  checkForUpdates() {
    this.checks++;
    return Promise.resolve(null);
  }
  quitAndInstall() {
    this.installs++;
  }
  on(event: string, listener: (arg: never) => void) {
    this.listeners.set(event, listener);
    return this;
  }
  emit(event: string, arg: unknown) {
    this.listeners.get(event)?.(arg as never);
  }
}

describe('UpdateGate', () => {
  it('never checks for updates while no release feed is configured', () => {
    const updater = new FakeUpdater();
    const gate = new UpdateGate(updateFeedFrom({}, false), updater, () => {});
    gate.start(() => {});
    expect(gate.enabled).toBe(false);
    expect(updater.checks).toBe(0);
    expect(gate.installOnQuit(false)).toBe(false);
  });

  it('with a feed, downloads in the background and never lets electron-updater install on its own', () => {
    const updater = new FakeUpdater();
    const gate = new UpdateGate(updateFeedFrom({ SHOPCAST_UPDATE_FEED: 'https://updates.example.com/shopcast' }, false), updater, () => {});
    gate.start(() => {});
    expect(updater.checks).toBe(1);
    expect(updater.feed).toBe('https://updates.example.com/shopcast');
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(false);
  });

  it('a downloaded update waits while something is on air, and installs on a quit with nothing on air', () => {
    const updater = new FakeUpdater();
    const ready: string[] = [];
    const gate = new UpdateGate({ kind: 'packaged' }, updater, () => {});
    gate.start((v) => ready.push(v));
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(ready).toEqual(['0.2.0']);
    expect(gate.installOnQuit(true)).toBe(false);
    expect(updater.installs).toBe(0);
    expect(gate.installOnQuit(false)).toBe(true);
    expect(updater.installs).toBe(1);
  });

  it('takes only an https feed from the environment', () => {
    expect(updateFeedFrom({ SHOPCAST_UPDATE_FEED: 'http://plain.example.com' }, false)).toBeNull();
    expect(updateFeedFrom({ SHOPCAST_UPDATE_FEED: 'file:///etc' }, true)).toEqual({ kind: 'packaged' });
  });
});

describe('NotificationThrottle', () => {
  it('tells at most once per kind per minute, each kind on its own', () => {
    let now = 0;
    const throttle = new NotificationThrottle(60_000, () => now);
    expect(throttle.allow('obs-lost', true)).toBe(true);
    expect(throttle.allow('obs-lost', true)).toBe(false);
    expect(throttle.allow('disk-refusing', true)).toBe(true);
    now = 59_999;
    expect(throttle.allow('obs-lost', true)).toBe(false);
    now = 60_000;
    expect(throttle.allow('obs-lost', true)).toBe(true);
  });

  it('says nothing natively while the window is on screen (the control room shows it there)', () => {
    const throttle = new NotificationThrottle(60_000, () => 0);
    expect(throttle.allow('marketplace-failing', false)).toBe(false);
    expect(throttle.allow('marketplace-failing', true)).toBe(true);
  });
});

describe('newNotices', () => {
  const healthy = { obs: new Map([['OBS PL', true], ['OBS DE', true]]), marketplaceFailing: false, diskWritable: true };

  it('tells an OBS lost, the marketplace failing and the disk refusing writes, once each as they go wrong', () => {
    const bad = { obs: new Map([['OBS PL', false], ['OBS DE', true]]), marketplaceFailing: true, diskWritable: false };
    expect(newNotices(healthy, bad, en).map((n) => n.kind)).toEqual(['obs-lost', 'marketplace-failing', 'disk-refusing']);
    expect(newNotices(healthy, bad, en)[0]!.body).toContain('OBS PL');
    expect(newNotices(bad, bad, en)).toEqual([]);
  });

  it('an OBS that was never connected is not reported as lost', () => {
    expect(newNotices({ ...healthy, obs: new Map([['OBS PL', false]]) }, { ...healthy, obs: new Map([['OBS PL', false]]) }, en)).toEqual([]);
  });
});
