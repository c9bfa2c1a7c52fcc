import type { JournalEntry, ShowEvent } from '../../../shared/events';

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

const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** "Ana (moderator)"; the studio's own actors (deal timer, marketplace) by what they are. */
export function actorLabel(actor: ActivityActor): string {
  if (actor.name && actor.role) return `${actor.name} (${actor.role})`;
  if (actor.id === 'owner') return 'Studio (producer)';
  return `Studio (${actor.name ?? actor.client.replace(/-/g, ' ')})`;
}

function find<T extends ShowEvent['type']>(events: ShowEvent[], type: T): Extract<ShowEvent, { type: T }> | undefined {
  return events.find((e): e is Extract<ShowEvent, { type: T }> => e.type === type);
}

/** What the entry did, in words: "pinned Lavender trousers". */
export function describe(entry: ActivityEntry, names: Names): string {
  const e = entry.events;
  const pinned = find(e, 'onAir.pinned');
  switch (entry.command) {
    case 'rundown.add': {
      const added = find(e, 'rundown.itemAdded');
      return `added ${added ? names.product(added.item.productId) : 'an item'} to the rundown`;
    }
    case 'rundown.remove': {
      const removed = find(e, 'rundown.itemRemoved');
      return `removed ${removed ? names.item(removed.itemId) : 'an item'} from the rundown`;
    }
    case 'rundown.move': {
      const moved = find(e, 'rundown.itemMoved');
      return moved ? `moved ${names.item(moved.itemId)} to position ${moved.index + 1}` : 'reordered the rundown';
    }
    case 'rundown.pin':
      return pinned ? `pinned ${names.product(pinned.productId)}` : 'pinned an item';
    case 'rundown.next':
    case 'rundown.previous':
      return pinned ? `put ${names.product(pinned.productId)} on air (${entry.command === 'rundown.next' ? 'next' : 'previous'})` : 'moved along the rundown';
    case 'rundown.unpin': {
      const cleared = find(e, 'onAir.cleared');
      return cleared ? `took ${names.item(cleared.itemId)} off air` : 'took the product off air';
    }
    case 'product.setStock': {
      const product = find(e, 'catalogue.upserted')?.products[0];
      if (!product) return 'changed a stock';
      return product.stock === 0 ? `marked ${names.product(product.id)} sold out` : `set ${names.product(product.id)} in stock (${product.stock ?? '?'})`;
    }
    case 'deal.start': {
      const deal = find(e, 'deal.started');
      return deal ? `started a flash deal on ${names.product(deal.deal.productId)}` : 'started a flash deal';
    }
    case 'deal.end':
      return 'ended the flash deal';
    case 'catalogue.import':
      return `imported ${find(e, 'catalogue.upserted')?.products.length ?? 0} products`;
    case 'show.update':
      return 'changed the show’s settings';
    default:
      return entry.command;
  }
}

export function activityLine(entry: ActivityEntry, names: Names): string {
  return `${time.format(entry.at)} · ${actorLabel(entry.actor)} ${describe(entry, names)}`;
}

/** Orders counted by the marketplace poller fill the journal; the trail is about people. */
export const isOperatorEntry = (entry: ActivityEntry): boolean => entry.command !== 'sales.record';
