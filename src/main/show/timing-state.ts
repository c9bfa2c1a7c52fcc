import type { ShowEvent } from '../../shared/events';
import { HOST_MESSAGE_LIMIT } from '../../shared/host';
import { NO_PLAN } from '../../shared/timing';
import type { RundownSlot, ShowState } from './state';

/** The parts of the show's state that timing events change (plan, slot lengths, host messages). */
export function applyTimingEvent(state: ShowState, event: ShowEvent): Partial<ShowState> {
  switch (event.type) {
    case 'show.updated':
      return {
        // Shows journaled before plans existed have none.
        plan: event.plan ? { ...(state.plan ?? NO_PLAN), ...event.plan } : (state.plan ?? NO_PLAN),
        hostLocale: event.hostLocale !== undefined ? event.hostLocale : (state.hostLocale ?? null)
      };
    case 'rundown.itemPlanned':
      return {
        rundown: state.rundown.map((item) =>
          item.id !== event.itemId
            ? item
            : {
                ...item,
                ...(event.plannedSeconds !== undefined && { plannedSeconds: event.plannedSeconds }),
                ...(event.autoAdvance !== undefined && { autoAdvance: event.autoAdvance })
              }
        )
      };
    case 'host.messageSent':
      return { hostMessages: [...(state.hostMessages ?? []), event.message].slice(-HOST_MESSAGE_LIMIT) };
    case 'host.messageCleared':
      return { hostMessages: (state.hostMessages ?? []).filter((m) => m.id !== event.messageId) };
    default:
      return {};
  }
}

/**
 * The rundown after an entry: when the entry took an item off air (another pin, an unpin, a
 * removal), that slot's time is added to the item's aired time, measured with the entry's own
 * journaled time so a replay gives the same. A removed item takes its time with it: nothing reads
 * the time of an item no longer in the rundown. Only that item and the list are copied.
 */
export function rundownWithAiredTime(before: ShowState, after: ShowState, at: number): RundownSlot[] {
  const ended = before.onAir;
  if (!ended || (after.onAir?.itemId === ended.itemId && after.onAir.since === ended.since)) return after.rundown;
  const index = after.rundown.findIndex((item) => item.id === ended.itemId);
  if (index < 0) return after.rundown;
  const rundown = after.rundown.slice();
  const item = rundown[index];
  // Copied, then set: `{ ...item, airedMs }` takes V8's slow spread path (~0.5 µs on every slot that ends).
  const slot: RundownSlot = { ...item };
  slot.airedMs = (item.airedMs ?? 0) + Math.max(0, at - ended.since);
  rundown[index] = slot;
  return rundown;
}
