import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShowCore } from '../../../../src/main/show/show-core';
import { hideGraphicsOnTime } from '../../../../src/main/show/graphics-timer';
import type { Actor } from '../../../../src/shared/events';
import { tempDir } from '../../../helpers/temp-dir';
import { until } from '../../../helpers/until';

const producer: Actor = { id: 'owner', client: 'test', name: 'Studio', role: 'producer' };
const moderator: Actor = { id: 'dev-1', client: 'tablet', name: 'Ana', role: 'moderator' };
let dir: string;
let cleanup: () => Promise<void>;
let core: ShowCore;
let clock = 1_000_000;
const stops: (() => void)[] = [];

const run = (command: Record<string, unknown>, by = producer) => core.executeUntrusted(command, by);
const graphic = (id = 'graphic-1') => core.current.graphics?.find((g) => g.id === id);
const lastEntry = () => core.recentEntries(1)[0];

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  ({ core } = await ShowCore.open(dir, { now: () => clock }));
  await run({ type: 'graphics.create', kind: 'announcement', text: { en: 'Free shipping tonight' }, seconds: 20 });
});
afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  await core.close();
  await cleanup();
});

describe('graphics rules', () => {
  it('numbers graphics and never reuses a number after a delete', async () => {
    await run({ type: 'graphics.create', kind: 'lower-third', text: { en: 'Ana Nowak' }, detail: { en: 'Stylist' } });
    await run({ type: 'graphics.delete', graphicId: 'graphic-2' });
    await run({ type: 'graphics.create', kind: 'coupon', text: { en: 'Code' }, code: { 'pl-PL': 'POLSKA10' } });
    expect(core.current.graphics?.map((g) => g.id)).toEqual(['graphic-1', 'graphic-3']);
  });

  it('shows a graphic for its own time unless the show command gives one, and until hidden without either', async () => {
    await run({ type: 'graphics.show', graphicId: 'graphic-1' });
    expect(graphic()).toMatchObject({ visible: true, shownAt: clock, hidesAt: clock + 20_000 });
    await run({ type: 'graphics.show', graphicId: 'graphic-1', seconds: 5 });
    expect(graphic()?.hidesAt).toBe(clock + 5000);
    await run({ type: 'graphics.edit', graphicId: 'graphic-1', seconds: null });
    await run({ type: 'graphics.show', graphicId: 'graphic-1' });
    expect(graphic()?.hidesAt).toBeNull();
  });

  it('lets a moderator show and hide but not create, edit or delete', async () => {
    await run({ type: 'graphics.show', graphicId: 'graphic-1' }, moderator);
    await run({ type: 'graphics.hide', graphicId: 'graphic-1' }, moderator);
    expect(lastEntry()).toMatchObject({ command: 'graphics.hide', actor: { name: 'Ana' }, events: [{ type: 'graphic.hidden', reason: 'hidden' }] });
    await expect(run({ type: 'graphics.create', kind: 'announcement', text: { en: 'x' } }, moderator)).rejects.toMatchObject({ status: 403 });
    await expect(run({ type: 'graphics.edit', graphicId: 'graphic-1', text: { en: 'x' } }, moderator)).rejects.toMatchObject({ status: 403 });
    await expect(run({ type: 'graphics.delete', graphicId: 'graphic-1' }, moderator)).rejects.toMatchObject({ status: 403 });
  });

  it("ignores the timer's hide for an earlier showing once the graphic was shown again", async () => {
    await run({ type: 'graphics.show', graphicId: 'graphic-1' });
    const first = graphic()!.hidesAt!;
    clock += 10_000;
    await run({ type: 'graphics.show', graphicId: 'graphic-1' });
    clock += 10_000;
    await run({ type: 'graphics.hide', graphicId: 'graphic-1', hidesAt: first }, { id: 'studio', client: 'graphics-timer' });
    expect(graphic()?.visible).toBe(true);
  });
});

describe('timed hide', () => {
  beforeEach(() => {
    clock = Date.now();
  });

  it('hides a graphic by itself when its time is up, journaled as the studio with time-up', async () => {
    stops.push(hideGraphicsOnTime(core));
    clock = Date.now();
    await run({ type: 'graphics.show', graphicId: 'graphic-1', seconds: 1 });
    const clockTicks = setInterval(() => (clock = Date.now()), 20);
    try {
      await until('the timer to hide the graphic', () => graphic()?.visible, (v) => v === false, 3000);
    } finally {
      clearInterval(clockTicks);
    }
    expect(lastEntry()).toMatchObject({ actor: { client: 'graphics-timer' }, events: [{ type: 'graphic.hidden', reason: 'time-up' }] });
  });

  it('still hides a graphic on time after the studio restarted while it was up', async () => {
    clock = Date.now();
    await run({ type: 'graphics.show', graphicId: 'graphic-1', seconds: 1 });
    await core.close();
    ({ core } = await ShowCore.open(dir, { now: () => Date.now() }));
    expect(graphic()?.visible).toBe(true);
    stops.push(hideGraphicsOnTime(core));
    await until('the timer to hide the graphic', () => graphic()?.visible, (v) => v === false, 3000);
    expect(lastEntry().events).toEqual([{ type: 'graphic.hidden', graphicId: 'graphic-1', reason: 'time-up' }]);
  });
});
