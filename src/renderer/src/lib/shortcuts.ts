export type ShortcutAction =
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'unpin' }
  | { type: 'hold' }
  | { type: 'pinSelected' }
  | { type: 'pinNth'; index: number }
  | { type: 'focusSearch' }
  | { type: 'help' };

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/**
 * The show's keys. PageUp/PageDown are what presentation clickers send, so a clicker in the host's
 * hand runs the rundown. Keys with Ctrl/Cmd/Alt belong to the browser.
 */
export function shortcutFor(event: KeyLike): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  switch (event.key) {
    case 'ArrowDown':
    case 'PageDown':
    case 'n':
    case 'N':
      return { type: 'next' };
    case 'ArrowUp':
    case 'PageUp':
    case 'b':
    case 'B':
      return { type: 'previous' };
    case 'Escape':
      return { type: 'unpin' };
    case 'h':
    case 'H':
      return { type: 'hold' };
    case 'Enter':
      return { type: 'pinSelected' };
    case '/':
      return { type: 'focusSearch' };
    case '?':
      return { type: 'help' };
  }
  if (/^[1-9]$/.test(event.key)) return { type: 'pinNth', index: Number(event.key) - 1 };
  return null;
}

/** Typing in a field is not a command. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}
