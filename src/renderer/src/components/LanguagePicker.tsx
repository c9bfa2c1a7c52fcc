import { DESK_LANGUAGES, setDeskLanguage, useDeskText } from '../i18n/desk-text';

/** The desk's language, remembered on this device; each language named in itself. */
export function LanguagePicker() {
  const { t, lang } = useDeskText();
  return (
    <select className="language-picker" data-testid="desk-language" aria-label={t('header.language')} title={t('header.language')} value={lang} onChange={(e) => setDeskLanguage(e.target.value, undefined, true)}>
      {DESK_LANGUAGES.map((l) => (
        <option key={l.lang} value={l.lang} lang={l.lang}>
          {l.name}
        </option>
      ))}
    </select>
  );
}
