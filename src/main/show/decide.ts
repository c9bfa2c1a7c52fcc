import type { Command } from '../../shared/command-registry';
import type { Actor, SaleChange, ShowEvent } from '../../shared/events';
import type { IncomingOrder } from '../../shared/sales';
import type { SalesGoal } from '../../shared/goal';
import { CommandError, notFound } from './command-error';
import type { ShowState } from './state';
import { hasOwn, own } from '../../shared/own';
import { endDealIfSoldOut, endReason, refuseDealAboveRegular } from './deal-rules';
import { decideGraphic, isGraphicCommand } from './graphics-rules';
import { decideTiming, isTimingCommand } from './decide-timing';

export interface DecideContext {
  now: number;
  actor: Actor;
  /** The orders counted so far (a projection too large to copy per event; read only here). */
  orders: OrderLedger;
}

export interface OrderLedger {
  classify(source: string, orders: IncomingOrder[], onAir: string | null): SaleChange[];
}

/**
 * Turns a valid command into the events it causes, or refuses it. Pure: reads the state, never
 * changes it. An empty list means "nothing to do" (e.g. unpin with nothing on air).
 */
export function decide(state: ShowState, command: Command, ctx: DecideContext): ShowEvent[] {
  return endDealIfSoldOut(state, decideCommand(state, command, ctx));
}

function decideCommand(state: ShowState, command: Command, ctx: DecideContext): ShowEvent[] {
  if ('expectedRevision' in command && command.expectedRevision !== undefined) refuseIfStale(state, command.expectedRevision);
  if (isGraphicCommand(command)) return decideGraphic(state, command, ctx);
  if (isTimingCommand(command)) return decideTiming(state, command, ctx);
  switch (command.type) {
    case 'rundown.add': {
      if (!hasOwn(state.products, command.productId)) throw notFound('product', command.productId);
      const item = {
        id: `item-${state.nextItemNumber}`,
        productId: command.productId,
        scene: command.scene ?? null,
        addedAt: ctx.now,
        addedBy: ctx.actor.id,
        ...(command.plannedSeconds != null && { plannedSeconds: command.plannedSeconds })
      };
      return [{ type: 'rundown.itemAdded', item, index: Math.min(command.index ?? state.rundown.length, state.rundown.length) }];
    }
    case 'rundown.remove': {
      requireItem(state, command.itemId);
      const events: ShowEvent[] = [];
      if (state.onAir?.itemId === command.itemId) events.push({ type: 'onAir.cleared', itemId: command.itemId });
      events.push({ type: 'rundown.itemRemoved', itemId: command.itemId });
      return events;
    }
    case 'rundown.move': {
      const from = requireItem(state, command.itemId);
      const index = Math.min(command.index, state.rundown.length - 1);
      return from === index ? [] : [{ type: 'rundown.itemMoved', itemId: command.itemId, index }];
    }
    case 'rundown.pin':
      return pin(state, state.rundown[requireItem(state, command.itemId)], ctx);
    case 'rundown.next':
    case 'rundown.previous':
      return pin(state, neighbour(state, command.type === 'rundown.next' ? 1 : -1), ctx);
    case 'rundown.unpin':
      return state.onAir ? [{ type: 'onAir.cleared', itemId: state.onAir.itemId }] : [];
    case 'catalogue.import':
      return command.products.length ? [{ type: 'catalogue.upserted', products: command.products }] : [];
    case 'product.setStock':
      if (!hasOwn(state.products, command.productId)) throw notFound('product', command.productId);
      return [{ type: 'catalogue.upserted', products: [{ id: command.productId, stock: command.stock }] }];
    case 'show.update':
      // Also when only the audiences change: dropping the goal's currency would leave it unreachable.
      requireGoalCurrency(command.goal !== undefined ? command.goal : state.goal, command.locales ?? state.locales);
      return [
        {
          type: 'show.updated',
          ...(command.title !== undefined && { title: command.title }),
          ...(command.locales && { locales: command.locales }),
          ...(command.theme && { theme: command.theme }),
          ...(command.goal !== undefined && { goal: command.goal }),
          ...(command.baseLanguage !== undefined && { baseLanguage: command.baseLanguage }),
          ...(command.plan !== undefined && { plan: command.plan }),
          ...(command.hostLocale !== undefined && { hostLocale: command.hostLocale })
        }
      ];
    case 'deal.start': {
      // Ids are only ids: "constructor" is not a product.
      const product = own(state.products, command.productId);
      if (!product) throw notFound('product', command.productId);
      if (product.stock === 0) throw new CommandError('sold_out', 409, `${command.productId} is sold out: a deal on it would sell nothing`);
      refuseDealAboveRegular(product, command.price);
      const deal = { id: `deal-${state.revision + 1}`, productId: command.productId, price: command.price, startedAt: ctx.now, endsAt: ctx.now + command.durationSeconds * 1000 };
      return [...(state.deal ? [{ type: 'deal.ended' as const, dealId: state.deal.id, reason: 'replaced' as const }] : []), { type: 'deal.started', deal }];
    }
    case 'deal.end':
      if (!state.deal || (command.dealId !== undefined && command.dealId !== state.deal.id)) return [];
      return [{ type: 'deal.ended', dealId: state.deal.id, reason: endReason(state, command.dealId, ctx.now) }];
    case 'sales.record': {
      const changes = ctx.orders.classify(command.source, command.orders, state.onAir?.productId ?? null);
      const cursorMoves = command.cursor !== undefined && command.cursor !== own(state.salesCursors, command.source);
      if (changes.length === 0 && !cursorMoves) return [];
      return [{ type: 'sales.recorded', source: command.source, ...(cursorMoves && { cursor: command.cursor }), changes }];
    }
    case 'recording.started':
    case 'recording.stopped':
      // A fact OBS told: journaled as is, for src/main/media to cut chapters and clips from.
      return [
        {
          type: command.type,
          connectionId: command.connectionId,
          at: command.at,
          ...(command.path !== undefined && { path: command.path }),
          ...('folder' in command && command.folder !== undefined && { folder: command.folder })
        }
      ];
    case 'recording.paused':
    case 'recording.resumed':
      return [{ type: command.type, connectionId: command.connectionId, at: command.at }];
  }
}

