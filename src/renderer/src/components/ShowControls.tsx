import { useMay } from '../lib/roles';
import { useDeskText } from '../i18n/desk-text';
import { keyLabelsOf, showAction, type ActionId } from '../actions/show-actions';
import { runAction } from '../actions/run-action';

/** The buttons along the rundown, each with its arrow (the arrows are drawn, not words). */
const BUTTONS: { id: ActionId; testId: string; className?: string; before?: string; after?: string }[] = [
  { id: 'previous', testId: 'previous', before: '◀ ' },
  { id: 'next', testId: 'next', className: 'primary', after: ' ▶' },
  { id: 'offAir', testId: 'unpin', className: 'secondary' }
];

/** Along the rundown: previous, next, off air. Large on a tablet, where they sit under the on-air card. */
export function ShowControls() {
  const { t } = useDeskText();
  const mayMove = useMay('rundown.next');
  if (!mayMove) return null;
  return (
    <div className="controls show-controls">
      {BUTTONS.map(({ id, testId, className, before = '', after = '' }) => {
        const action = showAction(id);
        return (
          <button key={id} data-testid={testId} className={className} onClick={() => runAction(action)} title={t(action.button!.hint, { keys: keyLabelsOf(action, t).join(' / ') })}>
            {before}
            {t(action.button!.text)}
            {after}
          </button>
        );
      })}
    </div>
  );
}

/** Put on a button inside a draggable row: pressing it never starts a drag. */
export const NOT_A_DRAG_HANDLE = {
  onMouseDown: (e: { stopPropagation(): void }) => e.stopPropagation(),
  onTouchStart: (e: { stopPropagation(): void }) => e.stopPropagation(),
  onPointerDown: (e: { stopPropagation(): void }) => e.stopPropagation()
};
