import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShowCore } from '../../../../src/main/show/show-core';
import { ShowClock } from '../../../../src/main/show/show-clock';
import type { Actor } from '../../../../src/shared/events';
import { tempDir } from '../../../helpers/temp-dir';
import { FakeClock } from '../../../helpers/fake-clock';

const actor: Actor = { id: 'owner', client: 'test' };
let dir: string;
let cleanup: () => Promise<void>;
let core: ShowCore;
let clock: FakeClock;
let stopClock: () => void;

const run = (command: Record<string, unknown>) => core.executeUntrusted(command, actor);
const onAir = () => core.current.onAir?.itemId ?? null;
const settle = async () => {
  await new Promise((resolve) => setImmediate(resolve));
  await core.settled();
};
const openCore = async () => {
  ({ core } = await ShowCore.open(dir, { now: () => clock.wallNow() }));
  stopClock = new ShowClock(core, clock).start();
};

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  clock = new FakeClock();
  await openCore();
  await run({ type: 'catalogue.import', products: ['a', 'b', 'c'].map((id) => ({ id, title: { en: id }, price: { EUR: 10 } })) });
  for (const id of ['a', 'b', 'c']) await run({ type: 'rundown.add', productId: id, plannedSeconds: 60 });
  await run({ type: 'show.update', plan: { autoAdvance: true } });
  await run({ type: 'rundown.pin', itemId: 'item-1' });
});
afterEach(async () => {
  stopClock();
  await core.close();
  await cleanup();
});

describe('the show clock', () => {
  it('pins the next item when the slot is up, not a moment before, and journals it as rundown-timer', async () => {
    await clock.advance(59_999, settle);
    expect(onAir()).toBe('item-1');
    await clock.advance(1, settle);
    expect(onAir()).toBe('item-2');
    const entry = core.recentEntries(1)[0];
    expect(entry.actor.client).toBe('rundown-timer');
    expect(entry.command).toBe('rundown.slotUp');
    expect(core.current.onAir!.since).toBe(clock.wall);
  });

  it('leaves the last item on air', async () => {
    await clock.advance(60_000, settle);
    await clock.advance(60_000, settle);
    expect(onAir()).toBe('item-3');
    await clock.advance(600_000, settle);
    expect(onAir()).toBe('item-3');
    expect(clock.pendingTimers).toBe(0);
  });

  it('keeps a held item on air past its slot, and times it again once released', async () => {
    await clock.advance(50_000, settle);
    await run({ type: 'rundown.hold' });
    await clock.advance(30_000, settle);
    expect(onAir()).toBe('item-1');
    // Released after its slot is up: it goes at once.
    await run({ type: 'rundown.hold', release: true });
    await clock.advance(0, settle);
    expect(onAir()).toBe('item-2');
  });

  it('gives an extended item another minute', async () => {
    await clock.advance(50_000, settle);
    await run({ type: 'rundown.extend' });
    await clock.advance(69_999, settle);
    expect(onAir()).toBe('item-1');
    await clock.advance(1, settle);
    expect(onAir()).toBe('item-2');
  });

  it('is neither fired early by the wall clock jumping forward nor delayed by it jumping back', async () => {
    await clock.advance(10_000, settle);
    clock.jumpWall(3_600_000);
    await clock.advance(49_000, settle);
    expect(onAir()).toBe('item-1');
    await clock.advance(1_000, settle);
    expect(onAir()).toBe('item-2');
    clock.jumpWall(-7_200_000);
    await clock.advance(60_000, settle);
    expect(onAir()).toBe('item-3');
  });

  it('resumes a slot after a restart from its journaled start, not from the restart', async () => {
    await clock.advance(40_000, settle);
    stopClock();
    await core.close();
    // Down for five seconds, then the same data dir again.
    clock.wall += 5_000;
    clock.mono += 5_000;
    await openCore();
    expect(onAir()).toBe('item-1');
    await clock.advance(14_999, settle);
    expect(onAir()).toBe('item-1');
    await clock.advance(1, settle);
    expect(onAir()).toBe('item-2');
  });

  it('advances at once after a restart that came after the slot was up', async () => {
    stopClock();
    await core.close();
    clock.wall += 90_000;
    await openCore();
    await clock.advance(0, settle);
    expect(onAir()).toBe('item-2');
  });

  it('does nothing with a slot-up for a slot that is no longer on air', async () => {
    const since = core.current.onAir!.since;
    await run({ type: 'rundown.pin', itemId: 'item-3' });
    const before = core.current.revision;
    const result = await run({ type: 'rundown.slotUp', itemId: 'item-1', since });
    expect(result.events).toEqual([]);
    expect(core.current.revision).toBe(before);
  });
});
