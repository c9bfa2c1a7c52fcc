import type { ShowLocale } from '@shared/locale';
import type { RecentOrder } from '@shared/sales';
import type { ShowView } from '@shared/view';
import { formatClock, formatCount, productLabel } from '../../lib/format';
import { useProducts } from './use-products';

const SHOWN = 6;

/** The latest orders: what sold, how many, in which market. Never who bought: the studio has no buyer data. */
export function JustBought({ recent, show, showLocale, locale }: { recent: RecentOrder[]; show: ShowView; showLocale: ShowLocale | undefined; locale: string }) {
  const shown = recent.slice(0, SHOWN);
  const products = useProducts(show, shown.map((o) => o.productId));
  if (shown.length === 0) return null;
  return (
    <ul className="just-bought" data-testid="just-bought">
      {shown.map((o, i) => {
        const product = products.get(o.productId);
        return (
          <li key={`${o.at}-${o.productId}-${i}`} data-testid="just-bought-order" data-product-id={o.productId}>
            <span className="units">{formatCount(o.units, locale)} ×</span>
            <span className="title">{product ? productLabel(product, showLocale, show.locales).title : o.productId}</span>
            {o.locale && <span className="chip">{o.locale}</span>}
            <span className="muted mono">{formatClock(o.at, locale)}</span>
          </li>
        );
      })}
    </ul>
  );
}
