import type { Reason } from './reason';
import type { SalesView } from './sales';
import type { ShowLocale } from './locale';
import type { Product } from './product';
import type { ObsConnectionView } from './obs';
import type { FlashDeal } from './events';
import type { Theme } from './theme';
import type { OperatorView } from './access';
import type { SalesGoal } from './goal';
import type { Graphic } from './graphics-text';
import type { ShowPlan, ShowTiming } from './timing';
import type { HostMessage } from './host';

export type { ObsConnectionView };

/** What every face sees of a product in the rundown or on air. */
export type ProductView = Product;

export interface RundownEntryView {
  id: string;
  productId: string;
  scene: string | null;
  addedAt: number;
  addedBy: string;
  product: ProductView | null;
  /** Stock is 0: it can still be pinned, but the operator is warned. */
  soldOut: boolean;
  // The studio always sends the three below; optional only so views made by hand (tests, previews) need not.
  /** Planned slot length in seconds, or null. */
  plannedSeconds?: number | null;
  /** Its total time on air in slots that ended; the item on air adds `timing.onAirSeconds`. */
  airedSeconds?: number;
  /** This item's own auto-advance (false: held); null: the show's `plan.autoAdvance`. */
  autoAdvance?: boolean | null;
}

export interface OnAirView {
  itemId: string;
  productId: string;
  since: number;
  soldOut: boolean;
}

export type { SalesView };

export interface FlashDealView extends FlashDeal {
  product: Product | null;
}

/**
 * The show as its core's state holds it. This is what OBS follows: it never depends on the live
 * parts (an OBS must not follow its own status, nor redraw on every order).
 */
export interface CoreView {
  revision: number;
  title: string;
  locales: ShowLocale[];
  rundown: RundownEntryView[];
  onAir: OnAirView | null;
  /** Where next/previous continue from when nothing is on air. */
  lastOnAirItemId: string | null;
  catalogue: { count: number; revision: number };
  /** The flash deal running now, with its product (which need not be in the rundown). */
  deal: FlashDealView | null;
  theme: Theme;
  /** The producer's sales goal for the show, or null. */
  goal: SalesGoal | null;
  /**
   * The language a text falls back to when an audience's own is missing (`PATCH /api/v1/show
   * { baseLanguage }`; by default the language of the show's first locale). Nothing else is used.
   * The studio always sends it; optional only so views made by hand (tests, previews) need not.
   */
  baseLanguage?: string;
  /** Announcements, coupons and lower thirds, shown or ready to show (every text and code, all markets). */
  graphics?: Graphic[];
  /** The show's timing plan (`PATCH /api/v1/show { plan }`). Optional only for views made by hand. */
  plan?: ShowPlan;
  /** The host's monitor's language (null: the base language). */
  hostLocale?: string | null;
  /** Messages from moderators waiting on the host's monitor, oldest first. */
  hostMessages?: HostMessage[];
}

/** The live parts beside the show's state: the sales book, the OBS links and who is working the show. */
export interface LiveView {
  sales: SalesView;
  /** Only producers see them; every other face gets `[]`. */
  obs: ObsConnectionView[];
  /** Who is working the show: the owner's window and devices with a live connection or a recent action. */
  operators: OperatorView[];
  /** The clock as of the show's last change; faces keep counting from `onAir.since` themselves. Optional only for views made by hand. */
  timing?: ShowTiming;
}

/** `GET /api/v1/show` and the live WebSocket's first message: the core's view plus the live parts. */
export interface ShowView extends CoreView, LiveView {}

/** Messages on `WS /api/v1/live`. */
export type LiveMessage =
  | { type: 'snapshot'; state: ShowView; serverTime: number }
  | { type: 'patch'; revision: number; changes: Partial<ShowView> }
  | { type: 'heartbeat'; serverTime: number; revision: number };

/** A product as the catalogue search answers it. */
export interface ProductSearchResult {
  total: number;
  products: Product[];
}

export interface ImportResult {
  imported: number;
  /** `problems`: every problem of the row as a code and parameters (`import.notPrice`), in `message`'s order. */
  rejected: { row: number; message: string; problems: Reason[] }[];
  revision: number;
}

export interface ApiErrorBody {
  /** `id`: an unexpected error's entry in the studio's log (`DATA_DIR/logs/studio.log`). */
  error: { code: string; message: string; revision?: number; details?: unknown; id?: string };
}
