import type { TFunction } from 'i18next';
import { useSyncExternalStore } from 'react';
import en from './locales/en.json';
import pl from './locales/pl.json';
import de from './locales/de.json';
import fr from './locales/fr.json';
import es from './locales/es.json';
import it from './locales/it.json';
import ru from './locales/ru.json';
import uk from './locales/uk.json';
import { flatDictionaries } from '@shared/flat-dictionaries';

/** The reviewed dictionaries of the control room, the tablet and the pairing screen. */
export const DESK_DICTIONARIES: Record<string, Record<string, string>> = { en, pl, de, fr, es, it, ru, uk };

/** The languages the desk speaks, each named in itself (the picker must be readable by whoever needs it). */
export const DESK_LANGUAGES: { lang: string; name: string }[] = [
  { lang: 'en', name: 'English' },
  { lang: 'pl', name: 'Polski' },
  { lang: 'de', name: 'Deutsch' },
  { lang: 'fr', name: 'Français' },
  { lang: 'es', name: 'Español' },
  { lang: 'it', name: 'Italiano' },
  { lang: 'ru', name: 'Русский' },
  { lang: 'uk', name: 'Українська' }
];

/** Where a language alone says too little for Intl (`en` would read 12-hour US times), its usual region. */
const HOME_REGION: Record<string, string> = { en: 'en-GB', pl: 'pl-PL', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', it: 'it-IT', ru: 'ru-RU', uk: 'uk-UA' };

/** The operator's choice, per device: a tablet shared by a German moderator stays German. */
export const DESK_LANGUAGE_KEY = 'shopcast.deskLanguage';

const base = (tag: string) => tag.toLowerCase().split('-')[0];

/** The stored choice if it is one we speak, else the browser's first language we speak, else English. */
export function chooseDeskLanguage(preferred: readonly string[], stored: string | null): string {
  if (stored && Object.hasOwn(DESK_DICTIONARIES, stored)) return stored;
  for (const tag of preferred) {
    const lang = base(tag);
    if (Object.hasOwn(DESK_DICTIONARIES, lang)) return lang;
  }
  return 'en';
}

/**
 * The locale times, dates and numbers are written in: the browser's own tag for the chosen language
 * (`de-AT` keeps its region), else the language's home region.
 */
export function operatorLocaleFor(lang: string, preferred: readonly string[]): string {
  return preferred.find((tag) => base(tag) === lang) ?? HOME_REGION[lang] ?? lang;
}

// React escapes text nodes; nothing of ours goes into innerHTML.
const desk = flatDictionaries(DESK_DICTIONARIES);

let state = { lang: 'en', locale: 'en-GB', t: desk.t.bind(desk) as TFunction };
const listeners = new Set<() => void>();

function browserLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
}

function storedLanguage(): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(DESK_LANGUAGE_KEY);
  } catch {
    return null;
  }
}

/** Switches every screen of this device to `lang` (and `locale` for numbers and times, when given). */
export function setDeskLanguage(lang: string, locale?: string, remember = false): void {
  const chosen = Object.hasOwn(DESK_DICTIONARIES, lang) ? lang : 'en';
  void desk.changeLanguage(chosen);
  if (remember) {
    try {
      localStorage.setItem(DESK_LANGUAGE_KEY, chosen);
    } catch {
      // A browser that refuses storage still switches, for this visit.
    }
  }
  // The desktop app's tray, dialogs and notifications follow the operator's own choice (not the browser's guess).
  if (storedLanguage() === chosen) tellDesktopShell(chosen);
  if (typeof document !== 'undefined') {
    document.documentElement.lang = chosen;
    document.title = desk.t('app.title');
  }
  // A new function each time: React sees the change and re-renders every text.
  state = { lang: chosen, locale: locale ?? operatorLocaleFor(chosen, browserLanguages()), t: ((...args: Parameters<TFunction>) => desk.t(...args)) as TFunction };
  for (const listener of listeners) listener();
}

function tellDesktopShell(lang: string): void {
  const desktop = typeof window === 'undefined' ? undefined : window.shopcastDesktop;
  // An older desktop build has no such member; a refusal changes nothing on the desk.
  desktop?.setDeskLanguage?.(lang).catch(() => {});
}

/** At start: the stored choice or the browser's languages. */
export function startDeskLanguage(): void {
  setDeskLanguage(chooseDeskLanguage(browserLanguages(), storedLanguage()));
}

/** Text for code outside React (notices, the activity lines): the current language's. */
export const t: TFunction = ((...args: Parameters<TFunction>) => state.t(...args)) as TFunction;
export const deskLanguage = (): string => state.lang;
export const operatorLocale = (): string => state.locale;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The desk's text and locale; the component renders again when the operator picks another language. */
export function useDeskText(): { t: TFunction; lang: string; locale: string } {
  return useSyncExternalStore(subscribe, () => state);
}
