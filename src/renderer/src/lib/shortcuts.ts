import { actionForKey, type ShowAction } from '../actions/show-actions';

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/** The show action a key press asks for (keys from the actions registry). Keys with Ctrl/Cmd/Alt belong to the browser. */
export function shortcutFor(event: KeyLike): { action: ShowAction; nth?: number } | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  return actionForKey(event.key);
}

/** Typing in a field is not a command. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}
