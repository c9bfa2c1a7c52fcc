import { z } from 'zod';
import { Prices, ProductId, ProductPatch } from './product';
import { IncomingOrder } from './sales';
import { Theme } from './theme';
import { ShowLocale } from './locale';
import { SalesGoal } from './goal';
import { LocaleKey } from './product';
import { PLANNED_SECONDS, SPREAD_TOTAL_SECONDS } from './timing';
import { HostMessageText } from './host';

const ItemId = z.string().min(1).max(64);
/** A slot's planned length in whole seconds. */
const PlannedSeconds = z.number().int().min(PLANNED_SECONDS.min).max(PLANNED_SECONDS.max);
const Index = z.number().int().nonnegative().max(100_000);
/** The revision the operator saw; a stale one is refused with 409 instead of overwriting. */
const ExpectedRevision = z.number().int().nonnegative().optional();

export const AddItem = z.object({
  type: z.literal('rundown.add'),
  productId: ProductId,
  index: Index.optional(),
  scene: z.string().min(1).max(200).optional(),
  plannedSeconds: PlannedSeconds.nullable().optional()
});
export const RemoveItem = z.object({ type: z.literal('rundown.remove'), itemId: ItemId, expectedRevision: ExpectedRevision });
export const MoveItem = z.object({ type: z.literal('rundown.move'), itemId: ItemId, index: Index, expectedRevision: ExpectedRevision });
export const Pin = z.object({ type: z.literal('rundown.pin'), itemId: ItemId, expectedRevision: ExpectedRevision });
export const Next = z.object({ type: z.literal('rundown.next'), expectedRevision: ExpectedRevision });
export const Previous = z.object({ type: z.literal('rundown.previous'), expectedRevision: ExpectedRevision });
export const Unpin = z.object({ type: z.literal('rundown.unpin'), expectedRevision: ExpectedRevision });
export const ImportProducts = z.object({
  type: z.literal('catalogue.import'),
  products: z.array(ProductPatch).max(100_000)
});
export const UpdateShow = z
  .object({
    type: z.literal('show.update'),
    title: z.string().trim().min(1).max(200).optional(),
    locales: z
      .array(ShowLocale)
      .min(1)
      .max(50)
      .refine((ls) => new Set(ls.map((l) => l.locale)).size === ls.length, 'each locale may appear once')
      .optional(),
    theme: Theme.partial().optional(),
    /** The show's sales goal; null clears it. */
    goal: SalesGoal.nullable().optional(),
    /** The language every audience falls back to when a text is missing in its own (`en`). */
    baseLanguage: z.string().regex(/^[a-z]{2,3}$/, 'expected a language such as "en" or "pl"').optional(),
    /** The show's timing plan: a planned start (epoch ms) and whether slots advance by themselves. */
    plan: z
      .object({ startsAt: z.number().int().min(0).max(8.64e15).nullable().optional(), autoAdvance: z.boolean().optional() })
      .strict()
      .optional(),
    /** The language of the host's monitor (`pl-PL`); null: the show's base language. */
    hostLocale: LocaleKey.nullable().optional()
  })
  .refine(
    (c) =>
      c.title !== undefined || c.locales !== undefined || c.theme !== undefined || c.goal !== undefined || c.baseLanguage !== undefined || c.plan !== undefined || c.hostLocale !== undefined,
    'give a title, locales, a theme, a goal, a base language, a plan or a host locale'
  );

/** Sets a product's stock (0 marks it sold out): what a moderator does when the warehouse calls. */
/**
 * `stock: null` is "back in stock, count not known": the product is no longer tracked. An absolute
 * value, so it carries no revision: "sold out" is true whatever sold since the operator looked.
 */
export const SetStock = z.object({ type: z.literal('product.setStock'), productId: ProductId, stock: z.number().int().nonnegative().max(10_000_000).nullable() });

/** A flash deal: a deal price for a while, counted down on every overlay by the studio's clock. */
export const StartDeal = z.object({
  type: z.literal('deal.start'),
  productId: ProductId,
  price: Prices.refine((p) => Object.keys(p).length > 0, 'give the deal price in at least one currency'),
  durationSeconds: z.number().int().min(10).max(24 * 3600)
});
/** Ends the deal now; with `dealId`, only that deal (the studio's own timer uses it). */
export const EndDeal = z.object({ type: z.literal('deal.end'), dealId: z.string().max(200).optional() });

