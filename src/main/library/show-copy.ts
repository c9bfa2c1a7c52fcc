import type { Actor } from '../../shared/events';
import type { ShowCore } from '../show/show-core';
import type { ShowState } from '../show/state';

/** What a new show may take from an earlier one (API.md "The show library"). */
export const COPY_PARTS = ['catalogue', 'rundown', 'locales', 'theme', 'goal', 'plan'] as const;
export type CopyPart = (typeof COPY_PARTS)[number];

/** Commands a copied catalogue is cut into, so no one journal line grows huge. */
const PRODUCTS_PER_COMMAND = 1000;

/**
 * Fills a new, empty show: its title, then what the producer picked from the source show, each
 * as ordinary commands, so the new show's journal alone says what it is. Stock is copied as it
 * stands; sales, deals and what was on air never are. A rundown brings the products it names.
 * `plan` has nothing to copy yet (no show plan exists in this studio); it is accepted so a
 * producer's saved choice keeps working when it does.
 */
export async function copyShow(core: ShowCore, title: string, source: ShowState | null, parts: readonly CopyPart[], actor: Actor): Promise<void> {
  const picked = new Set(parts);
  const update: { title: string; locales?: ShowState['locales']; baseLanguage?: string; theme?: ShowState['theme']; goal?: ShowState['goal'] } = { title };
  if (source && picked.has('locales')) {
    update.locales = source.locales;
    if (source.baseLanguage) update.baseLanguage = source.baseLanguage;
  }
  if (source && picked.has('theme')) update.theme = source.theme;
  // A goal in a currency the new show has no audience for is refused by the core: copied only when it fits.
  const goal = source && picked.has('goal') ? source.goal : null;
  if (goal && (!('currency' in goal) || (update.locales ?? core.current.locales).some((l) => l.currency === goal.currency))) update.goal = goal;
  await core.execute({ type: 'show.update', ...update }, actor);
  if (!source) return;

  const productIds = new Set<string>();
  if (picked.has('catalogue')) for (const id of Object.keys(source.products)) productIds.add(id);
  if (picked.has('rundown')) for (const item of source.rundown) productIds.add(item.productId);
  const products = [...productIds].flatMap((id) => (Object.hasOwn(source.products, id) ? [source.products[id]] : []));
  for (let i = 0; i < products.length; i += PRODUCTS_PER_COMMAND) {
    await core.execute({ type: 'catalogue.import', products: products.slice(i, i + PRODUCTS_PER_COMMAND) }, actor);
  }
  if (picked.has('rundown')) {
    for (const item of source.rundown) {
      await core.execute({ type: 'rundown.add', productId: item.productId, ...(item.scene && { scene: item.scene }) }, actor);
    }
  }
}
