import { useLive } from '../../store/live';
import { ADVANCE_WARNING_SECONDS, dueAdvance, formatDuration, showTiming, slotState, type TimedShow } from '@shared/timing';
import type { ShowView } from '@shared/view';
import { act } from '../../store/studio-store';
import { useIsProducer, useMay } from '../../lib/roles';
import { useDeskText } from '../../i18n/desk-text';
import { useTicker } from '../sales/use-ticker';
import { formatPlanTime } from './plan-format';
import './timing.css';

/** The show's clock for the operator: slot time left, the coming advance, over/under, expected end. */
export function ShowClockBar() {
  const { t, locale } = useDeskText();
  const show = useLive((s) => s.show);
  const offset = useLive((s) => s.clockOffset);
  const now = useTicker(250, () => Date.now() + offset);
  const mayHold = useMay('rundown.hold');
  const mayExtend = useMay('rundown.extend');
  const producer = useIsProducer();
  if (!show) return null;
  const timed = timedView(show);
  const timing = showTiming(timed, now);
  const remaining = timing.itemRemainingSeconds;
  const state = slotState(remaining);
  const current = show.onAir ? show.rundown.find((i) => i.id === show.onAir!.itemId) : undefined;
  const held = current?.autoAdvance === false;
  const warning = dueAdvance(timed) !== null && remaining !== null && remaining <= ADVANCE_WARNING_SECONDS;
  const over = timing.overUnderSeconds;
  const autoAdvance = show.plan?.autoAdvance ?? false;
  const startsAt = show.plan?.startsAt ?? null;
  const beforeStart = startsAt !== null && now < startsAt && !show.onAir && show.lastOnAirItemId === null;
  return (
    <div className={`show-clock slot-${state}`} data-testid="show-clock" data-slot={state}>
      {remaining !== null && (
        <strong data-testid="slot-remaining">{remaining >= 0 ? t('timing.left', { time: formatDuration(remaining) }) : t('timing.over', { time: formatDuration(-remaining) })}</strong>
      )}
      {warning && !held && (
        <span className="badge warn" role="status" data-testid="advance-warning">
          {t('timing.nextIn', { seconds: Math.max(0, remaining!) })}
        </span>
      )}
      {held && <span className="badge" data-testid="held">{t('timing.held')}</span>}
      {current && mayHold && (
        <button data-testid="hold" onClick={() => void act((c) => c.post('/api/v1/rundown/hold', held ? { release: true } : {}))}>
          {held ? t('timing.release') : t('timing.hold')}
        </button>
      )}
      {current && mayExtend && (
        <button data-testid="extend" onClick={() => void act((c) => c.post('/api/v1/rundown/extend', {}))}>
          {t('timing.extend')}
        </button>
      )}
      {startsAt !== null && (
        <span className="muted" data-testid="planned-start">
          {beforeStart
            ? t('plan.startsIn', { time: formatPlanTime(startsAt, now, locale), left: formatDuration(Math.ceil((startsAt - now) / 1000)) })
            : t('plan.startsAt', { time: formatPlanTime(startsAt, now, locale) })}
        </span>
      )}
      {/* The expected end is an "about": no seconds, the locale's hour cycle, the day when not today, like the start beside it. */}
      {timing.plannedTotalSeconds !== null && (
        <span className="muted" data-testid="planned-total">
          {t('timing.plannedTotal', { total: formatDuration(timing.plannedTotalSeconds) })}
          {timing.expectedEndAt !== null && ` · ${t('timing.expectedEnd', { time: formatPlanTime(timing.expectedEndAt, now, locale) })}`}
        </span>
      )}
      {over !== null && (
        <span className={over > 0 ? 'behind' : 'muted'} data-testid="over-under">
          {over === 0 ? t('timing.onPlan') : over > 0 ? t('timing.behind', { time: formatDuration(over) }) : t('timing.ahead', { time: formatDuration(-over) })}
        </span>
      )}
      {/* An on/off setting of the show, drawn as the studio's other switches (a bare checkbox grows into a grey box on touch screens). */}
      <label className="auto-advance switch">
        <input
          type="checkbox"
          role="switch"
          data-testid="auto-advance"
          checked={autoAdvance}
          disabled={!producer}
          onChange={(e) => void act((c) => c.patch('/api/v1/show', { plan: { autoAdvance: e.target.checked } }))}
        />
        {t('timing.autoAdvance')}
      </label>
    </div>
  );
}

export function timedView(show: ShowView): TimedShow {
  return {
    rundown: show.rundown.map((i) => ({ id: i.id, plannedSeconds: i.plannedSeconds ?? null, autoAdvance: i.autoAdvance ?? null, airedMs: (i.airedSeconds ?? 0) * 1000 })),
    onAir: show.onAir,
    lastOnAirItemId: show.lastOnAirItemId,
    plan: show.plan ?? { startsAt: null, autoAdvance: false }
  };
}