/** Orders one `sales.record` may carry: a longer poll is recorded in several. */
export const MAX_ORDERS_PER_RECORD = 10_000;

/**
 * Orders as a marketplace reported them since `cursor`. Repeats and late refunds are expected: the
 * core counts each (source, order id) once and takes refunds back out.
 */
export const RecordSales = z.object({
  type: z.literal('sales.record'),
  /** The marketplace: `demo`, `aliexpress`, `shopify` (polls and webhooks of a shop share it). */
  source: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'expected a source name such as "shopify"'),
  /** Where the next poll continues; journaled so a restart resumes there. */
  cursor: z.string().max(2000).optional(),
  orders: z.array(IncomingOrder).max(MAX_ORDERS_PER_RECORD)
});

/** A rundown item's planned length and its own auto-advance (null: the show's setting). */
export const PlanItem = z
  .object({
    type: z.literal('rundown.plan'),
    itemId: ItemId,
    plannedSeconds: PlannedSeconds.nullable().optional(),
    autoAdvance: z.boolean().nullable().optional()
  })
  .refine((c) => c.plannedSeconds !== undefined || c.autoAdvance !== undefined, 'give plannedSeconds or autoAdvance');
/**
 * Spreads a planned total evenly over the slots still to come (`spreadTotal` in ./timing): one
 * command, so the whole new plan is journaled at once and the activity trail shows one change.
 */
export const SpreadPlan = z.object({
  type: z.literal('rundown.spread'),
  totalSeconds: z.number().int().min(SPREAD_TOTAL_SECONDS.min).max(SPREAD_TOTAL_SECONDS.max),
  /** Slots that already have a length keep it; the rest share what is left of the total. */
  keepPlanned: z.boolean().default(false)
});
/** Keeps the item on air past its slot (`release: true` lets the show's auto-advance take it again). */
export const HoldItem = z.object({ type: z.literal('rundown.hold'), release: z.boolean().optional() });
/** Gives the item on air more time (a minute by default). */
export const ExtendItem = z.object({ type: z.literal('rundown.extend'), seconds: z.number().int().min(1).max(3600).default(60) });
/** The show clock's own command: the slot of `itemId`, on air since `since`, is up. Stale ones do nothing. */
export const SlotUp = z.object({ type: z.literal('rundown.slotUp'), itemId: ItemId, since: z.number().int().nonnegative() });
export const SendHostMessage = z.object({ type: z.literal('host.message'), text: HostMessageText });
export const ClearHostMessage = z.object({ type: z.literal('host.clearMessage'), messageId: z.string().min(1).max(64) });

/**
 * An OBS started or stopped recording (by the studio's button or in OBS itself), told by the studio
 * (actor `obs`): journaled so chapters and clips can be made after a restart. `at` is when the
 * recording's first frame was, by the studio's clock, aligned with what OBS reports of its output.
 */
const RecordingFact = {
  connectionId: z.string().min(1).max(64),
  at: z.number().int().nonnegative(),
  path: z.string().min(1).max(4096).optional()
};
/** `folder`: where OBS saves recordings, so a recording cut short by a crash can still be found. */
export const RecordingStarted = z.object({ type: z.literal('recording.started'), ...RecordingFact, folder: z.string().min(1).max(4096).optional() });
export const RecordingStopped = z.object({ type: z.literal('recording.stopped'), ...RecordingFact });
/** OBS paused or resumed a recording (studio clock): its file has no frames in between, so chapters and clips skip that span. */
export const RecordingPaused = z.object({ type: z.literal('recording.paused'), connectionId: RecordingFact.connectionId, at: RecordingFact.at });
export const RecordingResumed = z.object({ type: z.literal('recording.resumed'), connectionId: RecordingFact.connectionId, at: RecordingFact.at });

// The table of commands (roles, routes, answers) and the `Command` union are in ./command-registry.
