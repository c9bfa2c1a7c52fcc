import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShowCore } from '../../../../src/main/show/show-core';
import { CoreViews, StudioViews, type LivePart } from '../../../../src/main/show/studio-views';
import type { Actor } from '../../../../src/shared/events';
import type { ObsConnectionView } from '../../../../src/shared/view';
import type { OperatorView } from '../../../../src/shared/access';
import { TimingView } from '../../../../src/main/show/timing-view';
import { tempDir } from '../../../helpers/temp-dir';

const actor: Actor = { id: 'owner', client: 'test' };
let cleanup: () => Promise<void>;
let core: ShowCore;

/** A live part whose value the test replaces, telling its listeners as the studio's parts do. */
function part<T>(initial: T): LivePart<T> & { set(next: T): void } {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    value: () => value,
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    set(next) {
      value = next;
      for (const l of listeners) l();
    }
  };
}

beforeEach(async () => {
  let dir: string;
  ({ dir, cleanup } = await tempDir());
  ({ core } = await ShowCore.open(dir));
});
afterEach(async () => {
  await core.close();
  await cleanup();
});

describe('the studio view', () => {
  it('keeps the same object while neither the show nor a live part changed, and a new one when a live part did', () => {
    const obs = part<ObsConnectionView[]>([]);
    const timing = part(new TimingView(() => core.current).value());
    const views = new StudioViews(new CoreViews(core), { sales: part(core.sales.view()), obs, operators: part<OperatorView[]>([]), timing });
    const first = views.current();
    expect(views.current()).toBe(first);
    obs.set([{ id: 'c1' } as ObsConnectionView]);
    const second = views.current();
    expect(second).not.toBe(first);
    expect(second.obs).toEqual([{ id: 'c1' }]);
    expect(second.rundown).toBe(first.rundown);
  });

  it('tells its listeners of a show change and of a live part change, and no more after unsubscribing', async () => {
    const operators = part<OperatorView[]>([]);
    const timing = part(new TimingView(() => core.current).value());
    const views = new StudioViews(new CoreViews(core), { sales: part(core.sales.view()), obs: part<ObsConnectionView[]>([]), operators, timing });
    let heard = 0;
    const off = views.subscribe(() => heard++);
    await core.execute({ type: 'show.update', title: 'Spring' }, actor);
    operators.set([]);
    expect(heard).toBe(2);
    expect(views.current().title).toBe('Spring');
    off();
    operators.set([]);
    expect(heard).toBe(2);
  });

  it('gives OBS the view of the core state without the live parts', () => {
    const coreView = new CoreViews(core).current();
    expect(Object.keys(coreView)).not.toContain('obs');
    expect(Object.keys(coreView)).not.toContain('operators');
    expect(Object.keys(coreView)).not.toContain('sales');
  });
});
