import { useMay } from '../lib/roles';
import { act } from '../store/studio-store';
import { useDeskText } from '../i18n/desk-text';

/** Along the rundown: previous, next, off air. Large on a tablet, where they sit under the on-air card. */
export function ShowControls() {
  const { t } = useDeskText();
  const mayMove = useMay('rundown.next');
  if (!mayMove) return null;
  return (
    <div className="controls show-controls">
      <button data-testid="previous" onClick={() => void act((c) => c.run('rundown.previous'))} title={t('controls.previousHint')}>
        ◀ {t('controls.previous')}
      </button>
      <button data-testid="next" className="primary" onClick={() => void act((c) => c.run('rundown.next'))} title={t('controls.nextHint')}>
        {t('controls.next')} ▶
      </button>
      <button data-testid="unpin" className="secondary" onClick={() => void act((c) => c.run('rundown.unpin'))} title={t('controls.offAirHint')}>
        {t('controls.offAir')}
      </button>
    </div>
  );
}

/** Put on a button inside a draggable row: pressing it never starts a drag. */
export const NOT_A_DRAG_HANDLE = {
  onMouseDown: (e: { stopPropagation(): void }) => e.stopPropagation(),
  onTouchStart: (e: { stopPropagation(): void }) => e.stopPropagation(),
  onPointerDown: (e: { stopPropagation(): void }) => e.stopPropagation()
};
