import type { ShowLocale } from '@shared/locale';
import type { SalesView } from '@shared/sales';
import type { ShowView } from '@shared/view';
import { formatCount, formatRevenue, productLabel } from '../../lib/format';
import { useProducts } from './use-products';
import { useDeskText } from '../../i18n/desk-text';

const SHOWN = 5;

/** Best sellers by units, with the lift: how many of those sold while the product was on air. */
export function TopSellers({ sales, show, showLocale, locale }: { sales: SalesView; show: ShowView; showLocale: ShowLocale | undefined; locale: string }) {
  const { t } = useDeskText();
  const top = Object.entries(sales.byProduct)
    .filter(([, p]) => p.units > 0)
    .sort((a, b) => b[1].units - a[1].units || a[0].localeCompare(b[0]))
    .slice(0, SHOWN);
  const products = useProducts(show, top.map(([id]) => id));
  const title = (id: string) => (products.has(id) ? productLabel(products.get(id)!, showLocale, show.locales).title : id);
  if (top.length === 0) return <p className="empty compact">{t('sales.none')}</p>;
  return (
    <ol className="top-sellers" data-testid="top-sellers">
      {top.map(([id, p]) => (
        <li key={id} data-testid="top-seller" data-product-id={id}>
          <span className="title" title={title(id)}>
            {title(id)}
          </span>
          <span className="units" data-testid="top-seller-units">
            {formatCount(p.units, locale)}
          </span>
          <span className="money">{formatRevenue(p.revenue, locale, show.locales.map((l) => l.currency)).join(' · ')}</span>
          <span className="lift" title={t('sales.liftHint')} data-testid="top-seller-lift">
            {p.unitsWhileOnAir > 0 ? t('sales.whileOnAir', { count: p.unitsWhileOnAir, formatted: formatCount(p.unitsWhileOnAir, locale) }) : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}
