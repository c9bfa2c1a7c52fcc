import type { ShowLocale } from '../../shared/locale';
import type { Product } from '../../shared/product';
import type { FlashDeal, OnAir, RundownItem } from '../../shared/events';
import { DEFAULT_THEME, type Theme } from '../../shared/theme';
import type { SalesGoal } from '../../shared/goal';
import type { Graphic } from '../../shared/graphics';
import { NO_PLAN, type ShowPlan } from '../../shared/timing';
import type { HostMessage } from '../../shared/host';

/** The show as the core holds it; faces see it through `toShowView`. */
export interface ShowState {
  /** Number of acknowledged commands: the journal's last `rev`. */
  revision: number;
  title: string;
  locales: ShowLocale[];
  products: Record<string, Product>;
  /**
   * How many products `products` holds, counted as they are added: listing the keys of a
   * 100,000-product catalogue took ~20 ms, on every part of an import, while pins waited.
   */
  productCount: number;
  /** Revision of the last catalogue change, so faces know when to search again. */
  catalogueRevision: number;
  rundown: RundownSlot[];
  onAir: OnAir | null;
  /**
   * Revision of the last change to the rundown or to what is on air. A pin or a move made from an
   * older view is stale; a sale or a stock change in between does not make it so.
   */
  rundownRevision: number;
  /** Where next/previous continue from after an unpin. */
  lastOnAirItemId: string | null;
  /** Source of rundown item ids: `item-<n>`, never reused within a show. */
  nextItemNumber: number;
  deal: FlashDeal | null;
  theme: Theme;
  /** Per marketplace, where its next poll for orders continues. */
  salesCursors: Record<string, string>;
  goal: SalesGoal | null;
  /**
   * The language every audience falls back to when a text is missing in its own; null (shows made
   * before the producer could pick one) means the language of the show's first locale.
   */
  baseLanguage: string | null;
  /** Announcements, coupons, lower thirds; absent in snapshots of shows made before graphics. */
  graphics?: Graphic[];
  /** Source of graphic ids: `graphic-<n>`, never reused within a show. */
  nextGraphicNumber?: number;
  /** When the show should start and whether slots advance by themselves. */
  plan: ShowPlan;
  /** The host's monitor's language; null: the base language. */
  hostLocale: string | null;
  /** Messages from moderators waiting for the host, oldest first. */
  hostMessages: HostMessage[];
}

/**
 * A rundown item as the show holds it: the item as journaled, and its time on air so far. The time
 * is kept on the item, so a slot that ends copies that one item and the list of the rundown's items,
 * never a record of every item's time (a 100,000-entry journal replays a pin in microseconds).
 */
export interface RundownSlot extends RundownItem {
  /** Its time on air in slots that ended (ms, from journaled times); absent: none yet. */
  airedMs?: number;
}

/** The base language in effect: the producer's pick, else the language of the show's first locale. */
export function baseLanguageOf(state: Pick<ShowState, 'baseLanguage' | 'locales'>): string {
  return state.baseLanguage ?? state.locales[0]?.locale.split('-')[0] ?? 'en';
}

export const DEFAULT_LOCALES: ShowLocale[] = [{ locale: 'en-GB', currency: 'GBP' }];

export function initialShowState(): ShowState {
  return {
    revision: 0,
    title: 'Untitled show',
    locales: DEFAULT_LOCALES,
    products: {},
    productCount: 0,
    catalogueRevision: 0,
    rundown: [],
    onAir: null,
    rundownRevision: 0,
    lastOnAirItemId: null,
    nextItemNumber: 1,
    deal: null,
    theme: DEFAULT_THEME,
    salesCursors: {},
    goal: null,
    baseLanguage: null,
    graphics: [],
    nextGraphicNumber: 1,
    plan: NO_PLAN,
    hostLocale: null,
    hostMessages: []
  };
}

/**
 * The show with `change` applied, as a new state (`state` is left as it was); a field `change`
 * leaves undefined keeps its value. Written out field by field, not `{ ...state, ...change }`: on
 * Node 20 a spread that adds or overrides keys takes a slow path (0.3–2 µs per copy of the show),
 * while this literal is one allocation of a shape every state shares; replaying a 100,000-entry
 * journal copies the show twice per entry. The type makes the compiler name any field missed here.
 */
export function showWith(state: ShowState, change: Partial<ShowState>): ShowState {
  const next: { [K in keyof Required<ShowState>]: ShowState[K] } = {
    revision: or(change.revision, state.revision),
    title: or(change.title, state.title),
    locales: or(change.locales, state.locales),
    products: or(change.products, state.products),
    productCount: or(change.productCount, state.productCount),
    catalogueRevision: or(change.catalogueRevision, state.catalogueRevision),
    rundown: or(change.rundown, state.rundown),
    onAir: or(change.onAir, state.onAir),
    rundownRevision: or(change.rundownRevision, state.rundownRevision),
    lastOnAirItemId: or(change.lastOnAirItemId, state.lastOnAirItemId),
    nextItemNumber: or(change.nextItemNumber, state.nextItemNumber),
    deal: or(change.deal, state.deal),
    theme: or(change.theme, state.theme),
    salesCursors: or(change.salesCursors, state.salesCursors),
    goal: or(change.goal, state.goal),
    baseLanguage: or(change.baseLanguage, state.baseLanguage),
    graphics: or(change.graphics, state.graphics),
    nextGraphicNumber: or(change.nextGraphicNumber, state.nextGraphicNumber),
    plan: or(change.plan, state.plan),
    hostLocale: or(change.hostLocale, state.hostLocale),
    hostMessages: or(change.hostMessages, state.hostMessages)
  };
  return next;
}

const or = <T>(changed: T | undefined, kept: T): T => (changed === undefined ? kept : changed);
