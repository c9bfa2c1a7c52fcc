import { useStore } from 'zustand';
import { createLiveMirror, type LiveMirror } from '../../live/mirror';

/** This page's mirror of the show: the same store the overlays use, fed by the live link the session opens. */
export const liveMirror = createLiveMirror();

/** Reads the mirrored show in a component; re-renders only when the selected part changes. */
export function useLive<T>(selector: (live: LiveMirror) => T): T {
  return useStore(liveMirror, selector);
}
