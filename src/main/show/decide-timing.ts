import type { Command } from '../../shared/command-registry';
import type { ShowEvent } from '../../shared/events';
import { advancesAutomatically, PLANNED_SECONDS, spreadTotal } from '../../shared/timing';
import { CommandError, notFound } from './command-error';
import type { DecideContext } from './decide';
import type { ShowState } from './state';
import { timedShow } from './timing-view';

type TimingCommand = Extract<Command, { type: 'rundown.plan' | 'rundown.spread' | 'rundown.hold' | 'rundown.extend' | 'rundown.slotUp' | 'host.message' | 'host.clearMessage' }>;

export const TIMING_COMMANDS: ReadonlySet<string> = new Set(['rundown.plan', 'rundown.spread', 'rundown.hold', 'rundown.extend', 'rundown.slotUp', 'host.message', 'host.clearMessage']);

export function isTimingCommand(command: Command): command is TimingCommand {
  return TIMING_COMMANDS.has(command.type);
}

/** Slot lengths, hold, extend, the show clock's advance, and messages to the host. Pure, like `decide`. */
export function decideTiming(state: ShowState, command: TimingCommand, ctx: DecideContext): ShowEvent[] {
  switch (command.type) {
    case 'rundown.plan': {
      const item = state.rundown.find((i) => i.id === command.itemId);
      if (!item) throw notFound('rundown item', command.itemId);
      const plannedChanges = command.plannedSeconds !== undefined && command.plannedSeconds !== (item.plannedSeconds ?? null);
      const autoChanges = command.autoAdvance !== undefined && command.autoAdvance !== (item.autoAdvance ?? null);
      if (!plannedChanges && !autoChanges) return [];
      return [
        {
          type: 'rundown.itemPlanned',
          itemId: item.id,
          ...(plannedChanges && { plannedSeconds: command.plannedSeconds }),
          ...(autoChanges && { autoAdvance: command.autoAdvance })
        }
      ];
    }
    case 'rundown.spread': {
      const spread = spreadTotal(timedShow(state), command.totalSeconds, command.keepPlanned);
      if (!spread.ok) throw new CommandError(spread.reason, 409, SPREAD_REFUSALS[spread.reason](spread.slots));
      const changed = spread.lengths.filter((l) => state.rundown.find((i) => i.id === l.itemId)?.plannedSeconds !== l.plannedSeconds);
      return changed.map((l): ShowEvent => ({ type: 'rundown.itemPlanned', itemId: l.itemId, plannedSeconds: l.plannedSeconds }));
    }
    case 'rundown.hold': {
      const item = onAirItem(state);
      const autoAdvance = command.release ? null : false;
      return (item.autoAdvance ?? null) === autoAdvance ? [] : [{ type: 'rundown.itemPlanned', itemId: item.id, autoAdvance }];
    }
    case 'rundown.extend': {
      const item = onAirItem(state);
      // An unplanned item gets a plan: what it has been on air, plus the extension.
      const base = item.plannedSeconds ?? Math.ceil((ctx.now - state.onAir!.since) / 1000);
      return [{ type: 'rundown.itemPlanned', itemId: item.id, plannedSeconds: Math.min(PLANNED_SECONDS.max, base + command.seconds) }];
    }
    case 'rundown.slotUp': {
      // Only the slot the clock timed: a pin, hold or extend since then makes this a no-op.
      if (state.onAir?.itemId !== command.itemId || state.onAir.since !== command.since) return [];
      const index = state.rundown.findIndex((i) => i.id === command.itemId);
      const item = state.rundown[index];
      // No wall-clock check here: the show clock measured the slot on a monotonic clock, and a wall
      // clock set back an hour must not keep the item on air for an hour more.
      if (!item || !advancesAutomatically(item, state.plan)) return [];
      const next = state.rundown[index + 1];
      return next ? [{ type: 'onAir.pinned', itemId: next.id, productId: next.productId, since: ctx.now }] : [];
    }
    case 'host.message':
      return [{ type: 'host.messageSent', message: { id: `msg-${state.revision + 1}`, text: command.text, from: ctx.actor.name ?? ctx.actor.id, at: ctx.now } }];
    case 'host.clearMessage':
      if (!state.hostMessages.some((m) => m.id === command.messageId)) throw notFound('host message', command.messageId);
      return [{ type: 'host.messageCleared', messageId: command.messageId }];
  }
}

const SPREAD_REFUSALS = {
  nothing_to_spread: () => 'every slot is on air, aired or keeps its length: there is nothing to spread over',
  too_short: (slots: number) => `the total leaves less than ${PLANNED_SECONDS.min} seconds for each of ${slots} slots`,
  too_long: (slots: number) => `the total gives more than ${PLANNED_SECONDS.max} seconds to each of ${slots} slots`
};

function onAirItem(state: ShowState): ShowState['rundown'][number] {
  const item = state.onAir && state.rundown.find((i) => i.id === state.onAir!.itemId);
  if (!item) throw new CommandError('nothing_on_air', 409, 'nothing is on air');
  return item;
}
