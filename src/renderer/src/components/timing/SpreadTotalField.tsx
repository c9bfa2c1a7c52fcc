import { useState } from 'react';
import { formatDuration, parseDuration, SPREAD_TOTAL_SECONDS, spreadTotal, type TimedShow } from '@shared/timing';
import { act } from '../../store/studio-store';
import { useDeskText } from '../../i18n/desk-text';

/**
 * "This show is 90 minutes": the total typed once and shared evenly by the slots still to come, in
 * one journaled command. What it will do is said before the button is pressed.
 */
export function SpreadTotalField({ show }: { show: TimedShow }) {
  const { t } = useDeskText();
  const [total, setTotal] = useState('');
  const upcoming = show.rundown.filter((i) => i.id !== show.onAir?.itemId && (i.airedMs ?? 0) === 0);
  // Some slots to come still without a length: a streamer fills those in and keeps the ones typed.
  // All set: spreading again means a new total for all of them.
  const [keep, setKeep] = useState<boolean | null>(null);
  const keepPlanned = keep ?? upcoming.some((i) => typeof i.plannedSeconds !== 'number');
  const seconds = total.trim() === '' ? null : parseDuration(total);
  const valid = seconds !== null && seconds >= SPREAD_TOTAL_SECONDS.min && seconds <= SPREAD_TOTAL_SECONDS.max;
  const spread = valid ? spreadTotal(show, seconds, keepPlanned) : null;

  let preview = '';
  if (total.trim() !== '' && !valid) preview = t('plan.totalInvalid');
  else if (spread?.ok) preview = t('plan.spreadPreview', { count: spread.lengths.length, each: formatDuration(spread.lengths[0].plannedSeconds) });
  else if (spread) preview = spread.reason === 'nothing_to_spread' ? t('plan.spreadNothing') : t(spread.reason === 'too_short' ? 'plan.spreadTooShort' : 'plan.spreadTooLong', { count: spread.slots });

  const submit = async () => {
    if (!spread?.ok || seconds === null) return;
    const done = await act((c) => c.run('rundown.spread', { totalSeconds: seconds, keepPlanned }));
    if (done) setTotal('');
  };
  return (
    <form
      className="plan-row"
      data-testid="plan-spread"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label className="plan-label" htmlFor="plan-spread-total">
        {t('plan.spread')}
      </label>
      <input
        id="plan-spread-total"
        data-testid="plan-spread-total"
        size={8}
        value={total}
        placeholder="1:30:00"
        title={t('plan.totalHint')}
        aria-invalid={total.trim() !== '' && !spread?.ok}
        className={total.trim() !== '' && !spread?.ok ? 'invalid' : ''}
        onChange={(e) => setTotal(e.target.value)}
        onKeyDown={(e) => e.stopPropagation()}
      />
      <label className="plan-keep">
        <input type="checkbox" data-testid="plan-spread-keep" checked={keepPlanned} onChange={(e) => setKeep(e.target.checked)} />
        {t('plan.keepPlanned')}
      </label>
      <button type="submit" className="primary" data-testid="plan-spread-go" disabled={!spread?.ok}>
        {t('plan.spreadButton')}
      </button>
      {preview && (
        <p className={spread?.ok ? 'muted plan-preview' : 'warn plan-preview'} data-testid="plan-spread-preview" role={spread?.ok ? undefined : 'alert'}>
          {preview}
        </p>
      )}
    </form>
  );
}
