import { useEffect } from 'react';
import { isTyping, shortcutFor } from '../lib/shortcuts';
import { act, useStudio } from '../store/studio-store';
import { runOnWhatISaw } from '../lib/run-command';
import { mayNow } from '../lib/roles';

/** The show's keyboard: next, previous, pin, take off air, from anywhere but a text field. */
export function useShortcuts(toggleHelp: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target)) {
        if (event.key === 'Escape') (event.target as HTMLElement).blur();
        return;
      }
      if ((event.target as HTMLElement | null)?.closest?.('[role="dialog"]')) return;
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      // A viewer's keyboard changes nothing (the studio would refuse it anyway).
      if (action.type !== 'focusSearch' && action.type !== 'help' && !mayNow('rundown.pin')) return;
      const { show, selectedItemId } = useStudio.getState();
      switch (action.type) {
        case 'next':
          void act((c) => c.run('rundown.next'));
          break;
        case 'previous':
          void act((c) => c.run('rundown.previous'));
          break;
        case 'unpin':
          void act((c) => c.run('rundown.unpin'));
          break;
        case 'hold': {
          // One key holds the item on air past its slot; pressed again, lets it advance.
          const onAir = show?.onAir && show.rundown.find((i) => i.id === show.onAir!.itemId);
          if (onAir) void act((c) => c.post('/api/v1/rundown/hold', onAir.autoAdvance === false ? { release: true } : {}));
          break;
        }
        case 'pinSelected':
          if (selectedItemId) void runOnWhatISaw('rundown.pin', { itemId: selectedItemId });
          break;
        case 'pinNth': {
          const item = show?.rundown[action.index];
          if (item) void runOnWhatISaw('rundown.pin', { itemId: item.id });
          break;
        }
        case 'focusSearch':
          document.querySelector<HTMLInputElement>('[data-testid="catalogue-search"]')?.focus();
          break;
        case 'help':
          toggleHelp();
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggleHelp]);
}
