import type { ShowLocale } from '@shared/locale';
import { useDeskText } from '../../i18n/desk-text';
import { useShowPatch, Answer } from '../settings/patch-show';

/**
 * The language of the host's monitor (`hostLocale`): one of the show's audiences, or its base
 * language; unset, the monitor follows the first audience, and the empty choice says which that is.
 */
export function HostLanguageField({ hostLocale, locales, baseLanguage }: { hostLocale: string | null; locales: ShowLocale[]; baseLanguage: string | null }) {
  const { t, locale } = useDeskText();
  const { answer, busy, patch } = useShowPatch();
  const names = new Intl.DisplayNames([locale], { type: 'language' });
  const name = (tag: string) => names.of(tag) ?? tag;
  const choices = [...new Set([...locales.map((l) => l.locale), ...(baseLanguage ? [baseLanguage] : []), ...(hostLocale ? [hostLocale] : [])])];
  const first = locales[0]?.locale;
  return (
    <div className="plan-row">
      <label className="plan-label" htmlFor="plan-host-language">
        {t('plan.hostLanguage')}
      </label>
      <select id="plan-host-language" data-testid="plan-host-language" value={hostLocale ?? ''} disabled={busy} onChange={(e) => void patch({ hostLocale: e.target.value || null })}>
        <option value="">{first ? t('plan.hostAuto', { name: name(first) }) : '—'}</option>
        {choices.map((tag) => (
          <option key={tag} value={tag}>
            {name(tag)}
          </option>
        ))}
      </select>
      <Answer text={answer} testId="plan-host-language-answer" />
    </div>
  );
}
