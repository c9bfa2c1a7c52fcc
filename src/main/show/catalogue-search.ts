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

/**
 * The catalogue as the operator searches it: every term must appear in the id or a title in any
 * language. Orders are cached per locale, so a keystroke costs one filtering pass, not a sort.
 */
export class CatalogueIndex {
  private entries = new Map<string, Entry>();
  private sorted = new Map<string, Entry[]>();

  upsert(products: Iterable<Product>): void {
    for (const product of products) {
      const haystack = fold([product.id, ...Object.values(product.title)].join('\u0000'));
      this.entries.set(product.id, { product, haystack });
    }
    this.sorted.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  search(query: string, options: SearchOptions = {}): ProductSearchResult {
    const { locale = 'en', limit = 100, offset = 0 } = options;
    const terms = fold(query).split(/\s+/).filter(Boolean);
    const products: Product[] = [];
    let total = 0;
    for (const entry of this.inOrder(locale)) {
      if (!terms.every((term) => entry.haystack.includes(term))) continue;
      if (total >= offset && products.length < limit) products.push(entry.product);
      total++;
    }
    return { total, products };
  }

  private inOrder(locale: string): Entry[] {
    let order = this.sorted.get(locale);
    if (!order) {
      // The locale comes from a query string: bound how many orders a caller can make us keep.
      if (this.sorted.size >= 32) this.sorted.clear();
      const collator = new Intl.Collator(safeLocale(locale), { sensitivity: 'base', numeric: true });
      const keyed = [...this.entries.values()].map((entry) => ({ entry, key: pickText(entry.product.title, locale).text || entry.product.id }));
      keyed.sort((a, b) => collator.compare(a.key, b.key) || (a.entry.product.id < b.entry.product.id ? -1 : 1));
      order = keyed.map((k) => k.entry);
      this.sorted.set(locale, order);
    }
    return order;
  }
}

function safeLocale(locale: string): string {
  try {
    return Intl.Collator.supportedLocalesOf([locale]).length ? locale : 'en';
  } catch {
    return 'en';
  }
}
