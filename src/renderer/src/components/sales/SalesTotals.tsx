import type { SalesView } from '../../../../shared/sales';
import { formatCount, formatRevenue } from '../../lib/format';

/** The show's figures so far, refunds already taken out. */
export function SalesTotals({ sales, locale, currencies }: { sales: SalesView; locale: string; currencies: string[] }) {
  const revenue = formatRevenue(sales.revenue, locale, currencies);
  return (
    <dl className="sales-totals">
      <div>
        <dt>Orders</dt>
        <dd data-testid="sales-orders">{formatCount(sales.orders, locale)}</dd>
      </div>
      <div>
        <dt>Units</dt>
        <dd data-testid="sales-units">{formatCount(sales.units, locale)}</dd>
      </div>
      <div className="revenue">
        <dt>Revenue</dt>
        <dd data-testid="sales-revenue">
          {revenue.length ? revenue.map((r) => <span key={r}>{r}</span>) : '—'}
        </dd>
      </div>
      <div>
        <dt>Refunds</dt>
        <dd data-testid="sales-refunds" className={sales.refunds ? 'warn' : ''}>
          {formatCount(sales.refunds, locale)}
        </dd>
      </div>
    </dl>
  );
}
