import { escapeHtml } from './escape-html';
import en from './report-text/en.json';
import pl from './report-text/pl.json';
import de from './report-text/de.json';
import fr from './report-text/fr.json';
import es from './report-text/es.json';
import it from './report-text/it.json';
import ru from './report-text/ru.json';
import uk from './report-text/uk.json';
import { flatDictionaries } from '../../shared/flat-dictionaries';

/**
 * The reviewed words of the printed reports (the show's and the season's), one JSON file per
 * language beside this module. Read by the server, so they live under src/main, not with the
 * desk's dictionaries in src/renderer (the layers forbid that import). i18next, as the overlays and
 * the desk use it, gives the CLDR plural forms ("3 programy", "5 programów") from Intl.PluralRules.
 */
export const REPORT_DICTIONARIES: Record<string, Record<string, string>> = { en, pl, de, fr, es, it, ru, uk };

/** Where a language alone says too little for Intl (`en` would read 12-hour US times), its usual region. */
const HOME_REGION: Record<string, string> = { en: 'en-GB', pl: 'pl-PL', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', it: 'it-IT', ru: 'ru-RU', uk: 'uk-UA' };

/** The operator's language (a dictionary's) and the locale numbers, money, dates and times follow. */
export interface ReportLanguage {
  lang: string;
  locale: string;
}

// Escaped once, whole, by `html` below: values may be formatted numbers or a show's own words.
const words = flatDictionaries(REPORT_DICTIONARIES);

/** A BCP 47 tag in its canonical spelling, or null when it is not one (`?lang=<script>`). */
export function canonicalTag(tag: string): string | null {
  if (tag.length === 0 || tag.length > 35) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

const base = (tag: string) => tag.toLowerCase().split('-')[0];

/** The report's language for a tag the reports speak (`de-AT` keeps its region for Intl), else null. */
function spoken(tag: string): ReportLanguage | null {
  const canonical = canonicalTag(tag);
  if (!canonical || !Object.hasOwn(REPORT_DICTIONARIES, base(canonical))) return null;
  const lang = base(canonical);
  return { lang, locale: canonical.includes('-') ? canonical : HOME_REGION[lang] };
}

/**
 * The language the desk asked for (`?lang=`, the desk's own choice), else the first of the
 * browser's `Accept-Language` the reports speak (by its q weights), else English.
 */
export function chooseReportLanguage(asked: string | undefined, acceptLanguage: string | undefined): ReportLanguage {
  const chosen = asked === undefined ? null : spoken(asked);
  if (chosen) return chosen;
  const offered = (acceptLanguage ?? '')
    .split(',')
    .map((part, order) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), order };
    })
    .filter((o) => o.q > 0 && o.tag !== '*')
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const { tag } of offered) {
    const language = spoken(tag);
    if (language) return language;
  }
  return { lang: 'en', locale: HOME_REGION.en };
}

/** The report's words in one language: plain text, or escaped for HTML. */
export interface ReportWords {
  readonly language: ReportLanguage;
  text(key: string, vars?: Record<string, unknown>): string;
  html(key: string, vars?: Record<string, unknown>): string;
}

export function reportWords(language: ReportLanguage): ReportWords {
  const t = words.getFixedT(language.lang);
  // i18next picks the plural form with Intl.PluralRules of the language; the locale adds nothing to it.
  const text = (key: string, vars: Record<string, unknown> = {}) => t(key, vars);
  // A word without values ("All markets") is asked for once per row of a report of thousands.
  const plain = new Map<string, string>();
  const html = (key: string, vars?: Record<string, unknown>) => {
    if (vars) return escapeHtml(text(key, vars));
    let done = plain.get(key);
    if (done === undefined) plain.set(key, (done = escapeHtml(text(key))));
    return done;
  };
  return { language, text, html };
}