/** A revenue goal in a currency the show does not sell in could never be reached. */
function requireGoalCurrency(goal: SalesGoal | null | undefined, locales: ShowState['locales']): void {
  if (!goal || !('currency' in goal) || locales.some((l) => l.currency === goal.currency)) return;
  throw new CommandError('invalid_command', 400, `goal.currency: the show sells in ${[...new Set(locales.map((l) => l.currency))].join(', ')}, not ${goal.currency}`);
}

/**
 * A command made from what the operator saw is stale when the rundown or the item on air changed
 * after that. Sales, stock and catalogue changes in between move the show's revision but do not make
 * the operator's view of the rundown wrong.
 */
function refuseIfStale(state: ShowState, seen: number): void {
  if (seen >= state.rundownRevision && seen <= state.revision) return;
  throw new CommandError('stale_revision', 409, `the rundown changed since revision ${seen}; the show is now at revision ${state.revision}`, state.revision);
}

function requireItem(state: ShowState, itemId: string): number {
  const index = state.rundown.findIndex((i) => i.id === itemId);
  if (index < 0) throw notFound('rundown item', itemId);
  return index;
}

function pin(state: ShowState, item: ShowState['rundown'][number], ctx: DecideContext): ShowEvent[] {
  // Pinning what is already on air keeps its time on air running rather than restarting it.
  if (state.onAir?.itemId === item.id) return [];
  return [{ type: 'onAir.pinned', itemId: item.id, productId: item.productId, since: ctx.now }];
}

/** The item before or after the current position: what is on air, else what was last on air. */
function neighbour(state: ShowState, step: 1 | -1): ShowState['rundown'][number] {
  if (state.rundown.length === 0) throw new CommandError('empty_rundown', 409, 'the rundown is empty');
  const positionId = state.onAir?.itemId ?? state.lastOnAirItemId;
  const position = positionId ? state.rundown.findIndex((i) => i.id === positionId) : -1;
  if (position < 0) {
    if (step === 1) return state.rundown[0];
    throw new CommandError('start_of_rundown', 409, 'nothing has been on air yet: there is no previous item');
  }
  const target = position + step;
  if (target >= state.rundown.length) throw new CommandError('end_of_rundown', 409, 'the last item of the rundown is on air', state.revision);
  if (target < 0) throw new CommandError('start_of_rundown', 409, 'the first item of the rundown is on air', state.revision);
  return state.rundown[target];
}
