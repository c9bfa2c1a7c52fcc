import en from './locales/en.json';
import pl from './locales/pl.json';
import de from './locales/de.json';
import fr from './locales/fr.json';
import es from './locales/es.json';
import it from './locales/it.json';
import ru from './locales/ru.json';
import uk from './locales/uk.json';
import { flatDictionaries } from '../../shared/flat-dictionaries';

/**
 * The desktop shell's reviewed dictionaries (tray, dialogs, notifications), the same eight
 * languages as the desk. They live beside the main process: the renderer's are out of its reach.
 */
export const SHELL_DICTIONARIES: Record<string, Record<string, string>> = { en, pl, de, fr, es, it, ru, uk };

/** Words in one language: `t` from the dictionary, `list` joins names the language's way ("A, B and C"). */
export interface ShellText {
  lang: string;
  t: (key: string, params?: Record<string, string | number>) => string;
  list: (items: readonly string[]) => string;
}

// Menus and notifications are plain text, never HTML.
const shell = flatDictionaries(SHELL_DICTIONARIES);

const base = (tag: string) => tag.toLowerCase().split(/[-_]/)[0] ?? '';

/** The language the desk's picker chose, if the shell speaks it; else the OS's first one it speaks; else English. */
export function shellLanguage(systemLanguages: readonly string[], chosen: string | null | undefined): string {
  if (chosen && Object.hasOwn(SHELL_DICTIONARIES, chosen)) return chosen;
  for (const tag of systemLanguages) {
    const lang = base(tag);
    if (Object.hasOwn(SHELL_DICTIONARIES, lang)) return lang;
  }
  return 'en';
}

const cache = new Map<string, ShellText>();

/** The shell's words in `lang` (English for a language it does not speak). */
export function shellText(lang: string): ShellText {
  const chosen = Object.hasOwn(SHELL_DICTIONARIES, lang) ? lang : 'en';
  let text = cache.get(chosen);
  if (!text) {
    const fixed = shell.getFixedT(chosen);
    const lists = new Intl.ListFormat(chosen, { style: 'long', type: 'conjunction' });
    text = { lang: chosen, t: (key, params) => fixed(key, params ?? {}), list: (items) => lists.format(items) };
    cache.set(chosen, text);
  }
  return text;
}

/** Where the desk's choice is remembered between launches (the shell's own settings). */
export interface LanguageMemory {
  get(): string | undefined;
  set(lang: string): void;
}

/**
 * The shell's language now: the OS's until the operator picks one on the desk, then that one, also
 * at the next launch (the tray is built before the window has loaded).
 */
export class ShellLanguage {
  private listeners = new Set<() => void>();

  constructor(
    private readonly memory: LanguageMemory,
    private readonly systemLanguages: readonly string[]
  ) {}

  get text(): ShellText {
    return shellText(shellLanguage(this.systemLanguages, this.memory.get()));
  }

  /** The desk's picker chose `lang`: false (and nothing changes) when the shell does not speak it. */
  choose(lang: unknown): boolean {
    if (typeof lang !== 'string' || !Object.hasOwn(SHELL_DICTIONARIES, lang)) return false;
    if (this.memory.get() !== lang) {
      this.memory.set(lang);
      for (const listener of this.listeners) listener();
    }
    return true;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
