import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShowCore } from '../../../../src/main/show/show-core';
import { ShowViewBuilder } from '../../../../src/main/show/show-view';
import type { Actor } from '../../../../src/shared/events';
import { tempDir } from '../../../helpers/temp-dir';

const actor: Actor = { id: 'owner', client: 'test' };
let cleanup: () => Promise<void>;
let core: ShowCore;
let now = 1_700_000_000_000;

beforeEach(async () => {
  let dir: string;
  ({ dir, cleanup } = await tempDir());
  ({ core } = await ShowCore.open(dir, { now: () => now }));
  await core.execute({ type: 'catalogue.import', products: ['a', 'b', 'c'].map((id) => ({ id, title: { en: id.toUpperCase() }, stock: 5 })) }, actor);
  for (const productId of ['a', 'b', 'c']) await core.execute({ type: 'rundown.add', productId }, actor);
});
afterEach(async () => {
  await core.close();
  await cleanup();
});

const pin = (index: number) => core.execute({ type: 'rundown.pin', itemId: core.current.rundown[index].id }, actor);

describe("what faces see of the show's rundown", () => {
  it('keeps the rundown part (the same object) through a pin that moved no item past a whole second on air', async () => {
    const builder = new ShowViewBuilder();
    await pin(0);
    const before = builder.build(core.current);
    now += 400;
    await pin(1);
    const after = builder.build(core.current);
    expect(after.onAir?.itemId).toBe(core.current.rundown[1].id);
    expect(after.rundown).toBe(before.rundown);
  });

  it('rebuilds only the entry whose seconds on air changed, keeping the others as they were', async () => {
    const builder = new ShowViewBuilder();
    await pin(0);
    const before = builder.build(core.current);
    now += 2500;
    await pin(1);
    const after = builder.build(core.current);
    expect(after.rundown).not.toBe(before.rundown);
    expect(after.rundown[0]).not.toBe(before.rundown[0]);
    expect(after.rundown[0].airedSeconds).toBe(2);
    expect(after.rundown[1]).toBe(before.rundown[1]);
    expect(after.rundown[2]).toBe(before.rundown[2]);
  });

  it("shows an entry's time on air in whole seconds only, not the core's milliseconds, and keeps it through a sub-second slot", async () => {
    const builder = new ShowViewBuilder();
    await pin(0);
    now += 2500;
    await pin(1);
    const before = builder.build(core.current);
    expect(core.current.rundown[0].airedMs).toBe(2500);
    expect(Object.keys(before.rundown[0])).not.toContain('airedMs');
    await pin(0);
    now += 300;
    await pin(1);
    const after = builder.build(core.current);
    expect(core.current.rundown[0].airedMs).toBe(2800);
    expect(after.rundown[0]).toBe(before.rundown[0]);
    expect(after.rundown[0].airedSeconds).toBe(2);
  });

  it('rebuilds an entry whose product changed (sold out) and shows the same as a builder starting afresh', async () => {
    const builder = new ShowViewBuilder();
    const before = builder.build(core.current);
    await core.execute({ type: 'product.setStock', productId: 'b', stock: 0 }, actor);
    const after = builder.build(core.current);
    expect(after.rundown[1]).not.toBe(before.rundown[1]);
    expect(after.rundown[1].soldOut).toBe(true);
    expect(after.rundown[0]).toBe(before.rundown[0]);
    expect(after.rundown).toEqual(new ShowViewBuilder().build(core.current).rundown);
  });

  it('follows a move and a removal of items', async () => {
    const builder = new ShowViewBuilder();
    builder.build(core.current);
    await core.execute({ type: 'rundown.move', itemId: core.current.rundown[2].id, index: 0 }, actor);
    expect(builder.build(core.current).rundown.map((e) => e.productId)).toEqual(['c', 'a', 'b']);
    await core.execute({ type: 'rundown.remove', itemId: core.current.rundown[1].id }, actor);
    expect(builder.build(core.current).rundown.map((e) => e.productId)).toEqual(['c', 'b']);
  });
});
