import { useSyncExternalStore } from 'react';

/** Narrow screens and touch screens get the touch-first layout: big targets, one column. */
const TABLET_QUERY = '(max-width: 1100px), (pointer: coarse)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(TABLET_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

export function useTabletLayout(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(TABLET_QUERY).matches);
}
