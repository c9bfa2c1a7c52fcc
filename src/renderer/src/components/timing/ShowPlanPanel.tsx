import { useLive } from '../../store/live';
import { useIsProducer } from '../../lib/roles';
import { useDeskText } from '../../i18n/desk-text';
import { useTicker } from '../sales/use-ticker';
import { PlannedStartField } from './PlannedStartField';
import { HostLanguageField } from './HostLanguageField';
import { SpreadTotalField } from './SpreadTotalField';
import { timedView } from './ShowClockBar';
import { formatPlanTime } from './plan-format';

/**
 * The producer's planning of the show, folded under the show clock: the planned start, the host's
 * language and a total spread over the rundown. Its summary line says what is planned while folded.
 */
export function ShowPlanPanel() {
  const { t, locale } = useDeskText();
  const producer = useIsProducer();
  const show = useLive((s) => s.show);
  const offset = useLive((s) => s.clockOffset);
  // The day list and "today" move on at midnight; a minute is fine enough for that.
  const now = useTicker(60_000, () => Date.now() + offset);
  if (!show || !producer) return null;
  const startsAt = show.plan?.startsAt ?? null;
  const hostLocale = show.hostLocale ?? null;
  const names = new Intl.DisplayNames([locale], { type: 'language' });
  const summary = [startsAt === null ? t('plan.noStart') : t('plan.startsAt', { time: formatPlanTime(startsAt, now, locale) }), t('plan.hostIs', { name: names.of(hostLocale ?? show.locales[0]?.locale ?? 'en') ?? '' })];
  return (
    <details className="show-plan" data-testid="show-plan">
      <summary data-testid="show-plan-toggle">
        <strong>{t('plan.title')}</strong> <span className="muted">{summary.join(' · ')}</span>
      </summary>
      <PlannedStartField key={startsAt ?? 'none'} startsAt={startsAt} now={now} />
      <HostLanguageField hostLocale={hostLocale} locales={show.locales} baseLanguage={show.baseLanguage ?? null} />
      <SpreadTotalField show={timedView(show)} />
    </details>
  );
}
