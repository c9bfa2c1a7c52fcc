import { useMemo } from 'react';
import { readinessProblems } from '../../../shared/readiness';
import { useStudio } from '../store/studio-store';

/** Before going live: what each audience would see fall back, and discounts the EU rule forbids. */
export function ReadinessPanel() {
  const show = useStudio((s) => s.show);
  const problems = useMemo(() => (show ? readinessProblems(show) : []), [show]);
  return (
    <section className="panel readiness" aria-label="Before going live">
      <div className="panel-head">
        <h2>Before going live</h2>
        <span className={problems.length ? 'warn' : 'ok'} data-testid="readiness-count">
          {problems.length ? `${problems.length} to check` : 'All set'}
        </span>
      </div>
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
