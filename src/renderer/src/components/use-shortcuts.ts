import { useEffect } from 'react';
import { isTyping, shortcutFor } from '../lib/shortcuts';
import { mayNow } from '../lib/roles';
import { runAction } from '../actions/run-action';

/** The show's keyboard: next, previous, pin, take off air, from anywhere but a text field. */
export function useShortcuts(toggleHelp: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target)) {
        if (event.key === 'Escape') (event.target as HTMLElement).blur();
        return;
      }
      if ((event.target as HTMLElement | null)?.closest?.('[role="dialog"]')) return;
      const hit = shortcutFor(event);
      if (!hit) return;
      event.preventDefault();
      // A viewer's keyboard changes nothing (the studio would refuse it anyway).
      if (hit.action.command && !mayNow(hit.action.command)) return;
      runAction(hit.action, { nth: hit.nth, toggleHelp });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggleHelp]);
}
