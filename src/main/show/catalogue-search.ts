import { pickText } from '../../shared/locale';
import type { Product } from '../../shared/product';
import type { ProductSearchResult } from '../../shared/view';

export interface SearchOptions {
  /** Orders results by the title in this locale; default English. */
  locale?: string;
  limit?: number;
  offset?: number;
}

interface Entry {
  product: Product;
  /** Id and every title, folded, so one `includes` per term answers the query. */
  haystack: string;
}

/** Letters that NFD does not decompose: `ł` is not `l` plus a mark. */
const UNDECOMPOSED: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i' };

/** `Łódź` → `lodz`: what an operator types without a Polish keyboard finds what they mean. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łøđßæœı]/g, (ch) => UNDECOMPOSED[ch]);
}

/** Products indexed per turn of the event loop by `upsertSoon`: about 2 ms of folding. */
const INDEXED_PER_TURN = 250;

/** An entry in a locale's order, with the title it is ordered by. */
interface Ranked {
  entry: Entry;
  key: string;
}

interface LocaleOrder {
  collator: Intl.Collator;
  ranked: Ranked[];
  /** The same order as flat arrays, made at the first search after a change. */
  scan?: Scan;
}

/**
 * What a keystroke reads, position by position in a locale's order. Reading each haystack through
 * its ranked entry costs a second pointer chase per product (10,000 cache misses a keystroke):
 * the reshape's ranked orders doubled a search's p50 until the haystacks came back in one array.
 */
interface Scan {
  haystacks: string[];
  products: Product[];
}

/**
 * The catalogue as the operator searches it: every term must appear in the id or a title in any
 * language. Orders are kept per locale and updated in place when products change (a binary search
 * per changed product, not a new sort of 100,000), so a keystroke costs one filtering pass, and a
 * sale or an import part does not make the next search sort the whole catalogue again.
 */
export class CatalogueIndex {
  private entries = new Map<string, Entry>();
  private sorted = new Map<string, LocaleOrder>();
  /** Products given to `upsertSoon` and not yet indexed, by id (the latest version wins). */
  private waiting = new Map<string, Product>();
  private draining = false;

  /**
   * Indexes these products a slice per turn of the event loop, not now: folding an import part's
   * thousand products in seven languages held up the pin acknowledged after it. A search made
   * meanwhile indexes what is still waiting first, so it never answers from an older catalogue.
   */
  upsertSoon(products: Iterable<Product>): void {
    for (const product of products) this.waiting.set(product.id, product);
    if (this.waiting.size === 0 || this.draining) return;
    this.draining = true;
    setImmediate(() => this.drainSlice()).unref();
  }

  private drainSlice(): void {
    const slice: Product[] = [];
    for (const [id, product] of this.waiting) {
      if (slice.length >= INDEXED_PER_TURN) break;
      slice.push(product);
      this.waiting.delete(id);
    }
    this.upsert(slice);
    if (this.waiting.size > 0) setImmediate(() => this.drainSlice()).unref();
    else this.draining = false;
  }

  /** Products given to `upsertSoon` that are not indexed yet. */
  get waitingCount(): number {
    return this.waiting.size;
  }

  private catchUp(): void {
    if (this.waiting.size === 0) return;
    const all = [...this.waiting.values()];
    this.waiting.clear();
    this.upsert(all);
  }

  upsert(products: Iterable<Product>): void {
    // A product given twice in one batch counts once, as its last version.
    const changes = new Map<string, Change>();
    for (const product of products) {
      const haystack = fold([product.id, ...Object.values(product.title)].join('\u0000'));
      const entry = { product, haystack };
      const earlier = changes.get(product.id);
      changes.set(product.id, { entry, old: earlier ? earlier.old : this.entries.get(product.id) });
      this.entries.set(product.id, entry);
    }
    const changed = [...changes.values()];
    if (changed.length === 0) return;
    for (const [locale, order] of this.sorted) {
      // Most of the catalogue changed: one sort at the next search is cheaper than merging.
      if (changed.length * 4 > order.ranked.length) this.sorted.delete(locale);
      else {
        order.ranked = merged(order, changed, locale);
        order.scan = undefined;
      }
    }
  }

