import type { SalesView } from '@shared/sales';
import { formatCount, formatRevenue } from '../../lib/format';
import { useDeskText } from '../../i18n/desk-text';

/** The show's figures so far, refunds already taken out. */
export function SalesTotals({ sales, locale, currencies }: { sales: SalesView; locale: string; currencies: string[] }) {
  const { t } = useDeskText();
  const revenue = formatRevenue(sales.revenue, locale, currencies);
  return (
    <dl className="sales-totals">
      <div>
        <dt>{t('sales.orders')}</dt>
        <dd data-testid="sales-orders">{formatCount(sales.orders, locale)}</dd>
      </div>
      <div>
        <dt>{t('sales.units')}</dt>
        <dd data-testid="sales-units">{formatCount(sales.units, locale)}</dd>
      </div>
      <div className="revenue">
        <dt>{t('sales.revenue')}</dt>
        <dd data-testid="sales-revenue">
          {revenue.length ? revenue.map((r) => <span key={r}>{r}</span>) : '—'}
        </dd>
      </div>
      <div>
        <dt>{t('sales.refunds')}</dt>
        <dd data-testid="sales-refunds" className={sales.refunds ? 'warn' : ''}>
          {formatCount(sales.refunds, locale)}
        </dd>
      </div>
    </dl>
  );
}
