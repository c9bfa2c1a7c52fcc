import { useStudio } from '../store/studio-store';
import { useLive } from '../store/live';
import { SalesTotals } from './sales/SalesTotals';
import { GoalBar } from './sales/GoalBar';
import { SalesChart } from './sales/SalesChart';
import { TopSellers } from './sales/TopSellers';
import { JustBought } from './sales/JustBought';
import { StockWarnings } from './sales/StockWarnings';
import { ReportButtons } from './sales/ReportButtons';
import { useIsProducer } from '../lib/roles';
import { useDeskText } from '../i18n/desk-text';

/** Live sales during the show: the figures, the goal, the last two hours per minute, what sells, what runs out. */
export function SalesPanel() {
  const { t, locale, lang } = useDeskText();
  const show = useLive((s) => s.show);
  const chosen = useStudio((s) => s.locale);
  // The reports are the agency's deliverable: the producer's, like the show's settings.
  const producer = useIsProducer();
  if (!show) return null;
  const showLocale = show.locales.find((l) => l.locale === chosen) ?? show.locales[0];
  // Figures, money and times are read in the operator's locale; titles in the chosen catalogue language.
  const { sales } = show;
  return (
    <section className="panel sales-panel" aria-label={t('sales.title')} data-testid="sales-panel">
      <div className="panel-head">
        <h2>{t('sales.title')}</h2>
        {producer && <ReportButtons />}
      </div>
      <SalesTotals sales={sales} locale={locale} currencies={show.locales.map((l) => l.currency)} />
      <GoalBar goal={show.goal} sales={sales} locales={show.locales} locale={locale} />
      <SalesChart key={lang} perMinute={sales.perMinute} locale={locale} />
      <StockWarnings rundown={show.rundown} showLocale={showLocale} locales={show.locales} />
      <h3 className="sub-head">{t('sales.topSellers')}</h3>
      <TopSellers sales={sales} show={show} showLocale={showLocale} locale={locale} />
      {sales.recent.length > 0 && <h3 className="sub-head">{t('sales.justBought')}</h3>}
      <JustBought recent={sales.recent} show={show} showLocale={showLocale} locale={locale} />
    </section>
  );
}
