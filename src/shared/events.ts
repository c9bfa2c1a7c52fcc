import type { Role } from './access';
import type { ProductPatch } from './product';
import type { ShowLocale } from './locale';
import type { Prices } from './product';
import type { Theme } from './theme';
import type { IncomingOrder } from './sales';
import type { SalesGoal } from './goal';
import type { GraphicEvent } from './graphics';
import type { ShowPlan } from './timing';
import type { HostMessage } from './host';

export interface RundownItem {
  id: string;
  productId: string;
  /** An OBS scene to switch to while this item is on air. */
  scene: string | null;
  addedAt: number;
  addedBy: string;
  /** Planned length of its slot in seconds; null or absent: not planned. */
  plannedSeconds?: number | null;
  /** Overrides the show's auto-advance for this item (a hold sets false); null or absent: the show's. */
  autoAdvance?: boolean | null;
}

export interface OnAir {
  itemId: string;
  productId: string;
  /** Epoch milliseconds (server clock) when it went on air. */
  since: number;
}

export interface FlashDeal {
  id: string;
  productId: string;
  /** Deal price per currency; the product's own price becomes the "was" price. */
  price: Prices;
  startedAt: number;
  /** Epoch ms, server clock: every overlay counts down to the same instant. */
  endsAt: number;
}

/**
 * Why a deal ended: its time was up, an operator stopped it, another deal replaced it, or its
 * product sold out (journaled in the same entry as the stock change). Older entries carry none.
 */
export type DealEndReason = 'time-up' | 'stopped' | 'replaced' | 'sold-out';

/** Facts that happened to the show; the journal stores them and the reducer applies them. */
export type ShowEvent =
  | { type: 'rundown.itemAdded'; item: RundownItem; index: number }
  | { type: 'rundown.itemRemoved'; itemId: string }
  | { type: 'rundown.itemMoved'; itemId: string; index: number }
  | { type: 'onAir.pinned'; itemId: string; productId: string; since: number }
  | { type: 'onAir.cleared'; itemId: string }
  | { type: 'catalogue.upserted'; products: ProductPatch[] }
  | { type: 'show.updated'; title?: string; locales?: ShowLocale[]; theme?: Partial<Theme>; goal?: SalesGoal | null; baseLanguage?: string; plan?: Partial<ShowPlan>; hostLocale?: string | null }
  | { type: 'rundown.itemPlanned'; itemId: string; plannedSeconds?: number | null; autoAdvance?: boolean | null }
  | { type: 'host.messageSent'; message: HostMessage }
  | { type: 'host.messageCleared'; messageId: string }
  | { type: 'deal.started'; deal: FlashDeal }
  | { type: 'deal.ended'; dealId: string; reason?: DealEndReason }
  | { type: 'sales.recorded'; source: string; cursor?: string; changes: SaleChange[] }
  | { type: 'recording.started' | 'recording.stopped'; connectionId: string; at: number; path?: string; folder?: string }
  | { type: 'recording.paused' | 'recording.resumed'; connectionId: string; at: number }
  | GraphicEvent;

/**
 * What an incoming order changed, decided against the orders already counted: `counted` (a new
 * paid order), `voided` (a counted order refunded or invalidated: taken back out), `voidedUnseen`
 * (first heard of already refunded: remembered, never counted). Repeats cause no change at all.
 */
export interface SaleChange extends IncomingOrder {
  effect: 'counted' | 'voided' | 'voidedUnseen';
  /** The product on air when the studio heard of it. */
  onAir: string | null;
}

/** Who issued a command, for the audit trail. */
export interface Actor {
  /** The credential used: `owner` for the data dir's own token. */
  id: string;
  /** What the client calls itself (`X-Shopcast-Client`), e.g. "control-room" or "streamdeck". */
  client: string;
  /** The person or device behind the credential ("Studio", "Ana's tablet"); absent for the studio itself and older entries. */
  name?: string;
  /** What the credential may do; absent means the studio itself (marketplace, deal timer, demo) or an older entry. */
  role?: Role;
}

/** One acknowledged command: a line of the journal. */
export interface JournalEntry {
  rev: number;
  at: number;
  actor: Actor;
  command: string;
  events: ShowEvent[];
}
