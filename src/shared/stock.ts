// No schemas here: the control room imports this without the validation library.

/** At or below this many units left, the control room warns that a product is running out. */
export const LOW_STOCK_UNITS = 3;

export type StockLevel = 'untracked' | 'sold-out' | 'low' | 'ok';

export function stockLevel(stock: number | null | undefined): StockLevel {
  if (stock === null || stock === undefined) return 'untracked';
  if (stock === 0) return 'sold-out';
  return stock <= LOW_STOCK_UNITS ? 'low' : 'ok';
}
