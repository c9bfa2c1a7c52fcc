import type { JournalEntry, ShowEvent } from '@shared/events';
import { operatorLocale, t } from '../i18n/desk-text';
import { formatClock } from './format';

/** The journal's actor as the server fills it for devices: name and role (older entries lack them). */
export interface ActivityActor {
  id: string;
  client: string;
  name?: string;
  role?: string;
}

export type ActivityEntry = Omit<JournalEntry, 'actor'> & { actor: ActivityActor };

/** Product titles the line can name, by product id; rundown item ids map to their product. */
export interface Names {
  product(productId: string): string;
  item(itemId: string): string;
}

/** The studio's own actors, by what they are ("Studio (deal timer)"); an unknown one by its client name. */
const STUDIO_CLIENTS = new Set(['deal-timer', 'rundown-timer', 'demo', 'marketplace', 'shopify-webhook']);

/** "Ana (moderator)"; the studio's own actors (deal timer, marketplace) by what they are. */
export function actorLabel(actor: ActivityActor): string {
  if (actor.name && actor.role) return t('activity.actor', { name: actor.name, role: t(`role.${actor.role}`, { defaultValue: actor.role }) });
  if (actor.id === 'owner') return t('activity.owner');
  const what = actor.name ?? (STUDIO_CLIENTS.has(actor.client) ? t(`activity.client.${actor.client}`) : actor.client.replace(/-/g, ' '));
  return t('activity.studio', { what });
}

function find<T extends ShowEvent['type']>(events: ShowEvent[], type: T): Extract<ShowEvent, { type: T }> | undefined {
  return events.find((e): e is Extract<ShowEvent, { type: T }> => e.type === type);
}

/**
 * What the entry did, as a whole sentence with the actor in it ("Ana (moderator) pinned Lavender
 * trousers"): languages put the actor and the verb in different places, so the dictionary does.
 */
export function describe(entry: ActivityEntry, names: Names): string {
  const e = entry.events;
  const actor = actorLabel(entry.actor);
  const say = (key: string, vars: Record<string, unknown> = {}) => t(`activity.${key}`, { actor, ...vars });
  const pinned = find(e, 'onAir.pinned');
  switch (entry.command) {
    case 'rundown.add': {
      const added = find(e, 'rundown.itemAdded');
      return added ? say('added', { product: names.product(added.item.productId) }) : say('addedItem');
    }
    case 'rundown.remove': {
      const removed = find(e, 'rundown.itemRemoved');
      return removed ? say('removed', { product: names.item(removed.itemId) }) : say('removedItem');
    }
    case 'rundown.move': {
      const moved = find(e, 'rundown.itemMoved');
      return moved ? say('moved', { product: names.item(moved.itemId), position: moved.index + 1 }) : say('reordered');
    }
    case 'rundown.pin':
      return pinned ? say('pinned', { product: names.product(pinned.productId) }) : say('pinnedItem');
    case 'rundown.next':
    case 'rundown.previous':
      if (!pinned) return say('movedAlong');
      return say(entry.command === 'rundown.next' ? 'onAirNext' : 'onAirPrevious', { product: names.product(pinned.productId) });
    case 'rundown.unpin': {
      const cleared = find(e, 'onAir.cleared');
      return cleared ? say('tookOff', { product: names.item(cleared.itemId) }) : say('tookOffProduct');
    }
    case 'product.setStock': {
      const product = find(e, 'catalogue.upserted')?.products[0];
      if (!product) return say('stockChanged');
      if (product.stock === 0) return say('soldOut', { product: names.product(product.id) });
      return product.stock === null ? say('backInStock', { product: names.product(product.id) }) : say('inStock', { product: names.product(product.id), count: product.stock });
    }
    case 'deal.start': {
      const deal = find(e, 'deal.started');
      return deal ? say('dealStarted', { product: names.product(deal.deal.productId) }) : say('dealStartedNoProduct');
    }
    case 'deal.end':
      return say('dealEnded');
    case 'catalogue.import':
      return say('imported', { count: find(e, 'catalogue.upserted')?.products.length ?? 0 });
    case 'show.update':
      return say('settings');
    case 'rundown.slotUp':
      return pinned ? say('slotUp', { product: names.product(pinned.productId) }) : say('movedAlong');
    case 'rundown.plan':
    case 'rundown.hold':
    case 'rundown.extend': {
      const planned = find(e, 'rundown.itemPlanned');
      if (!planned) return say('other', { command: entry.command });
      const product = names.item(planned.itemId);
      if (entry.command === 'rundown.hold') return say(planned.autoAdvance === false ? 'held' : 'released', { product });
      return say(entry.command === 'rundown.extend' ? 'extended' : 'planned', { product });
    }
    case 'rundown.spread':
      return say('spread', { count: e.filter((x) => x.type === 'rundown.itemPlanned').length });
    case 'host.message':
      return say('hostMessage');
    case 'host.clearMessage':
      return say('hostMessageCleared');
    default:
      return say('other', { command: entry.command });
  }
}

/** `14:03:27 · Ana (moderator) pinned …`, the time in the operator's locale. */
export function activityLine(entry: ActivityEntry, names: Names): string {
  return t('activity.line', { time: formatClock(entry.at, operatorLocale()), text: describe(entry, names) });
}

/** Orders counted by the marketplace poller fill the journal; the trail is about people. */
export const isOperatorEntry = (entry: ActivityEntry): boolean => entry.command !== 'sales.record';