  /** Holds exactly these products from now on (another show was opened). */
  replaceAll(products: Iterable<Product>): void {
    this.waiting.clear();
    this.entries.clear();
    this.sorted.clear();
    this.upsert(products);
  }

  get size(): number {
    this.catchUp();
    return this.entries.size;
  }

  search(query: string, options: SearchOptions = {}): ProductSearchResult {
    const { locale = 'en', limit = 100, offset = 0 } = options;
    this.catchUp();
    const terms = fold(query).split(/\s+/).filter(Boolean);
    const products: Product[] = [];
    let total = 0;
    const scan = this.inOrder(locale);
    for (let i = 0; i < scan.haystacks.length; i++) {
      const haystack = scan.haystacks[i];
      if (!terms.every((term) => haystack.includes(term))) continue;
      if (total >= offset && products.length < limit) products.push(scan.products[i]);
      total++;
    }
    return { total, products };
  }

  private inOrder(locale: string): Scan {
    let order = this.sorted.get(locale);
    if (!order) {
      // The locale comes from a query string: bound how many orders a caller can make us keep.
      if (this.sorted.size >= 32) this.sorted.clear();
      const collator = new Intl.Collator(safeLocale(locale), { sensitivity: 'base', numeric: true });
      const ranked = [...this.entries.values()].map((entry) => rank(entry, locale));
      ranked.sort(byKey(collator));
      order = { collator, ranked };
      this.sorted.set(locale, order);
    }
    order.scan ??= { haystacks: order.ranked.map((r) => r.entry.haystack), products: order.ranked.map((r) => r.entry.product) };
    return order.scan;
  }
}

function rank(entry: Entry, locale: string): Ranked {
  return { entry, key: pickText(entry.product.title, locale).text || entry.product.id };
}

function byKey(collator: Intl.Collator): (a: Ranked, b: Ranked) => number {
  return (a, b) => collator.compare(a.key, b.key) || (a.entry.product.id < b.entry.product.id ? -1 : 1);
}

/** A product's new entry, and the one it replaces (none for a new product). */
interface Change {
  entry: Entry;
  old: Entry | undefined;
}

/** Where `item` goes in `ranked` (searching from `from` on): the first place not before it. */
function placeOf(ranked: Ranked[], item: Ranked, compare: (a: Ranked, b: Ranked) => number, from: number): number {
  let lo = from;
  let hi = ranked.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(ranked[mid], item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The order with each changed product's old entry taken out and its new one put in where it now
 * belongs: binary searches and one copy, never a walk over every product's fields or a new sort.
 */
function merged(order: LocaleOrder, changed: Change[], locale: string): Ranked[] {
  const compare = byKey(order.collator);
  const ranked = order.ranked;
  const gone = new Set<number>();
  for (const { old } of changed) {
    if (!old) continue;
    const at = placeOf(ranked, rank(old, locale), compare, 0);
    if (ranked[at]?.entry === old) gone.add(at);
    else return resorted(ranked, changed, locale, compare);
  }
  const fresh = changed.map((c) => rank(c.entry, locale)).sort(compare);
  const out: Ranked[] = [];
  const copy = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (gone.size === 0 || !gone.has(i)) out.push(ranked[i]);
  };
  let from = 0;
  for (const item of fresh) {
    // Fresh entries are sorted, so each one's place is at or after the last one's.
    const at = placeOf(ranked, item, compare, from);
    copy(from, at);
    out.push(item);
    from = at;
  }
  copy(from, ranked.length);
  return out;
}

/** The slow way, should an old entry not be where the order says: take the old out, sort again. */
function resorted(ranked: Ranked[], changed: Change[], locale: string, compare: (a: Ranked, b: Ranked) => number): Ranked[] {
  const old = new Set(changed.map((c) => c.old));
  return [...ranked.filter((r) => !old.has(r.entry)), ...changed.map((c) => rank(c.entry, locale))].sort(compare);
}

function safeLocale(locale: string): string {
  try {
    return Intl.Collator.supportedLocalesOf([locale]).length ? locale : 'en';
  } catch {
    return 'en';
  }
}
