import type { ProductPatch } from './product';
import type { ShowLocale } from './locale';

export interface RundownItem {
  id: string;
  productId: string;
  /** An OBS scene to switch to while this item is on air. */
  scene: string | null;
  addedAt: number;
  addedBy: string;
}

export interface OnAir {
  itemId: string;
  productId: string;
  /** Epoch milliseconds (server clock) when it went on air. */
  since: number;
}

/** Facts that happened to the show; the journal stores them and the reducer applies them. */
export type ShowEvent =
  | { type: 'rundown.itemAdded'; item: RundownItem; index: number }
  | { type: 'rundown.itemRemoved'; itemId: string }
  | { type: 'rundown.itemMoved'; itemId: string; index: number }
  | { type: 'onAir.pinned'; itemId: string; productId: string; since: number }
  | { type: 'onAir.cleared'; itemId: string }
  | { type: 'catalogue.upserted'; products: ProductPatch[] }
  | { type: 'show.updated'; title?: string; locales?: ShowLocale[] };

/** Who issued a command, for the audit trail. */
export interface Actor {
  /** The credential used: `owner` for the data dir's own token. */
  id: string;
  /** What the client calls itself (`X-Shopcast-Client`), e.g. "control-room" or "streamdeck". */
  client: string;
}

/** One acknowledged command: a line of the journal. */
export interface JournalEntry {
  rev: number;
  at: number;
  actor: Actor;
  command: string;
  events: ShowEvent[];
}
