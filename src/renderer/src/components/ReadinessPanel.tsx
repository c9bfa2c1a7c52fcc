import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import { readinessProblems, type ReadinessProblem } from '@shared/readiness';
import { baseLanguageOfView } from '@shared/on-air-card';
import { act } from '../store/studio-store';
import { useLive } from '../store/live';
import { useIsProducer } from '../lib/roles';
import { useDeskText } from '../i18n/desk-text';

/** The problem in the operator's words: which product, which field, for whom, and what they see instead. */
function problemText(p: ReadinessProblem, t: TFunction, locale: string, base: string): string {
  // Locale and currency codes, listed as codes: the same in every language.
  const where = p.where.join(', ');
  if (p.kind === 'lowest30d') return t('readiness.lowest30d', { product: p.productId, where });
  if (p.kind === 'graphic-text' || p.kind === 'graphic-code') return t(p.kind === 'graphic-text' ? 'readiness.graphicText' : 'readiness.graphicCode', { graphic: p.graphicId, where });
  const field = t(`readiness.field.${p.field ?? 'title'}`);
  return t(`readiness.shows.${p.shows ?? 'base-language'}`, { product: p.productId, field, where, base });
}

/** Before going live: what each audience would see fall back, and discounts the EU rule forbids. */
export function ReadinessPanel() {
  const { t, locale } = useDeskText();
  const show = useLive((s) => s.show);
  const producer = useIsProducer();
  const problems = useMemo(() => (show ? readinessProblems(show) : []), [show]);
  const base = show ? baseLanguageOfView(show) : 'en';
  // The show's languages, and the base language in effect even when no audience speaks it.
  const languages = useMemo(() => [...new Set([base, ...(show?.locales ?? []).map((l) => l.locale.split('-')[0])])].sort(), [show?.locales, base]);
  return (
    <section className="panel readiness" aria-label={t('readiness.title')}>
      <div className="panel-head">
        <h2>{t('readiness.title')}</h2>
        <span className={problems.length ? 'warn' : 'ok'} data-testid="readiness-count">
          {problems.length ? t('readiness.toCheck', { count: problems.length }) : t('readiness.allSet')}
        </span>
      </div>
      {producer && show && (
        <label className="base-language" title={t('readiness.baseLanguageHint')}>
          {t('readiness.baseLanguage')}{' '}
          <select value={base} data-testid="base-language" onChange={(e) => void act((c) => c.run('show.update', { baseLanguage: e.target.value }))}>
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
              {problemText(p, t, locale, base)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
