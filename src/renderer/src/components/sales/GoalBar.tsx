import { useState } from 'react';
import type { SalesGoal } from '@shared/goal';
import { goalProgress } from '@shared/goal-progress';
import type { SalesView } from '@shared/sales';
import type { ShowLocale } from '@shared/locale';
import { formatCount, formatMoney, formatPercent } from '../../lib/format';
import { act } from '../../store/studio-store';
import { useIsProducer } from '../../lib/roles';
import { useDeskText } from '../../i18n/desk-text';

/** Progress toward the producer's goal for the show, and the form to set or clear it. */
export function GoalBar({ goal, sales, locales, locale }: { goal: SalesGoal | null; sales: SalesView; locales: ShowLocale[]; locale: string }) {
  const { t } = useDeskText();
  const [editing, setEditing] = useState(false);
  // The goal is the show's setting: a moderator or viewer sees the bar, not the form.
  const producer = useIsProducer();
  if (editing && producer) return <GoalForm goal={goal} locales={locales} onDone={() => setEditing(false)} />;
  if (!goal) {
    return (
      <div className="goal empty-goal" data-testid="goal-none">
        <span className="muted">{t('goal.none')}</span>
        {producer && (
          <button data-testid="goal-edit" onClick={() => setEditing(true)}>
            {t('goal.set')}
          </button>
        )}
      </div>
    );
  }
  const { reached, target, fraction } = goalProgress(goal, sales);
  const amount = (n: number) => ('units' in goal ? formatCount(n, locale) : formatMoney(n, goal.currency, locale));
  return (
    <div className="goal" data-testid="goal">
      <div className="goal-head">
        <span>
          {t('goal.label')} <strong data-testid="goal-reached">{amount(reached)}</strong> {t('goal.of')} <span data-testid="goal-target">{amount(target)}</span>
          {'units' in goal && ` ${t('goal.unitsWord', { count: target })}`}
        </span>
        <span className={fraction >= 1 ? 'ok' : 'muted'}>{fraction >= 1 ? t('goal.reached') : formatPercent(Math.floor(fraction * 100) / 100, locale)}</span>
        {producer && (
          <button className="ghost" data-testid="goal-edit" onClick={() => setEditing(true)} aria-label={t('goal.change')}>
            {t('common.edit')}
          </button>
        )}
      </div>
      <div className="goal-track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(fraction * 100)} aria-label={t('goal.progress')}>
        <div className={`goal-fill${fraction >= 1 ? ' done' : ''}`} data-testid="goal-fill" style={{ width: `${fraction * 100}%` }} />
      </div>
    </div>
  );
}

function GoalForm({ goal, locales, onDone }: { goal: SalesGoal | null; locales: ShowLocale[]; onDone: () => void }) {
  const { t } = useDeskText();
  const currencies = [...new Set(locales.map((l) => l.currency))];
  const [unit, setUnit] = useState(goal && 'currency' in goal ? goal.currency : 'units');
  const [amount, setAmount] = useState(goal ? String('units' in goal ? goal.units : goal.revenue) : '');
  const save = async (next: SalesGoal | null) => {
    const done = await act((c) => c.run('show.update', { goal: next }));
    if (done) onDone();
  };
  // Digits with at most one decimal mark: "1,000" or "1.000" is refused rather than read as 1.
  const value = /^\s*\d+(?:[.,]\d{1,2})?\s*$/.test(amount) ? Number(amount.trim().replace(',', '.')) : NaN;
  return (
    <form
      className="goal goal-form"
      data-testid="goal-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save(unit === 'units' ? { units: value } : { revenue: value, currency: unit });
      }}
    >
      <input
        data-testid="goal-amount"
        inputMode="decimal"
        aria-label={t('goal.amount')}
        placeholder={t('goal.placeholder')}
        value={amount}
        onChange={(e) => {
          setAmount(e.target.value);
          e.target.setCustomValidity('');
        }}
        onInvalid={(e) => e.currentTarget.setCustomValidity(t('goal.invalid'))}
        pattern="\s*\d+([.,]\d{1,2})?\s*"
        required
        autoFocus
      />
      <select data-testid="goal-unit" aria-label={t('goal.in')} value={unit} onChange={(e) => setUnit(e.target.value)}>
        <option value="units">{t('goal.units')}</option>
        {currencies.map((c) => (
          <option key={c} value={c}>
            {t('goal.revenueIn', { currency: c })}
          </option>
        ))}
      </select>
      <button className="primary" data-testid="goal-save" type="submit">
        {t('common.save')}
      </button>
      {goal && (
        <button type="button" data-testid="goal-clear" onClick={() => void save(null)}>
          {t('common.clear')}
        </button>
      )}
      <button type="button" className="ghost" onClick={onDone}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
