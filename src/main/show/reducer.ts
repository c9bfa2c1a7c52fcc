import { mergeProduct } from '../../shared/product';
import type { JournalEntry, ShowEvent } from '../../shared/events';
import { showWith, type ShowState } from './state';
import { own, ownCopy, withOwn } from '../../shared/own';
import { applyGraphicEvent, isGraphicEvent } from './graphics-rules';
import { applyTimingEvent, rundownWithAiredTime } from './timing-state';
import type { ProductsCopy } from './products-copy';

/** Applies one event. Pure: same state and event, same result; never mutates its inputs. */
export function applyEvent(state: ShowState, event: ShowEvent): ShowState {
  const next = applyChange(state, event, state.revision);
  return arranged(state, next) ? showWith(next, { rundownRevision: state.revision }) : next;
}

/**
 * Applies an acknowledged journal entry: its events, its revision, and the time of a slot it ended.
 * Pure like `applyEvent`, with one copy of the state per event and one for the entry, whatever the
 * entry changes: replaying 100,000 pins copies the show's top level 200,000 times, and nothing else.
 * `productsCopy`, a copy of `state.products` made ahead (see products-copy.ts), is filled instead of
 * copying the products again: the result is the same.
 */
export function applyEntry(state: ShowState, entry: JournalEntry, productsCopy?: ProductsCopy): ShowState {
  let next = state;
  let rearranged = false;
  for (const event of entry.events) {
    const after = applyChange(next, event, entry.rev, productsCopy);
    rearranged ||= arranged(next, after);
    next = after;
  }
  return showWith(next, {
    revision: entry.rev,
    rundownRevision: rearranged ? entry.rev : next.rundownRevision,
    rundown: rundownWithAiredTime(state, next, entry.at)
  });
}

/** A change to the rundown or to what is on air is what makes an operator's view of it stale. */
const arranged = (before: ShowState, after: ShowState) => after.rundown !== before.rundown || after.onAir !== before.onAir;

/** The state after `event`; `rev` is the revision the event is journaled at. */
function applyChange(state: ShowState, event: ShowEvent, rev: number, productsCopy?: ProductsCopy): ShowState {
  if (isGraphicEvent(event)) return applyGraphicEvent(state, event);
  switch (event.type) {
    case 'rundown.itemAdded': {
      const rundown = state.rundown.slice();
      rundown.splice(Math.min(event.index, rundown.length), 0, event.item);
      const n = Number(event.item.id.replace(/^item-/, ''));
      const nextItemNumber = Number.isInteger(n) && n >= state.nextItemNumber ? n + 1 : state.nextItemNumber;
      return showWith(state, { rundown, nextItemNumber });
    }
    case 'rundown.itemRemoved':
      return showWith(state, {
        rundown: state.rundown.filter((i) => i.id !== event.itemId),
        lastOnAirItemId: state.lastOnAirItemId === event.itemId ? null : state.lastOnAirItemId
      });
    case 'rundown.itemMoved': {
      const from = state.rundown.findIndex((i) => i.id === event.itemId);
      if (from < 0) return state;
      const rundown = state.rundown.slice();
      const [item] = rundown.splice(from, 1);
      rundown.splice(Math.min(event.index, rundown.length), 0, item);
      return showWith(state, { rundown });
    }
    case 'onAir.pinned':
      return showWith(state, {
        onAir: { itemId: event.itemId, productId: event.productId, since: event.since },
        lastOnAirItemId: event.itemId
      });
    case 'onAir.cleared':
      return state.onAir?.itemId === event.itemId ? showWith(state, { onAir: null }) : state;
    case 'catalogue.upserted': {
      const products = (productsCopy?.from === state.products && productsCopy.take()) || ownCopy(state.products);
      let added = 0;
      for (const patch of event.products) {
        const known = own(products, patch.id);
        if (!known) added++;
        products[patch.id] = mergeProduct(known, patch);
      }
      return showWith(state, { products, productCount: state.productCount + added, catalogueRevision: rev });
    }
    case 'show.updated':
      return showWith(state, {
        title: event.title ?? state.title,
        locales: event.locales ?? state.locales,
        theme: event.theme ? { ...state.theme, ...event.theme } : state.theme,
        goal: event.goal !== undefined ? event.goal : state.goal,
        baseLanguage: event.baseLanguage ?? state.baseLanguage,
        ...applyTimingEvent(state, event)
      });
    case 'deal.started':
      return showWith(state, { deal: event.deal });
    case 'deal.ended':
      return state.deal?.id === event.dealId ? showWith(state, { deal: null }) : state;
    case 'sales.recorded':
      return recordSales(state, event);
    case 'recording.started':
    case 'recording.stopped':
    case 'recording.paused':
    case 'recording.resumed':
      // Recordings live in the journal only; src/main/media projects them.
      return state;
    case 'rundown.itemPlanned':
    case 'host.messageSent':
    case 'host.messageCleared':
      return showWith(state, applyTimingEvent(state, event));
  }
}

/** Counted orders take units off the stock the show tracks; the marketplace's cursor moves on. */
function recordSales(state: ShowState, event: Extract<ShowEvent, { type: 'sales.recorded' }>): ShowState {
  let products = state.products;
  for (const change of event.changes) {
    const product = own(products, change.productId);
    if (change.effect !== 'counted' || !product || product.stock === null) continue;
    if (products === state.products) products = ownCopy(state.products);
    products[change.productId] = { ...product, stock: Math.max(0, product.stock - change.units) };
  }
  const salesCursors = event.cursor === undefined ? state.salesCursors : withOwn(state.salesCursors, event.source, event.cursor);
  return products === state.products && salesCursors === state.salesCursors ? state : showWith(state, { products, salesCursors });
}
