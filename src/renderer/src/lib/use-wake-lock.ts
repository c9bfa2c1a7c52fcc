import { useEffect, useState } from 'react';

/** `held`, or why not: browsers offer the Wake Lock API only on secure pages (https, localhost). */
export type WakeLockState = 'held' | 'released' | 'unsupported' | 'refused';

/**
 * Keeps the screen on while `active` (the show is open): a tablet that dims mid-show loses the
 * moderator a beat. The browser drops the lock whenever the page is hidden, so it is taken again
 * each time the page comes back.
 */
export function useWakeLock(active: boolean): WakeLockState {
  const supported = typeof navigator !== 'undefined' && 'wakeLock' in navigator;
  const [state, setState] = useState<WakeLockState>(supported ? 'released' : 'unsupported');

  useEffect(() => {
    if (!active || !supported) return;
    let sentinel: WakeLockSentinel | null = null;
    let requesting = false;
    let stopped = false;
    const acquire = async () => {
      if (requesting || document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
      requesting = true;
      try {
        const lock = await navigator.wakeLock.request('screen');
        if (stopped) return void lock.release();
        sentinel = lock;
        setState('held');
        lock.addEventListener('release', () => !stopped && setState('released'));
      } catch {
        // Battery saver or a policy said no: the show goes on, the screen may dim.
        setState('refused');
      } finally {
        requesting = false;
      }
    };
    const onVisibility = () => void acquire();
    void acquire();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopped = true;
      document.removeEventListener('visibilitychange', onVisibility);
      void sentinel?.release();
      setState('released');
    };
  }, [active, supported]);

  return state;
}
