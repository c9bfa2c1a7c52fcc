import { useLive } from '../store/live';
import { buyLink } from '@shared/on-air-card';
import { useDeskText } from '../i18n/desk-text';

/** Each market's buy link for the product on air: what its viewers' QR code opens, or that there is none. */
export function BuyLinks() {
  const { t } = useDeskText();
  const show = useLive((s) => s.show);
  const product = show?.onAir ? show.rundown.find((i) => i.id === show.onAir!.itemId)?.product : null;
  if (!show || !product || !product.url || Object.keys(product.url).length === 0) return null;
  return (
    <div className="buy-links" data-testid="buy-links">
      <h3>{t('buyLinks.title')}</h3>
      <ul>
        {show.locales.map(({ locale }) => {
          const { buyUrl, buyLabel } = buyLink(product, locale);
          return (
            <li key={locale} data-testid={`buy-link-${locale}`}>
              <span className="mono">{locale}</span>{' '}
              {buyUrl ? (
                <a href={buyUrl} target="_blank" rel="noreferrer noopener">
                  {buyLabel}
                </a>
              ) : (
                <span className="warn">{t('buyLinks.none')}</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
