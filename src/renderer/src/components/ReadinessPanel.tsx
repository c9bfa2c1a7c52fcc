import { useMemo } from 'react';
import { readinessProblems } from '../../../shared/readiness';
import { baseLanguageOfView } from '../../../shared/on-air-card';
import { act, useStudio } from '../store/studio-store';
import { useIsProducer } from '../lib/roles';

/** Every string this panel shows, in one place for the move to the dictionaries. */
const TEXT = {
  title: 'Before going live',
  toCheck: (n: number) => `${n} to check`,
  allSet: 'All set',
  baseLanguage: 'Base language',
  baseLanguageHint: 'What every audience reads when a text is missing in its own language'
};

/** Before going live: what each audience would see fall back, and discounts the EU rule forbids. */
export function ReadinessPanel() {
  const show = useStudio((s) => s.show);
  const producer = useIsProducer();
  const problems = useMemo(() => (show ? readinessProblems(show) : []), [show]);
  const base = show ? baseLanguageOfView(show) : 'en';
  // The show's languages, and the base language in effect even when no audience speaks it.
  const languages = useMemo(() => [...new Set([base, ...(show?.locales ?? []).map((l) => l.locale.split('-')[0])])].sort(), [show?.locales, base]);
  return (
    <section className="panel readiness" aria-label={TEXT.title}>
      <div className="panel-head">
        <h2>{TEXT.title}</h2>
        <span className={problems.length ? 'warn' : 'ok'} data-testid="readiness-count">
          {problems.length ? TEXT.toCheck(problems.length) : TEXT.allSet}
        </span>
      </div>
      {producer && show && (
        <label className="base-language" title={TEXT.baseLanguageHint}>
          {TEXT.baseLanguage}{' '}
          <select value={base} data-testid="base-language" onChange={(e) => void act((c) => c.patch('/api/v1/show', { baseLanguage: e.target.value }))}>
            {languages.map((lang) => (
              <option key={lang} value={lang}>
                {lang}
              </option>
            ))}
          </select>
        </label>
      )}
      {problems.length > 0 && (
        <ul className="problems" data-testid="readiness">
          {problems.slice(0, 30).map((p, i) => (
            <li key={i} className={p.kind}>
              {p.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
