import { useCallback, useEffect, useState } from 'react';
import { act } from '../store/studio-store';
import { useLive } from '../store/live';
import { useDeskText } from '../i18n/desk-text';
import { formatCount, formatMoney } from '../lib/format';

interface ShowSummary {
  audiences: string[];
  orders: number;
  units: number;
  revenue: Record<string, number>;
  onAirMinutes: number;
}
interface ShowRecord {
  id: string;
  title: string;
  createdAt: number;
  archived: boolean;
  summary: ShowSummary;
}

/**
 * The show library: every show of the studio with its figures; new (copying the open show's
 * catalogue, rundown, audiences and theme when asked), open, rename, archive, export, import, and
 * each show's reports and the season spreadsheet. The producer's alone.
 */
export function ShowsPanel() {
  const { t, locale } = useDeskText();
  const revision = useLive((s) => s.show?.revision ?? 0);
  const [list, setList] = useState<{ current: string; shows: ShowRecord[] } | null>(null);
  const [title, setTitle] = useState('');
  const [copy, setCopy] = useState(true);

  const [asked, setAsked] = useState(0);
  const refresh = useCallback(() => setAsked((n) => n + 1), []);
  // Sales and titles move with the open show: its revision is the cue to ask again, as is each action here.
  useEffect(() => {
    let current = true;
    void act((c) => c.get<{ current: string; shows: ShowRecord[] }>('/api/v1/shows')).then((answer) => {
      if (current && answer) setList(answer);
    });
    return () => {
      current = false;
    };
  }, [revision, asked]);

  const create = async () => {
    if (!title.trim() || !list) return;
    const body = copy ? { title: title.trim(), from: list.current, copy: ['catalogue', 'rundown', 'locales', 'theme'] } : { title: title.trim() };
    if (await act((c) => c.post('/api/v1/shows', body))) setTitle('');
    refresh();
  };
  const run = async (what: Parameters<typeof act>[0]) => {
    await act(what);
    refresh();
  };
  const rename = (show: ShowRecord) => {
    const next = window.prompt(t('shows.renamePrompt'), show.title);
    if (next && next.trim()) void run((c) => c.patch(`/api/v1/shows/${encodeURIComponent(show.id)}`, { title: next.trim() }));
  };
  const importFile = async (file: File | undefined) => {
    if (file) await run((c) => c.upload('/api/v1/shows/import', file, 'application/gzip'));
  };

  return (
    <section className="panel shows" data-testid="shows-panel">
      <h2>{t('shows.title')}</h2>
      <div className="shows-new">
        <input data-testid="shows-new-title" value={title} placeholder={t('shows.newTitle')} aria-label={t('shows.newTitle')} onChange={(e) => setTitle(e.target.value)} />
        <label>
          <input type="checkbox" checked={copy} onChange={(e) => setCopy(e.target.checked)} /> {t('shows.copy')}
        </label>
        <button data-testid="shows-create" onClick={() => void create()} disabled={!title.trim()}>
          {t('shows.create')}
        </button>
      </div>
      <ul className="shows-list">
        {list?.shows.map((show) => {
          const open = show.id === list.current;
          // Figures in the operator's locale (a Polish desk reads "12,5 min" and "286,97 zł").
          const revenue = Object.entries(show.summary.revenue).map(([cur, v]) => formatMoney(v, cur, locale)).join(' + ') || '—';
          return (
            <li key={show.id} data-testid={`show-${show.id}`} className={open ? 'open' : show.archived ? 'archived' : undefined}>
              <div className="show-head">
                <strong data-verbatim>{show.title}</strong> <span>{new Date(show.createdAt).toLocaleDateString(locale)}</span>
                {open && <em>{t('shows.isOpen')}</em>}
                {show.archived && <em>{t('shows.archived')}</em>}
              </div>
              <div className="show-figures">
                {t('shows.figures', { orders: formatCount(show.summary.orders, locale), units: formatCount(show.summary.units, locale), revenue, minutes: new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(show.summary.onAirMinutes) })}
                {show.summary.audiences.length > 0 && ` · ${show.summary.audiences.join(', ')}`}
              </div>
              <div className="show-actions">
                {!open && (
                  <button data-testid={`show-open-${show.id}`} onClick={() => void run((c) => c.post(`/api/v1/shows/${encodeURIComponent(show.id)}/open`))}>
                    {t('shows.open')}
                  </button>
                )}
                <button onClick={() => rename(show)}>{t('shows.rename')}</button>
                <button onClick={() => void run((c) => c.patch(`/api/v1/shows/${encodeURIComponent(show.id)}`, { archived: !show.archived }))}>{show.archived ? t('shows.unarchive') : t('shows.archive')}</button>
                <button onClick={() => void download(`/api/v1/shows/${encodeURIComponent(show.id)}/package`, `${show.id}.shopcast-show.tar.gz`)}>{t('shows.export')}</button>
                <button onClick={() => void download(`/api/v1/shows/${encodeURIComponent(show.id)}/report.html?lang=${encodeURIComponent(locale)}`, null)}>{t('shows.report')}</button>
              </div>
            </li>
          );
        })}
      </ul>
      <div className="shows-footer">
        <label className="button-like">
          {t('shows.import')}
          <input type="file" accept=".gz,application/gzip" hidden onChange={(e) => void importFile(e.target.files?.[0])} />
        </label>
        <button onClick={() => void download(`/api/v1/reports/shows.html?lang=${encodeURIComponent(locale)}`, null)}>{t('shows.seasonReport')}</button>
        <button onClick={() => void download('/api/v1/reports/shows.csv', 'season.csv')}>{t('shows.season')}</button>
      </div>
    </section>
  );
}

/** Fetched with the token (a link cannot carry it), then opened (`name` null) or saved. */
async function download(path: string, name: string | null): Promise<void> {
  const blob = await act((c) => c.file(path));
  if (!blob) return;
  const url = URL.createObjectURL(blob);
  const opened = name === null ? window.open(url, '_blank') : null;
  if (opened) opened.opener = null;
  else {
    const link = document.createElement('a');
    link.href = url;
    link.download = name ?? 'report.html';
    document.body.append(link);
    link.click();
    link.remove();
  }
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
