import { useMemo } from 'react';
import { readinessProblems, type ReadinessProblem } from '../../../shared/readiness';
import { useStudio } from '../store/studio-store';
import { useDeskText } from '../i18n/desk-text';
import { formatList } from '../lib/format';
import type { TFunction } from 'i18next';

/** The problem in the operator's words: which product, what is missing, for whom. */
function problemText(p: ReadinessProblem, t: TFunction, locale: string): string {
  const where = formatList(p.where, locale);
  if (p.kind === 'lowest30d') return t('readiness.lowest30d', { product: p.productId, where });
  return t(p.field === 'pitch' ? 'readiness.noPitch' : 'readiness.noTitle', { product: p.productId, where });
}

/** Before going live: what each audience would see fall back, and discounts the EU rule forbids. */
export function ReadinessPanel() {
  const { t, locale } = useDeskText();
  const show = useStudio((s) => s.show);
  const problems = useMemo(() => (show ? readinessProblems(show) : []), [show]);
  return (
    <section className="panel readiness" aria-label={t('readiness.title')}>
      <div className="panel-head">
        <h2>{t('readiness.title')}</h2>
        <span className={problems.length ? 'warn' : 'ok'} data-testid="readiness-count">
          {problems.length ? t('readiness.toCheck', { count: problems.length }) : t('readiness.allSet')}
        </span>
      </div>
      {problems.length > 0 && (
        <ul className="problems" data-testid="readiness">
          {problems.slice(0, 30).map((p, i) => (
            <li key={i} className={p.kind}>
              {problemText(p, t, locale)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
