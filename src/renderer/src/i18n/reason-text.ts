import type { TFunction } from 'i18next';
import type { Reason } from '@shared/reason';
import { DESK_DICTIONARIES } from './desk-text';

/** True when the desk has its own words for this code (otherwise the studio's English is shown as it came). */
export const knowsReason = (why: Reason | null | undefined): why is Reason => !!why && Object.hasOwn(DESK_DICTIONARIES.en!, `reason.${why.code}`);

/** A piece of a worded reason: the desk's words, or a value quoted as it came (a column name, a folder, OBS's words). */
export interface ReasonPart {
  text: string;
  verbatim: boolean;
}

// Marks a text parameter inside the worded sentence, so it can be shown apart as what others wrote.
const MARK = '\u0000';

/**
 * A sentence the studio sent as a code, worded in the desk's language, in pieces: text parameters
 * (the file's column and cell, OBS's host or folder) stay as they came and are marked so. A code
 * this desk does not know yet (a newer studio) gives the studio's English message, verbatim.
 */
export function reasonParts(t: TFunction, why: Reason | null | undefined, english: string): ReasonPart[] {
  if (!knowsReason(why)) return [{ text: english, verbatim: true }];
  const names = Object.keys(why.params);
  // Numbers go to i18next as numbers (it writes them the locale's way); text as a marked slot.
  const params = Object.fromEntries(names.map((name, i) => [name, typeof why.params[name] === 'number' ? why.params[name] : `${MARK}${i}${MARK}`]));
  const worded = t(`reason.${why.code}`, params);
  return worded
    .split(MARK)
    .map((piece, i) => (i % 2 === 1 ? { text: String(why.params[names[Number(piece)]!] ?? ''), verbatim: true } : { text: piece, verbatim: false }))
    .filter((part) => part.text !== '');
}
