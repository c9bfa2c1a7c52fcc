import { ShowCore } from '../../src/main/show/show-core';
import { ShowClock } from '../../src/main/show/show-clock';
import type { Actor } from '../../src/shared/events';
import { tempDir } from '../helpers/temp-dir';
import { FakeClock } from '../helpers/fake-clock';
import { ms, report, summarize } from './stats';

const PRODUCER: Actor = { id: 'owner', client: 'bench' };
const SHOP: Actor = { id: 'studio', client: 'marketplace' };
const ITEMS = 100;
const ORDER_EVERY_MS = 5_000;

/**
 * An eight-hour show on a fake clock: 100 items with planned slots (240–336 s, 8 h in all),
 * auto-advance on, an order every five seconds, the real core and journal on disk. Every advance is
 * compared with its plan (its own slot, and the show's running plan since the start), and the
 * heap at the end with the heap at the start.
 */
export async function benchShowClock(): Promise<void> {
  const { dir, cleanup } = await tempDir('shopcast-bench-clock-');
  const clock = new FakeClock();
  const { core } = await ShowCore.open(dir, { now: () => clock.wallNow() });
  const stop = new ShowClock(core, clock).start();
  const settle = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    await core.settled();
  };
  try {
    await core.execute({ type: 'catalogue.import', products: Array.from({ length: ITEMS }, (_, i) => ({ id: `p-${i}`, title: { en: `Product ${i}` }, price: { EUR: 10 + i }, stock: null })) }, PRODUCER);
    const planned = Array.from({ length: ITEMS }, (_, i) => (i % 2 ? 336 : 240));
    for (let i = 0; i < ITEMS; i++) await core.execute({ type: 'rundown.add', productId: `p-${i}`, plannedSeconds: planned[i] }, PRODUCER);
    await core.execute({ type: 'show.update', plan: { autoAdvance: true } }, PRODUCER);
    (globalThis as { gc?: () => void }).gc?.();
    const heapStart = process.memoryUsage().heapUsed;
    await core.execute({ type: 'rundown.pin', itemId: 'item-1' }, PRODUCER);
    const start = core.current.onAir!.since;

    const starts = new Map<string, number>([['item-1', start]]);
    const unsubscribe = core.subscribe((state) => {
      if (state.onAir && !starts.has(state.onAir.itemId)) starts.set(state.onAir.itemId, state.onAir.since);
    });
    const total = planned.reduce((a, b) => a + b, 0) * 1000;
    let orders = 0;
    const t0 = performance.now();
    for (let at = 0; at < total + 60_000; at += ORDER_EVERY_MS) {
      await clock.advance(ORDER_EVERY_MS, settle);
      const productId = core.current.onAir?.productId ?? 'p-0';
      await core.execute({ type: 'sales.record', source: 'demo', orders: [{ orderId: `o-${++orders}`, productId, units: 1, amount: 10, currency: 'EUR', locale: 'de-DE', at: clock.wall, status: 'paid' }] }, SHOP);
    }
    const wallMs = performance.now() - t0;
    unsubscribe();

    const slotDrift: number[] = [];
    const planDrift: number[] = [];
    let planned0 = start;
    for (let i = 1; i < ITEMS; i++) {
      const prev = starts.get(`item-${i}`)!;
      const here = starts.get(`item-${i + 1}`);
      planned0 += planned[i - 1] * 1000;
      if (here === undefined) throw new Error(`item-${i + 1} never went on air`);
      slotDrift.push(here - (prev + planned[i - 1] * 1000));
      planDrift.push(here - planned0);
    }
    (globalThis as { gc?: () => void }).gc?.();
    const heapEnd = process.memoryUsage().heapUsed;
    report(`clock: ${ITEMS - 1} auto-advances over a simulated ${(total / 3_600_000).toFixed(1)} h show, drift of each against its slot`, summarize(slotDrift), 'none beyond one tick');
    report('clock: drift of each advance against the show plan from the start (accumulated)', summarize(planDrift), '0: no accumulation');
    console.log(`clock: last item on air: ${core.current.onAir?.itemId}; ${orders} orders counted: ${core.sales.view().orders}; journal entries: ${core.current.revision}; simulated in ${ms(wallMs)}`);
    console.log(`clock: heap at start ${(heapStart / 1e6).toFixed(1)} MB, at end ${(heapEnd / 1e6).toFixed(1)} MB (${((heapEnd - heapStart) / 1e6).toFixed(1)} MB more${(globalThis as { gc?: unknown }).gc ? '' : ', no --expose-gc: not collected'})`);
  } finally {
    stop();
    await core.close();
    await cleanup();
  }
}
