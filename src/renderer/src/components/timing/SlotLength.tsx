import { useState } from 'react';
import { formatDuration, parseDuration, PLANNED_SECONDS } from '@shared/timing';
import { act } from '../../store/studio-store';
import { useMay } from '../../lib/roles';
import { useDeskText } from '../../i18n/desk-text';

/** A rundown item's planned length, typed as `3m`, `90s` or `1:30`; empty clears it. */
export function SlotLength({ itemId, plannedSeconds, airedSeconds, title }: { itemId: string; plannedSeconds: number | null; airedSeconds: number; title: string }) {
  const { t } = useDeskText();
  const may = useMay('rundown.plan');
  const shown = plannedSeconds === null ? '' : formatDuration(plannedSeconds);
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const save = () => {
    if (draft === null) return;
    const text = draft.trim();
    const seconds = text === '' ? null : parseDuration(text);
    if (seconds !== null && (seconds < PLANNED_SECONDS.min || seconds > PLANNED_SECONDS.max)) return setInvalid(true);
    if (text !== '' && seconds === null) return setInvalid(true);
    setInvalid(false);
    setDraft(null);
    if (seconds !== plannedSeconds) void act((c) => c.patch(`/api/v1/rundown/items/${encodeURIComponent(itemId)}`, { plannedSeconds: seconds }));
  };
  return (
    <span className="slot-length">
      <input
        data-testid="slot-length"
        className={invalid ? 'invalid' : ''}
        size={5}
        placeholder={formatDuration(180)}
        value={draft ?? shown}
        disabled={!may}
        aria-label={t('timing.lengthLabel', { title })}
        aria-invalid={invalid}
        title={invalid ? t('timing.lengthInvalid') : t('timing.lengthLabel', { title })}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') save();
          if (e.key === 'Escape') {
            setDraft(null);
            setInvalid(false);
          }
        }}
      />
      {airedSeconds > 0 && <span className="muted">{t('timing.aired', { time: formatDuration(airedSeconds) })}</span>}
    </span>
  );
}
