import { describe, expect, it } from 'vitest';
import { DeviceRegistry, SEEN_PERSIST_MS, type DeviceStore, type StoredDevice } from '../../../../src/main/access/device-registry';
import { DiskUnwritableError } from '../../../../src/main/disk-errors';

/** A settings store on a disk that fills up after the device was paired. */
function fillingStore(): DeviceStore & { full: boolean; saved: StoredDevice[][] } {
  const store = {
    full: false,
    saved: [] as StoredDevice[][],
    load: () => [],
    save(devices: StoredDevice[]) {
      if (store.full) throw new DiskUnwritableError('settings_unwritable', 'the disk is full');
      store.saved.push(devices.map((d) => ({ ...d })));
    }
  };
  return store;
}

describe('DeviceRegistry', () => {
  it('keeps answering a paired device when the disk refuses its last-seen time, and saves it once the disk takes writes again', () => {
    let now = 1_000_000;
    const store = fillingStore();
    const registry = new DeviceRegistry(store, () => now);
    const { device } = registry.pair('Ana tablet', 'moderator');
    store.full = true;
    now += SEEN_PERSIST_MS;
    expect(() => registry.seen(device.id)).not.toThrow();
    expect(() => registry.flush()).not.toThrow();
    store.full = false;
    now += SEEN_PERSIST_MS;
    registry.seen(device.id);
    expect(store.saved.at(-1)?.[0].lastSeenAt).toBe(now);
  });
});
