import { z } from 'zod';

/** `pl`, `pl-PL`, `zh-Hant-TW`: the keys of localized text (a language or a full locale). */
export const LocaleKey = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language or locale such as "pl" or "pl-PL"');

export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code such as "EUR"');

export const ProductId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'ids use letters, digits, ".", "_", ":" and "-"');

/** Text per language or locale: `{ en: "Lavender trousers", pl: "Spodnie lawendowe" }`. */
export const LocalizedText = z.record(LocaleKey, z.string().max(1000));

/** A web page for viewers, `http(s)` only: a `javascript:` link must never reach a QR code. */
const WebAddress = z
  .string()
  .max(2000)
  .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), 'expected an http(s) address such as "https://shop.example/p/lav-01"');
/** Where viewers of each market buy the product: `{ "pl-PL": "https://…", de: "https://…" }`. */
export const BuyLinks = z.record(LocaleKey, WebAddress);

/** Amount per currency in major units: `{ EUR: 19.99, PLN: 84.99 }`. */
export const Prices = z.record(CurrencyCode, z.number().finite().nonnegative().max(1e9));
export type Prices = z.infer<typeof Prices>;

export const Product = z.object({
  id: ProductId,
  title: LocalizedText,
  pitch: LocalizedText,
  badge: LocalizedText,
  price: Prices,
  /** The "was" price shown struck through; optional per currency. */
  compareAt: Prices,
  /** The lowest price of the last 30 days (EU Omnibus rule): shown whenever a discount is. */
  lowest30d: Prices,
  /** Units left; 0 is sold out; null when the shop does not track stock. */
  stock: z.number().int().nonnegative().nullable(),
  image: z.string().max(2000).nullable(),
  /** The product's page per market (`url:pl-PL` columns); absent in products stored before links existed. */
  url: BuyLinks.optional(),
  /** Where the catalogue entry came from: `csv`, `json`, `demo`, `aliexpress`… */
  source: z.string().max(40),
  /** What the host should say about it, per language: shown to the host and operators, never on air. */
  hostNotes: LocalizedText.optional()
});
export type Product = z.infer<typeof Product>;

/**
 * What an import says about one product. Only `id` is required: importing an id that exists
 * updates the fields given (localized fields merge per language) and keeps everything else.
 */
export const ProductPatch = z.object({
  id: ProductId,
  title: LocalizedText.optional(),
  pitch: LocalizedText.optional(),
  badge: LocalizedText.optional(),
  price: Prices.optional(),
  compareAt: Prices.optional(),
  lowest30d: Prices.optional(),
  stock: z.number().int().nonnegative().nullable().optional(),
  image: z.string().max(2000).nullable().optional(),
  url: BuyLinks.optional(),
  source: z.string().max(40).optional(),
  hostNotes: LocalizedText.optional()
});
export type ProductPatch = z.infer<typeof ProductPatch>;

export function emptyProduct(id: string): Product {
  return { id, title: {}, pitch: {}, badge: {}, price: {}, compareAt: {}, lowest30d: {}, stock: null, image: null, source: 'import' };
}

/** Merges a patch into a product; localized fields and prices merge key by key. */
export function mergeProduct(base: Product | undefined, patch: ProductPatch): Product {
  const p = base ?? emptyProduct(patch.id);
  return {
    id: p.id,
    title: patch.title ? { ...p.title, ...patch.title } : p.title,
    pitch: patch.pitch ? { ...p.pitch, ...patch.pitch } : p.pitch,
    badge: patch.badge ? { ...p.badge, ...patch.badge } : p.badge,
    price: patch.price ? { ...p.price, ...patch.price } : p.price,
    compareAt: patch.compareAt ? { ...p.compareAt, ...patch.compareAt } : p.compareAt,
    // Products journaled before this field existed have none.
    lowest30d: patch.lowest30d ? { ...p.lowest30d, ...patch.lowest30d } : (p.lowest30d ?? {}),
    stock: patch.stock !== undefined ? patch.stock : p.stock,
    image: patch.image !== undefined ? patch.image : p.image,
    ...((patch.url || p.url) && { url: { ...p.url, ...patch.url } }),
    source: patch.source ?? p.source,
    ...((patch.hostNotes || p.hostNotes) && { hostNotes: { ...p.hostNotes, ...patch.hostNotes } })
  };
}

export const isSoldOut = (p: Pick<Product, 'stock'> | null | undefined): boolean => p?.stock === 0;
