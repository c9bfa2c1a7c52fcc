import type { Page } from 'playwright-core';
import { DESK_DICTIONARIES } from '../../src/renderer/src/i18n/desk-text';

/** Names and technical words that are the same on every desk (they are not English left behind). */
const SAME_EVERYWHERE = new Set(['shopcast', 'studio', 'obs', 'url', 'csv', 'json', 'api', 'pdf', 'iso', 'https', 'media', 'token', 'control', 'pageup', 'pagedown', 'esc', 'enter', 'shopify', 'aliexpress', 'websocket', 'lowest30d', 'cur']);

const words = (text: string) => (text.replace(/\{\{\w+\}\}/g, ' ').toLowerCase().match(/\p{L}{3,}/gu) ?? []);

/** Words of the English desk that the other language's dictionary never uses: seeing one on its screen is a miss. */
export function englishOnlyWords(lang: string): Set<string> {
  const theirs = new Set(Object.values(DESK_DICTIONARIES[lang]).flatMap(words));
  return new Set(Object.values(DESK_DICTIONARIES.en).flatMap(words).filter((w) => !theirs.has(w) && !SAME_EVERYWHERE.has(w)));
}

/**
 * Every text a person sees or hears on the page: text nodes of shown elements, titles, labels,
 * placeholders. What the desk shows as others wrote it (the show's title, the studio's or OBS's own
 * error words, a product's id) is marked `data-verbatim` and left out, as are technical literals in
 * `code` and `kbd` (a CSV header, a key cap): they are not the desk's to translate.
 */
export function textOnScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const shown = (el: Element | null) => !!el && (el as HTMLElement).getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || ['SCRIPT', 'STYLE'].includes(parent.tagName) || !node.textContent?.trim() || parent.closest('[data-verbatim], code, kbd')) continue;
      if (shown(parent) || parent.tagName === 'OPTION') out.push(node.textContent.trim());
    }
    for (const el of Array.from(document.querySelectorAll('[title], [aria-label], [placeholder], img[alt]'))) {
      if (!shown(el)) continue;
      for (const attr of ['title', 'aria-label', 'placeholder', 'alt']) {
        const value = el.getAttribute(attr);
        if (value?.trim()) out.push(value.trim());
      }
    }
    return out;
  });
}

/** The English words on the page that the `lang` desk should have said in its own words, each with where it was. */
export async function englishLeft(page: Page, lang: string): Promise<string[]> {
  const english = englishOnlyWords(lang);
  return (await textOnScreen(page)).flatMap((text) => words(text).filter((w) => english.has(w)).map((w) => `${w} ← “${text}”`));
}
