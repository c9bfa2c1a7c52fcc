import { MediaError, type MediaDesk } from '../media/media-desk';
import { escapeHtml } from './escape-html';
import type { ReportFormat } from './report-format';
import type { ReportWords } from './report-text';

/** Why an OBS has no chapter lines, as a dictionary word (never the media desk's English sentence). */
type ChapterProblem = 'no_recording' | 'too_few_chapters';
const PROBLEM_WORDS: Record<ChapterProblem, string> = { no_recording: 'chapters.noRecording', too_few_chapters: 'chapters.tooFew' };

/** One OBS's YouTube chapters for the report: its recording and the lines in that OBS's language. */
export interface ObsChapters {
  /** The producer's name for the OBS (their own words, shown as written). */
  name: string;
  locale: string;
  recording: { startedAt: number; stoppedAt: number | null } | null;
  lines: string | null;
  problem: ChapterProblem | null;
}

/**
 * The chapters of each OBS's last recording of the open show, as the media desk makes them for
 * `chapters.txt` (so the report and the file cannot disagree).
 */
export function obsChapters(connections: readonly { id: string; name: string; locale: string }[], desk: Pick<MediaDesk, 'chapters' | 'view'>): ObsChapters[] {
  const recordings = new Map(desk.view().connections.map((c) => [c.connectionId, c.last]));
  return connections.map((c) => {
    const last = recordings.get(c.id) ?? null;
    const entry: ObsChapters = { name: c.name, locale: c.locale, recording: last && { startedAt: last.startedAt, stoppedAt: last.stoppedAt }, lines: null, problem: null };
    try {
      entry.lines = desk.chapters(c.id);
    } catch (err) {
      if (!(err instanceof MediaError)) throw err;
      if (Object.hasOwn(PROBLEM_WORDS, err.code)) entry.problem = err.code as ChapterProblem;
    }
    return entry;
  });
}

/** The report's chapters section: per OBS, its recording's span and the lines to paste (or why there are none). */
export function chaptersSectionHtml(list: readonly ObsChapters[], words: ReportWords, fmt: ReportFormat): string {
  if (list.length === 0) return `<p class="none">${words.html('chapters.noObs')}</p>`;
  const blocks = list.map((c) => {
    const span = c.recording
      ? c.recording.stoppedAt === null
        ? words.html('chapters.recording', { from: fmt.time(c.recording.startedAt) })
        : words.html('chapters.recorded', { from: fmt.time(c.recording.startedAt), to: fmt.time(c.recording.stoppedAt) })
      : '';
    const body = c.lines !== null ? `<pre class="chapters">${escapeHtml(c.lines.trimEnd())}</pre>` : c.problem ? `<p class="none">${words.html(PROBLEM_WORDS[c.problem])}</p>` : '';
    return `<div class="obs" data-obs-locale="${escapeHtml(c.locale)}"><h3>${escapeHtml(c.name)} <span class="id">${escapeHtml(fmt.market(c.locale))}</span></h3>${span ? `<p class="span">${span}</p>` : ''}${body}</div>`;
  });
  return `<p class="hint">${words.html('chapters.intro')}</p>${blocks.join('\n')}`;
}
