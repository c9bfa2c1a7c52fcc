import { useEffect, useRef, useState } from 'react';
import type { Theme } from '@shared/theme';
import { useDeskText } from '../../i18n/desk-text';
import { Answer, useShowPatch } from './patch-show';

const COLOURS = ['primary', 'accent', 'text', 'card'] as const;
/** Typing in a field sends the theme this long after the last key: the preview follows, the journal is spared. */
const LIVE_MS = 300;

/** The show's look: colours, font, logo and safe margin. Every change goes on air in the preview at once. */
export function ThemeEditor({ theme }: { theme: Theme }) {
  const { t } = useDeskText();
  const { answer, patch } = useShowPatch();
  const [draft, setDraft] = useState<Theme>(theme);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const change = (part: Partial<Theme>) => {
    const next = { ...draft, ...part };
    setDraft(next);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void patch({ theme: part }), LIVE_MS);
  };

  return (
    <fieldset className="settings-section theme-editor" data-testid="settings-theme">
      <legend>{t('settings.theme')}</legend>
      <div className="theme-grid">
        {COLOURS.map((c) => (
          <label key={c}>
            {t(`settings.colour.${c}`)}
            <span className="colour-field">
              {/* The picker takes #rrggbb; the text field also takes the alpha of #rrggbbaa. */}
              <input type="color" aria-label={t(`settings.colour.${c}`)} value={draft[c].slice(0, 7)} onChange={(e) => change({ [c]: e.target.value + draft[c].slice(7) })} />
              <input data-testid={`theme-${c}`} className="mono" value={draft[c]} maxLength={9} onChange={(e) => change({ [c]: e.target.value.trim() })} />
            </span>
          </label>
        ))}
        <label className="wide">
          {t('settings.font')}
          <input data-testid="theme-font" value={draft.font} onChange={(e) => change({ font: e.target.value })} />
        </label>
        <label className="wide">
          {t('settings.logo')}
          <input data-testid="theme-logo" value={draft.logo ?? ''} placeholder={t('settings.logoExample')} onChange={(e) => change({ logo: e.target.value.trim() || null })} />
        </label>
        <label className="wide">
          {t('settings.safeMargin', { value: draft.safeMargin })}
          <input type="range" data-testid="theme-margin" min={0} max={15} step={0.5} value={draft.safeMargin} onChange={(e) => change({ safeMargin: Number(e.target.value) })} />
        </label>
      </div>
      <p className="hint">{t('settings.themeHint')}</p>
      <Answer text={answer} testId="theme-answer" />
    </fieldset>
  );
}
