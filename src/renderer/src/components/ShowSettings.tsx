import { useState } from 'react';
import { useLive } from '../store/live';
import { useDeskText } from '../i18n/desk-text';
import { AudiencesEditor } from './settings/AudiencesEditor';
import { ThemeEditor } from './settings/ThemeEditor';
import { Answer, useShowPatch } from './settings/patch-show';
import { GoalBar } from './sales/GoalBar';

/**
 * The producer's show settings, in a drawer over the catalogue and the rundown: the preview in the
 * right column stays in view, so a colour changed here is seen on the overlay at once.
 */
export function ShowSettings({ onClose }: { onClose: () => void }) {
  const { t, locale } = useDeskText();
  const show = useLive((s) => s.show);
  if (!show) return null;
  return (
    <aside className="settings-drawer" role="dialog" aria-label={t('settings.title')} data-testid="show-settings">
      <div className="panel-head">
        <h2>{t('settings.title')}</h2>
        <button data-testid="settings-close" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <div className="settings-body">
        <TitleField title={show.title} />
        <BaseLanguage value={(show as { baseLanguage?: string }).baseLanguage ?? show.locales[0]?.locale.split('-')[0] ?? 'en'} languages={[...new Set(show.locales.map((l) => l.locale.split('-')[0]))]} />
        <AudiencesEditor locales={show.locales} />
        <ThemeEditor theme={show.theme} />
        <fieldset className="settings-section">
          <legend>{t('settings.goal')}</legend>
          <GoalBar goal={show.goal} sales={show.sales} locales={show.locales} locale={locale} />
        </fieldset>
      </div>
    </aside>
  );
}

function TitleField({ title }: { title: string }) {
  const { t } = useDeskText();
  const { answer, busy, patch } = useShowPatch();
  const [value, setValue] = useState(title);
  return (
    <form
      className="settings-section"
      onSubmit={(e) => {
        e.preventDefault();
        void patch({ title: value.trim() });
      }}
    >
      <label>
        {t('settings.showTitle')}
        <span className="inline-field">
          <input data-testid="settings-title" value={value} maxLength={200} required onChange={(e) => setValue(e.target.value)} />
          <button type="submit" className="primary" disabled={busy || value.trim() === title || !value.trim()}>
            {t('common.save')}
          </button>
        </span>
      </label>
      <Answer text={answer} testId="title-answer" />
    </form>
  );
}

/** The language the catalogue is written in first: what every audience falls back to. */
function BaseLanguage({ value, languages }: { value: string; languages: string[] }) {
  const { t, locale } = useDeskText();
  const { answer, patch } = useShowPatch();
  const names = new Intl.DisplayNames([locale], { type: 'language' });
  const options = languages.includes(value) ? languages : [value, ...languages];
  return (
    <div className="settings-section">
      <label>
        {t('settings.baseLanguage')}
        <select data-testid="settings-base-language" value={value} onChange={(e) => void patch({ baseLanguage: e.target.value })}>
          {options.map((l) => (
            <option key={l} value={l}>
              {names.of(l) ?? l}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">{t('settings.baseLanguageHint')}</p>
      <Answer text={answer} testId="base-language-answer" />
    </div>
  );
}
