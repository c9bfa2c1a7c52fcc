import { useEffect, useMemo, useState } from 'react';
import { suggestDealPrices } from '@shared/deal-price';
import { formatDuration, productLabel } from '../lib/format';
import { act, useStudio } from '../store/studio-store';
import { useLive } from '../store/live';
import { useMay } from '../lib/roles';
import { useDeskText } from '../i18n/desk-text';
import { formatList } from '../lib/format';

/** A flash deal on the product on air: a discount for a few minutes, counted down on every overlay. */
export function DealControl() {
  const { t, locale: operatorLocale } = useDeskText();
  // The EU warning belongs where a discount is about to be: once the operator starts on the form.
  const [engaged, setEngaged] = useState(false);
  const deal = useLive((s) => s.show?.deal ?? null);
  const show = useLive((s) => s.show);
  const onAirProduct = useLive((s) => {
    const onAir = s.show?.onAir;
    return onAir ? (s.show!.rundown.find((i) => i.id === onAir.itemId)?.product ?? null) : null;
  });
  const offset = useLive((s) => s.clockOffset);
  const locale = useStudio((s) => s.locale);
  const mayStart = useMay('deal.start');
  const mayEnd = useMay('deal.end');
  const [percent, setPercent] = useState(20);
  const [minutes, setMinutes] = useState(5);
  const [now, setNow] = useState(() => Date.now());
  // The show's currencies the product has a price in: the ones a deal price is needed for.
  const currencies = useMemo(
    () => [...new Set((show?.locales ?? []).map((l) => l.currency))].filter((c) => onAirProduct?.price[c] !== undefined),
    [show?.locales, onAirProduct]
  );
  const suggested = useMemo(
    () => suggestDealPrices(Object.fromEntries(currencies.map((c) => [c, onAirProduct!.price[c]])), percent),
    [currencies, onAirProduct, percent]
  );
  // What the operator typed per currency; a new percentage or product starts from the suggestion again.
  const editKey = `${onAirProduct?.id}|${percent}`;
  const [edits, setEdits] = useState<{ key: string; values: Record<string, string> }>({ key: '', values: {} });
  const edited = edits.key === editKey ? edits.values : {};
  useEffect(() => {
    if (!deal) return;
    const timer = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(timer);
  }, [deal]);

  if (deal && deal.endsAt > now + offset) {
    const showLocale = show?.locales.find((l) => l.locale === locale);
    const title = productLabel(deal.product, showLocale, show?.locales ?? []).title;
    const offAir = show?.onAir?.productId !== deal.productId;
    return (
      <div className="deal running" data-testid="deal-running">
        <span className="badge live">{t('deal.badge')}</span> {title} · {t('deal.endsIn')} <strong className="mono">{formatDuration(deal.endsAt - now - offset)}</strong>
        {offAir && (
          <span className="deal-warning" data-testid="deal-off-air">
            {t('deal.offAir')}
          </span>
        )}
        {mayEnd && <button onClick={() => void act((c) => c.run('deal.end'))}>{t('deal.end')}</button>}
      </div>
    );
  }
  if (!onAirProduct || !mayStart) return null;
  const priceIn = (currency: string) => edited[currency] ?? String(suggested[currency]);
  const prices = Object.fromEntries(currencies.map((c) => [c, Number(priceIn(c).replace(',', '.'))]));
  // A deal price is a discount: positive and below the regular price (the studio refuses others too).
  const valid = currencies.length > 0 && currencies.every((c) => Number.isFinite(prices[c]) && prices[c] > 0 && prices[c] < onAirProduct.price[c]);
  const start = () => void act((c) => c.run('deal.start', { productId: onAirProduct.id, price: prices, durationSeconds: minutes * 60 }));
  // The EU rule: a discount on screen needs the lowest price of the last 30 days beside it.
  const noLowest = currencies.filter((cur) => onAirProduct.lowest30d?.[cur] === undefined);
  return (
    <div className="deal" onFocus={() => setEngaged(true)}>
      <label>
        −<input type="number" min={1} max={90} value={percent} onChange={(e) => setPercent(Number(e.target.value))} aria-label={t('deal.percent')} />%
      </label>
      <label>
        {t('deal.for')} <input type="number" min={1} max={120} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} aria-label={t('deal.minutes')} />{' '}
        {t('deal.min')}
      </label>
      <button data-testid="deal-start" onClick={start} disabled={!valid}>
        {t('deal.start')}
      </button>
      <div className="deal-prices" data-testid="deal-prices">
        <span className="muted">{t('deal.pricesHint')}</span>
        {currencies.map((currency) => (
          <label key={currency}>
            {currency}{' '}
            <input
              inputMode="decimal"
              value={priceIn(currency)}
              onChange={(e) => setEdits({ key: editKey, values: { ...edited, [currency]: e.target.value } })}
              aria-label={t('deal.priceIn', { currency })}
              data-testid={`deal-price-${currency}`}
            />
          </label>
        ))}
      </div>
      {engaged && noLowest.length > 0 && (
        <p className="deal-warning" data-testid="deal-warning">
          {t('deal.warning', { currencies: formatList(noLowest, operatorLocale) })}
        </p>
      )}
    </div>
  );
}
