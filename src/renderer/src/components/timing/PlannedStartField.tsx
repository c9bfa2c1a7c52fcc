import { useState } from 'react';
import { atClockTime, dayStart, parseClockTime, plannedStartProblem } from '@shared/timing-start';
import { useDeskText } from '../../i18n/desk-text';
import { useShowPatch, Answer } from '../settings/patch-show';
import { formatDay, formatTimeOfDay } from './plan-format';

/** Days offered for the start: today and the next two weeks (a show is planned for this week or next). */
const DAYS_AHEAD = 14;

/**
 * The show's planned start: a day from a short list (no calendar to fight mid-show) and a time typed
 * as the producer's locale writes it. The over/under then counts against it.
 */
export function PlannedStartField({ startsAt, now }: { startsAt: number | null; now: number }) {
  const { t, locale } = useDeskText();
  const { answer, busy, patch } = useShowPatch();
  const today = dayStart(now);
  const [day, setDay] = useState(() => (startsAt === null ? today : dayStart(startsAt)));
  const [time, setTime] = useState(() => (startsAt === null ? '' : formatTimeOfDay(startsAt, locale)));
  const [problem, setProblem] = useState<string | null>(null);
  const days = Array.from({ length: DAYS_AHEAD }, (_, n) => dayStart(now, n));
  if (!days.includes(day)) days.unshift(day);
  const dayName = (d: number) => (d === today ? t('plan.today') : d === dayStart(now, 1) ? t('plan.tomorrow') : formatDay(d, locale));
  const example = formatTimeOfDay(atClockTime(today, { hour: 19, minute: 30 }), locale);

  const save = async () => {
    const clock = parseClockTime(time);
    if (!clock) return setProblem(t('plan.timeInvalid', { example }));
    const at = atClockTime(day, clock);
    const refused = plannedStartProblem(at, now);
    if (refused) return setProblem(t(refused === 'too_early' ? 'plan.tooEarly' : 'plan.tooLate'));
    setProblem(null);
    if (await patch({ plan: { startsAt: at } })) setTime(formatTimeOfDay(at, locale));
  };
  const clear = async () => {
    if (await patch({ plan: { startsAt: null } })) setTime('');
  };
  return (
    <form
      className="plan-row"
      data-testid="plan-start"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <span className="plan-label">{t('plan.start')}</span>
      <select data-testid="plan-start-day" aria-label={t('plan.day')} value={day} onChange={(e) => setDay(Number(e.target.value))}>
        {days.map((d) => (
          <option key={d} value={d}>
            {dayName(d)}
          </option>
        ))}
      </select>
      <input
        data-testid="plan-start-time"
        className={problem ? 'invalid' : ''}
        size={7}
        value={time}
        placeholder={example}
        aria-label={t('plan.time')}
        aria-invalid={problem !== null}
        onChange={(e) => setTime(e.target.value)}
        onKeyDown={(e) => e.stopPropagation()}
      />
      <button type="submit" className="primary" data-testid="plan-start-set" disabled={busy || time.trim() === ''}>
        {t('plan.setStart')}
      </button>
      {startsAt !== null && (
        <button type="button" data-testid="plan-start-clear" disabled={busy} onClick={() => void clear()}>
          {t('plan.clearStart')}
        </button>
      )}
      {problem && (
        <p className="warn plan-problem" role="alert" data-testid="plan-start-problem">
          {problem}
        </p>
      )}
      <Answer text={answer} testId="plan-start-answer" />
    </form>
  );
}
