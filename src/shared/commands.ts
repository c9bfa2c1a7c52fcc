import { z } from 'zod';
import { ProductId, ProductPatch } from './product';
import { ShowLocale } from './locale';

const ItemId = z.string().min(1).max(64);
const Index = z.number().int().nonnegative().max(100_000);
/** The revision the operator saw; a stale one is refused with 409 instead of overwriting. */
const ExpectedRevision = z.number().int().nonnegative().optional();

export const AddItem = z.object({
  type: z.literal('rundown.add'),
  productId: ProductId,
  index: Index.optional(),
  scene: z.string().min(1).max(200).optional()
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
      .optional()
  })
  .refine((c) => c.title !== undefined || c.locales !== undefined, 'give a title or locales');

/** Every change to a show is one of these; the core validates, decides, journals, applies. */
export const Command = z.discriminatedUnion('type', [
  AddItem,
  RemoveItem,
  MoveItem,
  Pin,
  Next,
  Previous,
  Unpin,
  ImportProducts,
  UpdateShow
]);
export type Command = z.infer<typeof Command>;
export type CommandType = Command['type'];
