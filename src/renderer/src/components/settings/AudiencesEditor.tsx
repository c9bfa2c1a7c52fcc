import { useState } from 'react';
import type { ShowLocale } from '@shared/locale';
import { useDeskText } from '../../i18n/desk-text';
import { Answer, useShowPatch } from './patch-show';
import { audienceProblem } from './audience-check';

/** The show's audiences: each a language with its currency; one OBS or overlay per audience. */
export function AudiencesEditor({ locales }: { locales: ShowLocale[] }) {
  const { t } = useDeskText();
  const { answer, busy, patch } = useShowPatch();
  const [locale, setLocale] = useState('');
  const [currency, setCurrency] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = async () => {
    const next = { locale: locale.trim(), currency: currency.trim().toUpperCase() };
    const why = audienceProblem(next.locale, next.currency, locales);
    setProblem(why && t(`settings.problem.${why}`, { locale: next.locale, currency: next.currency }));
    if (why) return;
    if (await patch({ locales: [...locales, next] })) {
      setLocale('');
      setCurrency('');
    }
  };
  const remove = (gone: string) => void patch({ locales: locales.filter((l) => l.locale !== gone) });

  return (
    <fieldset className="settings-section" data-testid="settings-audiences">
      <legend>{t('settings.audiences')}</legend>
      <ul className="audience-list">
        {locales.map((l) => (
          <li key={l.locale} data-testid="settings-audience" data-locale={l.locale}>
            <span className="chip">
              {l.locale} · {l.currency}
            </span>
            <button
              type="button"
              className="ghost"
              disabled={locales.length === 1 || busy}
              title={locales.length === 1 ? t('settings.audience.last') : undefined}
              aria-label={t('settings.audience.remove', { locale: l.locale })}
              onClick={() => remove(l.locale)}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
      <form
        className="audience-add"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <input data-testid="audience-locale" value={locale} onChange={(e) => setLocale(e.target.value)} placeholder={t('settings.audience.localeExample')} aria-label={t('settings.audience.locale')} maxLength={10} />
        <input data-testid="audience-currency" value={currency} onChange={(e) => setCurrency(e.target.value)} placeholder={t('settings.audience.currencyExample')} aria-label={t('settings.audience.currency')} maxLength={3} />
        <button type="submit" data-testid="audience-add" disabled={busy || !locale || !currency}>
          {t('common.add')}
        </button>
      </form>
      {problem && (
        <p className="warn settings-answer" role="alert" data-testid="audience-problem">
          {problem}
        </p>
      )}
      <Answer text={answer} testId="audiences-answer" />
    </fieldset>
  );
}
