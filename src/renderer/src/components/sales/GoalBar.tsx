import { useState } from 'react';
import type { SalesGoal } from '../../../../shared/goal';
import { goalProgress } from '../../../../shared/goal-progress';
import type { SalesView } from '../../../../shared/sales';
import type { ShowLocale } from '../../../../shared/locale';
import { formatCount, formatMoney } from '../../lib/format';
import { act } from '../../store/studio-store';
import { useIsProducer } from '../../lib/roles';

/** Progress toward the producer's goal for the show, and the form to set or clear it. */
export function GoalBar({ goal, sales, locales, locale }: { goal: SalesGoal | null; sales: SalesView; locales: ShowLocale[]; locale: string }) {
  const [editing, setEditing] = useState(false);
  // The goal is the show's setting: a moderator or viewer sees the bar, not the form.
  const producer = useIsProducer();
  if (editing && producer) return <GoalForm goal={goal} locales={locales} onDone={() => setEditing(false)} />;
  if (!goal) {
    return (
      <div className="goal empty-goal" data-testid="goal-none">
        <span className="muted">No sales goal for this show.</span>
        {producer && (
          <button data-testid="goal-edit" onClick={() => setEditing(true)}>
            Set goal…
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
          Goal: <strong data-testid="goal-reached">{amount(reached)}</strong> of <span data-testid="goal-target">{amount(target)}</span>
          {'units' in goal && ' units'}
        </span>
        <span className={fraction >= 1 ? 'ok' : 'muted'}>{fraction >= 1 ? 'Reached!' : `${Math.floor(fraction * 100)}%`}</span>
        {producer && (
          <button className="ghost" data-testid="goal-edit" onClick={() => setEditing(true)} aria-label="Change the goal">
            Edit
          </button>
        )}
      </div>
      <div className="goal-track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(fraction * 100)} aria-label="Progress toward the sales goal">
        <div className={`goal-fill${fraction >= 1 ? ' done' : ''}`} data-testid="goal-fill" style={{ width: `${fraction * 100}%` }} />
      </div>
    </div>
  );
}

function GoalForm({ goal, locales, onDone }: { goal: SalesGoal | null; locales: ShowLocale[]; onDone: () => void }) {
  const currencies = [...new Set(locales.map((l) => l.currency))];
  const [unit, setUnit] = useState(goal && 'currency' in goal ? goal.currency : 'units');
  const [amount, setAmount] = useState(goal ? String('units' in goal ? goal.units : goal.revenue) : '');
  const save = async (next: SalesGoal | null) => {
    const done = await act((c) => c.patch('/api/v1/show', { goal: next }));
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
        aria-label="Goal"
        placeholder="e.g. 500"
        value={amount}
        onChange={(e) => {
          setAmount(e.target.value);
          e.target.setCustomValidity('');
        }}
        onInvalid={(e) => e.currentTarget.setCustomValidity('A number without thousands separators, e.g. 5000 or 1250.50')}
        pattern="\s*\d+([.,]\d{1,2})?\s*"
        required
        autoFocus
      />
      <select data-testid="goal-unit" aria-label="Goal in" value={unit} onChange={(e) => setUnit(e.target.value)}>
        <option value="units">units</option>
        {currencies.map((c) => (
          <option key={c} value={c}>
            {c} revenue
          </option>
        ))}
      </select>
      <button className="primary" data-testid="goal-save" type="submit">
        Save
      </button>
      {goal && (
        <button type="button" data-testid="goal-clear" onClick={() => void save(null)}>
          Clear
        </button>
      )}
      <button type="button" className="ghost" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}
