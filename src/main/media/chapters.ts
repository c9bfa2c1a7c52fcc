/** A chapter of a video: where it starts (seconds) and its title. */
export interface Chapter {
  startSeconds: number;
  title: string;
}

/** YouTube's rules for chapters in a description. */
export const MIN_CHAPTER_SECONDS = 10;
export const MIN_CHAPTERS = 3;

/**
 * YouTube chapters from the products' slots in a recording of `totalSeconds`. YouTube shows
 * chapters only when the first starts at 0:00, there are at least three, and none is shorter than
 * ten seconds; so: the first chapter starts at 0:00 (what came before the first product belongs to
 * it), a gap with nothing on air belongs to the chapter before it, the same product pinned again in
 * a row stays one chapter, and a chapter too short gives its time to its neighbour (the one before;
 * for the first, the next one takes over 0:00). Null when fewer than three chapters remain.
 */
export function chaptersOf(slots: readonly Chapter[], totalSeconds: number): Chapter[] | null {
  const chapters: Chapter[] = [];
  for (const slot of [...slots].sort((a, b) => a.startSeconds - b.startSeconds)) {
    const start = Math.floor(slot.startSeconds);
    if (start >= totalSeconds) continue;
    const last = chapters[chapters.length - 1];
    if (last && last.title === slot.title) continue;
    if (last && last.startSeconds === start) chapters.pop();
    chapters.push({ startSeconds: start, title: slot.title });
  }
  if (chapters.length === 0) return null;
  chapters[0] = { ...chapters[0], startSeconds: 0 };
  // Drop the shortest offender first, so one short slot does not swallow a good neighbour.
  for (;;) {
    const lengths = chapters.map((c, i) => (chapters[i + 1]?.startSeconds ?? Math.floor(totalSeconds)) - c.startSeconds);
    let worst = -1;
    for (let i = 0; i < chapters.length; i++) if (lengths[i] < MIN_CHAPTER_SECONDS && (worst < 0 || lengths[i] < lengths[worst])) worst = i;
    if (worst < 0) break;
    if (worst === 0) {
      // The next chapter takes over 0:00: a short intro belongs to the first product shown at length.
      if (chapters.length === 1) return null;
      chapters.splice(0, 1);
      chapters[0] = { ...chapters[0], startSeconds: 0 };
    } else chapters.splice(worst, 1);
    mergeRepeats(chapters);
  }
  return chapters.length >= MIN_CHAPTERS ? chapters : null;
}

/** Two neighbours with the same title (after a drop between them) are one chapter. */
function mergeRepeats(chapters: Chapter[]): void {
  for (let i = chapters.length - 1; i > 0; i--) if (chapters[i].title === chapters[i - 1].title) chapters.splice(i, 1);
}

/** `0:00`, `4:05`, `1:02:03`: the timestamps YouTube reads. */
export function timestamp(seconds: number): string {
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The lines to paste into a video's description. */
export function chapterLines(chapters: readonly Chapter[]): string {
  return chapters.map((c) => `${timestamp(c.startSeconds)} ${c.title}`).join('\n') + '\n';
}
