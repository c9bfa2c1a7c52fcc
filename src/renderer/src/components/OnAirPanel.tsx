import { useEffect, useState } from 'react';
import { formatPricesAlike } from '@shared/locale-text';
import { cardPrices } from '@shared/on-air-card';
import { formatDuration, productLabel } from '../lib/format';
import { useStudio } from '../store/studio-store';
import { useLive } from '../store/live';
import { ProductImage } from './ProductImage';
import { DealControl } from './DealControl';
import { StockBadge } from './CataloguePanel';
import { ShowControls } from './ShowControls';
import { useDeskText } from '../i18n/desk-text';

/** What the audience sees now, how long it has been up, and what comes next; on a tablet, the show controls too. */
export function OnAirPanel({ controls = false }: { controls?: boolean }) {
  const { t } = useDeskText();
  const show = useLive((s) => s.show);
  const locale = useStudio((s) => s.locale);
  if (!show) return null;
  const showLocale = show.locales.find((l) => l.locale === locale);
  const onAirIndex = show.onAir ? show.rundown.findIndex((i) => i.id === show.onAir!.itemId) : -1;
  const item = onAirIndex >= 0 ? show.rundown[onAirIndex] : null;
  const lastIndex = show.rundown.findIndex((i) => i.id === show.lastOnAirItemId);
  const next = show.rundown[(onAirIndex >= 0 ? onAirIndex : lastIndex) + 1] ?? null;
  const label = item ? productLabel(item.product, showLocale, show.locales) : null;
  // The prices the audience of the chosen locale sees: the deal price against the regular one while
  // a deal runs on this product, never the regular price alone.
  const prices = item?.product && showLocale ? cardPrices(show, item.product, showLocale.currency) : null;
  const [price, was] = prices && showLocale ? safePrices([prices.now, prices.before], showLocale.currency, showLocale.locale) : [label?.price ?? '', ''];
  return (
    <section className="panel on-air-panel" aria-label={t('onAir.title')}>
      <div className="panel-head">
        <h2>{t('onAir.title')}</h2>
        {show.onAir && <OnAirTimer since={show.onAir.since} />}
      </div>
      {item && label ? (
        <div className={`on-air-card${item.soldOut ? ' sold-out-item' : ''}`} data-testid="on-air-card">
          <ProductImage src={item.product?.image ?? null} size="large" />
          <div className="on-air-text">
            <div className="badge live">● {t('onAir.badge')}</div>
            <h3 data-testid="on-air-title">{label.title}</h3>
            {label.pitch && <p className="pitch">{label.pitch}</p>}
            <div className="price-line">
              <span className="price" data-testid="on-air-price">
                {price}
              </span>
              {was && (
                <s className="muted" data-testid="on-air-was">
                  {was}
                </s>
              )}
            </div>
            {prices?.dealEndsAt != null && <DealTimeLeft endsAt={prices.dealEndsAt} />}
            <StockBadge stock={item.product?.stock ?? null} />
            {item.soldOut && <p className="warn">{t('onAir.soldOut')}</p>}
          </div>
        </div>
      ) : (
        <div className="on-air-card empty" data-testid="on-air-card" data-empty="true">
          {/* A finger has no N key: the tablet names the buttons it has instead. */}
          {controls ? t('onAir.emptyTouch') : t('onAir.emptyKeys', { key: 'N' })}
        </div>
      )}
      {controls && <ShowControls />}
      <DealControl />
      <div className="coming-up">
        <span className="muted">{t('onAir.comingUp')}</span>{' '}
        <strong data-testid="coming-up">{next ? productLabel(next.product, showLocale, show.locales).title : t('onAir.endOfRundown')}</strong>
      </div>
    </section>
  );
}

function safePrices(amounts: (number | undefined)[], currency: string, locale: string): string[] {
  try {
    return formatPricesAlike(amounts, currency, locale);
  } catch {
    return amounts.map((a) => (a === undefined ? '' : `${a} ${currency}`));
  }
}

/** The deal's time left by the studio's clock: what every overlay counts down. */
function DealTimeLeft({ endsAt }: { endsAt: number }) {
  const { t } = useDeskText();
  const offset = useLive((s) => s.clockOffset);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, []);
  const left = endsAt - now - offset;
  if (left <= 0) return null;
  return (
    <p className="deal-left" data-testid="on-air-deal">
      <span className="badge live">{t('onAir.deal')}</span> <strong className="mono">{t('onAir.dealLeft', { time: formatDuration(left) })}</strong>
    </p>
  );
}

/** Time on air by the studio's clock, so every screen shows the same figure. */
function OnAirTimer({ since }: { since: number }) {
  const { t } = useDeskText();
  const offset = useLive((s) => s.clockOffset);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <span className="timer" data-testid="on-air-timer" title={t('onAir.timeOnAir')}>
      {formatDuration(now + offset - since)}
    </span>
  );
}
