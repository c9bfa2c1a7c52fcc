import type { ShowLocale } from '@shared/locale';
import { LOW_STOCK_UNITS, stockLevel } from '@shared/stock';
import type { RundownEntryView } from '@shared/view';
import { productLabel } from '../../lib/format';
import { useDeskText } from '../../i18n/desk-text';

/** Rundown products that are sold out or about to be: the host should not promise what is gone. */
export function StockWarnings({ rundown, showLocale, locales }: { rundown: RundownEntryView[]; showLocale: ShowLocale | undefined; locales: ShowLocale[] }) {
  const { t } = useDeskText();
  const seen = new Set<string>();
  const warnings = rundown
    .filter((item) => {
      if (seen.has(item.productId)) return false;
      seen.add(item.productId);
      const level = stockLevel(item.product?.stock);
      return level === 'sold-out' || level === 'low';
    })
    .sort((a, b) => (a.product?.stock ?? 0) - (b.product?.stock ?? 0));
  if (warnings.length === 0) return null;
  return (
    <ul className="stock-warnings" data-testid="stock-warnings" aria-label={t('sales.stockWarnings', { count: LOW_STOCK_UNITS })}>
      {warnings.map((item) => {
        const stock = item.product?.stock ?? 0;
        return (
          <li key={item.productId} data-testid="stock-warning" data-product-id={item.productId} data-level={stockLevel(stock)}>
            <span className={`badge ${stock === 0 ? 'sold-out' : 'low'}`}>{stock === 0 ? t('stock.soldOut') : t('stock.left', { count: stock })}</span>
            <span className="title">{productLabel(item.product, showLocale, locales).title}</span>
          </li>
        );
      })}
    </ul>
  );
}
