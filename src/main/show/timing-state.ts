import type { ShowEvent } from '../../shared/events';
import { HOST_MESSAGE_LIMIT } from '../../shared/host';
import { NO_PLAN } from '../../shared/timing';
import { own, withOwn } from '../../shared/own';
import type { ShowState } from './state';

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
 * When an entry takes an item off air (another pin, an unpin, a removal), its slot's time is added
 * to the item's aired time, measured with the entry's own journaled time so a replay gives the same.
 */
export function countAiredTime(before: ShowState, after: ShowState, at: number): ShowState {
  const ended = before.onAir;
  if (!ended || (after.onAir?.itemId === ended.itemId && after.onAir.since === ended.since)) return after;
  const airedMs = after.airedMs ?? {};
  const total = (own(airedMs, ended.itemId) ?? 0) + Math.max(0, at - ended.since);
  return { ...after, airedMs: withOwn(airedMs, ended.itemId, total) };
}
