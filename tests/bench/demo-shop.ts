import { ShowCore } from '../../src/main/show/show-core';
import { DemoMarketplace } from '../../src/main/marketplace/demo-marketplace';
import type { Actor } from '../../src/shared/events';
import { tempDir } from '../helpers/temp-dir';

const PRODUCER: Actor = { id: 'owner', client: 'bench' };
const MARKETPLACE: Actor = { id: 'studio', client: 'marketplace' };
const SLOTS = 18;
const SLOT_SECONDS = 300;

/**
 * A 90-minute show against the demo shop on a simulated clock (18 products of 40 units, 5 minutes
 * each, a flash deal on the first): how many orders, what share refunded, how long 40 units last.
 */
export async function benchDemoShop(): Promise<void> {
  for (const seed of [1, 2, 3]) {
    const { dir, cleanup } = await tempDir('shopcast-bench-demo-');
    let clock = 1_800_000_000_000;
    const { core } = await ShowCore.open(dir, { now: () => clock });
    const ids = Array.from({ length: SLOTS }, (_, i) => `p-${i}`);
    await core.execute({ type: 'catalogue.import', products: ids.map((id) => ({ id, title: { en: id }, price: { EUR: 19.99 }, stock: 40 })) }, PRODUCER);
    await core.execute({ type: 'show.update', locales: [{ locale: 'de-DE', currency: 'EUR' }] }, PRODUCER);
    for (const productId of ids) await core.execute({ type: 'rundown.add', productId }, PRODUCER);
    const demo = new DemoMarketplace(() => core.current, { seed, now: () => clock });
    const start = clock;
    let soldOutAfter: number | null = null;
    for (let slot = 0; slot < SLOTS; slot++) {
      await core.execute({ type: 'rundown.pin', itemId: core.current.rundown[slot].id }, PRODUCER);
      if (slot === 0) await core.execute({ type: 'deal.start', productId: 'p-0', price: { EUR: 14.99 }, durationSeconds: SLOT_SECONDS }, PRODUCER);
      for (let s = 0; s < SLOT_SECONDS; s += 2) {
        clock += 2000;
        const { orders, cursor } = await demo.fetchOrders(core.current.salesCursors.demo ?? String(clock - 2000));
        if (orders.length) await core.execute({ type: 'sales.record', source: 'demo', cursor, orders }, MARKETPLACE);
        if (slot === 0 && soldOutAfter === null && core.current.products['p-0'].stock === 0) soldOutAfter = (clock - start) / 1000;
      }
    }
    const sales = core.sales.view();
    const share = (100 * sales.refunds) / (sales.orders + sales.refunds);
    console.log(
      `seed ${seed}: ${sales.orders} orders, ${sales.units} units, ${sales.refunds} refunded (${share.toFixed(1)} %); 40 units under a flash deal lasted ${soldOutAfter ?? `over ${SLOT_SECONDS}`} s  (aim: a few hundred orders, refunds 2–5 %, not sold out in 30 s)`
    );
    await core.close();
    await cleanup();
  }
}
