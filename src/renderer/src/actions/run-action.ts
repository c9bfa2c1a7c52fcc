import type { ShowAction } from './show-actions';
import { act, useStudio } from '../store/studio-store';
import { liveMirror } from '../store/live';
import { runOnWhatISaw } from '../lib/run-command';

/** What an action needs from where it was asked for: the digit's rundown place, the help to open. */
export interface ActionContext {
  nth?: number;
  toggleHelp?: () => void;
}

/** The commands an action runs as they are, with no input of the operator's. */
type PlainCommand = 'rundown.next' | 'rundown.previous' | 'rundown.unpin';

/** Runs an action the same way whether a key, a button or a tablet tap asked for it. */
export function runAction(action: ShowAction, context: ActionContext = {}): void {
  switch (action.id) {
    case 'next':
    case 'previous':
    case 'offAir':
      void act((c) => c.run(action.command as PlainCommand));
      return;
    case 'hold': {
      // One key holds the item on air past its slot; pressed again, lets it advance.
      const show = liveMirror.getState().show;
      const onAir = show?.onAir && show.rundown.find((i) => i.id === show.onAir!.itemId);
      if (onAir) void act((c) => c.run('rundown.hold', onAir.autoAdvance === false ? { release: true } : {}));
      return;
    }
    case 'pinSelected': {
      const { selectedItemId } = useStudio.getState();
      if (selectedItemId) void runOnWhatISaw('rundown.pin', { itemId: selectedItemId });
      return;
    }
    case 'pinNth': {
      const item = context.nth === undefined ? undefined : liveMirror.getState().show?.rundown[context.nth];
      if (item) void runOnWhatISaw('rundown.pin', { itemId: item.id });
      return;
    }
    case 'search':
      document.querySelector<HTMLInputElement>('[data-testid="catalogue-search"]')?.focus();
      return;
    case 'help':
      context.toggleHelp?.();
      return;
  }
}
