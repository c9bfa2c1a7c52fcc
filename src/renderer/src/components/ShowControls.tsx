import { useMay } from '../lib/roles';
import { act } from '../store/studio-store';

/** Along the rundown: previous, next, off air. Large on a tablet, where they sit under the on-air card. */
export function ShowControls() {
  const mayMove = useMay('rundown.next');
  if (!mayMove) return null;
  return (
    <div className="controls show-controls">
      <button data-testid="previous" onClick={() => void act((c) => c.post('/api/v1/rundown/previous'))} title="Previous (↑ / PageUp / B)">
        ◀ Previous
      </button>
      <button data-testid="next" className="primary" onClick={() => void act((c) => c.post('/api/v1/rundown/next'))} title="Next (↓ / PageDown / N)">
        Next ▶
      </button>
      <button data-testid="unpin" className="secondary" onClick={() => void act((c) => c.post('/api/v1/rundown/unpin'))} title="Take off air (Esc)">
        Off air
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
