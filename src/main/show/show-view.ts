import { isSoldOut } from '../../shared/product';
import type { CoreView, OnAirView, ProductView, RundownEntryView } from '../../shared/view';
import { baseLanguageOf, type RundownSlot, type ShowState } from './state';
import { own } from '../../shared/own';

const NO_GRAPHICS: CoreView['graphics'] = [];

/**
 * Builds what faces see of the core's state. Parts whose inputs did not change keep
 * their identity, so the live feed can send only the parts that changed.
 */
export class ShowViewBuilder {
  private last: { state: ShowState; view: CoreView } | null = null;
  private readonly entries = new RundownEntries();

  build(state: ShowState): CoreView {
    const prev = this.last;
    if (prev?.state === state) return prev.view;
    const prevState = prev?.state;
    const prevView = prev?.view;
    const rundown =
      prevView && prevState!.rundown === state.rundown && prevState!.products === state.products ? prevView.rundown : this.entries.build(state);
    const onAir =
      prevView && prevState!.onAir === state.onAir && prevState!.products === state.products ? prevView.onAir : onAirView(state);
    const catalogue =
      prevView && prevState!.catalogueRevision === state.catalogueRevision && prevView.catalogue.count === state.productCount
        ? prevView.catalogue
        : { count: state.productCount, revision: state.catalogueRevision };
    const view: CoreView = {
      revision: state.revision,
      title: state.title,
      locales: prevView && prevState!.locales === state.locales ? prevView.locales : state.locales,
      rundown,
      onAir,
      lastOnAirItemId: state.lastOnAirItemId,
      catalogue,
      deal:
        prevView && prevState!.deal === state.deal && prevState!.products === state.products
          ? prevView.deal
          : state.deal && { ...state.deal, product: own(state.products, state.deal.productId) ?? null },
      theme: state.theme,
      // Shows journaled before goals existed have none.
      goal: state.goal ?? null,
      baseLanguage: baseLanguageOf(state),
      graphics: state.graphics ?? NO_GRAPHICS,
      plan: state.plan,
      hostLocale: state.hostLocale,
      hostMessages: state.hostMessages
    };
    this.last = { state, view };
    return view;
  }
}

/**
 * The rundown's entries, each rebuilt only when its item, its product or its whole seconds on air
 * changed: a pin moves the time on air of one item, and then only when it crosses a second, so the
 * rundown part (a dozen products with every language's texts) keeps its identity and stays out of
 * the pin's live patch.
 */
class RundownEntries {
  private built = new Map<string, { item: RundownSlot; product: ProductView | null; entry: RundownEntryView }>();
  private last: RundownEntryView[] = [];

  build(state: ShowState): RundownEntryView[] {
    const built: typeof this.built = new Map();
    let same = state.rundown.length === this.last.length;
    const rundown = state.rundown.map((item, i) => {
      const product = own(state.products, item.productId) ?? null;
      const airedSeconds = Math.floor((item.airedMs ?? 0) / 1000);
      const before = this.built.get(item.id);
      const entry =
        before && sameApartFromAiredTime(before.item, item) && before.product === product && before.entry.airedSeconds === airedSeconds
          ? before.entry
          : entryOf(item, product, airedSeconds);
      built.set(item.id, { item, product, entry });
      same &&= this.last[i] === entry;
      return entry;
    });
    this.built = built;
    if (!same) this.last = rundown;
    return this.last;
  }
}

/** Faces see an item's time on air in whole seconds (`airedSeconds`), not the core's milliseconds. */
function entryOf(item: RundownSlot, product: ProductView | null, airedSeconds: number): RundownEntryView {
  const { airedMs: _inMs, ...journaled } = item;
  return { ...journaled, product, soldOut: isSoldOut(product), plannedSeconds: item.plannedSeconds ?? null, airedSeconds, autoAdvance: item.autoAdvance ?? null };
}

/** Whether two versions of an item differ at most in their aired time (a slot ending copies the item). */
function sameApartFromAiredTime(a: RundownSlot, b: RundownSlot): boolean {
  if (a === b) return true;
  const { airedMs: _a, ...restA } = a;
  const { airedMs: _b, ...restB } = b;
  const keys = Object.keys(restB) as (keyof typeof restB)[];
  return keys.length === Object.keys(restA).length && keys.every((key) => restA[key] === restB[key]);
}

function onAirView(state: ShowState): OnAirView | null {
  if (!state.onAir) return null;
  const { itemId, productId, since } = state.onAir;
  // Spelled out: a spread with an added key costs a pin about a microsecond more on this V8.
  return { itemId, productId, since, soldOut: isSoldOut(own(state.products, productId)) };
}

/** The top-level parts of `next` that are not the same object as in `prev` (a live-feed patch). */
export function changedParts<V extends object>(prev: V, next: V): Partial<V> {
  const changes: Partial<V> = {};
  for (const key of Object.keys(next) as (keyof V)[]) {
    if (prev[key] !== next[key]) changes[key] = next[key];
  }
  return changes;
}
