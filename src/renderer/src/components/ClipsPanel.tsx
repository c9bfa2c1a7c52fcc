import { useLive } from '../store/live';
import { useEffect, useState } from 'react';
import type { ClipView, ClipsView, RecordingsView } from '@shared/media';
import type { ObsConnectionView } from '@shared/obs';
import { ApiFailure } from '../api/client';
import { formatDuration } from '../lib/format';
import { act, NONE, useStudio } from '../store/studio-store';
import { useDeskText } from '../i18n/desk-text';

/** Every word of this panel is a `clips.*` key of the desk dictionaries. */
const K = {
  title: 'clips.title',
  cut: 'clips.cut',
  exact: 'clips.exact',
  chapters: 'clips.chapters',
  unavailable: 'clips.unavailable',
  notRecorded: 'clips.notRecorded',
  recording: 'clips.recording',
  recorded: 'clips.recorded',
  recordedPaused: 'clips.recordedPaused',
  pausedPart: 'clips.pausedPart',
  remote: 'clips.remote',
  folder: 'clips.folder',
  mapFolder: 'clips.mapFolder',
  empty: 'clips.empty',
  play: 'clips.play',
  download: 'clips.download',
  cancel: 'clips.cancel',
  product: 'clips.col.product',
  language: 'clips.col.language',
  start: 'clips.col.start',
  length: 'clips.col.length',
  state: 'clips.col.state',
  status: (s: ClipView['status']) => `clips.status.${s}`,
  mode: (m: ClipView['mode']) => `clips.mode.${m}`
};

/** The clips cut from each OBS's recording: one per product on air, to play, download or cancel. */
export function ClipsPanel() {
  const { t } = useDeskText();
  const client = useStudio((s) => s.client);
  const obs = useLive((s) => s.show?.obs ?? NONE);
  const [view, setView] = useState<ClipsView | null>(null);
  const [hidden, setHidden] = useState(false);
  const [playing, setPlaying] = useState<{ id: string; url: string } | null>(null);
  const [chapters, setChapters] = useState<string | null>(null);

  useEffect(() => {
    if (!client) return;
    let live = true;
    const load = () =>
      client.get<ClipsView>('/api/v1/clips').then(
        (next) => live && setView(next),
        (err: unknown) => live && err instanceof ApiFailure && err.status === 403 && setHidden(true)
      );
    void load();
    // Cutting is not on the live feed (it is the producer's, and chatty): asked for every second or two.
    const timer = window.setInterval(() => void load(), 1500);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [client]);

  useEffect(() => () => (playing ? URL.revokeObjectURL(playing.url) : undefined), [playing]);

  if (hidden || !view) return null;
  const play = async (clip: ClipView) => {
    const blob = await act((c) => c.file(`/api/v1/clips/${encodeURIComponent(clip.id)}/file`));
    if (blob) setPlaying({ id: clip.id, url: URL.createObjectURL(blob) });
  };
  const download = async (clip: ClipView) => {
    const blob = await act((c) => c.file(`/api/v1/clips/${encodeURIComponent(clip.id)}/file`));
    if (!blob) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${clip.id}-${clip.productId}-${clip.locale}.mp4`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };

  return (
    <section className="panel clips-panel" aria-label={t(K.title)} data-testid="clips-panel">
      <div className="panel-head">
        <h2>{t(K.title)}</h2>
      </div>
      {!view.ffmpeg.available && (
        <p className="clips-unavailable" role="status" data-testid="clips-unavailable">
          {t(K.unavailable)}
        </p>
      )}
      {view.connections.map((rec) => (
        <RecordingLine key={rec.connectionId} rec={rec} obs={obs.find((o) => o.id === rec.connectionId)} canCut={view.ffmpeg.available} onChapters={setChapters} />
      ))}
      {chapters && (
        <pre className="clips-chapters" data-testid="clips-chapters" onClick={() => setChapters(null)}>
          {chapters}
        </pre>
      )}
      {view.clips.length === 0 ? (
        <p className="muted">{t(K.empty)}</p>
      ) : (
        <table className="clips-table" data-testid="clips-table">
          <thead>
            <tr>
              <th>{t(K.product)}</th>
              <th>{t(K.language)}</th>
              <th>{t(K.start)}</th>
              <th>{t(K.length)}</th>
              <th>{t(K.state)}</th>
            </tr>
          </thead>
          <tbody>
            {[...view.clips].reverse().map((clip) => (
              <tr key={clip.id} data-testid="clip-row" data-status={clip.status}>
                <td title={clip.description}>{clip.title}</td>
                <td>{clip.locale}</td>
                <td>{formatDuration(clip.startSeconds * 1000)}</td>
                <td>
                  {formatDuration(clip.durationSeconds * 1000)}
                  {/* Part of the slot was not recorded (OBS paused): the clip is that much shorter. */}
                  {(clip.pausedSeconds ?? 0) > 0 && <small className="clip-paused"> · {t(K.pausedPart, { length: formatDuration(clip.pausedSeconds * 1000) })}</small>}
                </td>
                <td className="clip-state" title={clip.error ?? undefined}>
                  {t(K.status(clip.status))}
                  {clip.status === 'cutting' && <progress max={1} value={clip.progress} />}
                  {clip.status === 'done' && <small> · {t(K.mode(clip.mode))}</small>}
                  <span className="clip-actions">
                  {clip.status === 'done' && <button onClick={() => void play(clip)}>{t(K.play)}</button>}
                  {clip.status === 'done' && <button onClick={() => void download(clip)}>{t(K.download)}</button>}
                  {(clip.status === 'queued' || clip.status === 'cutting') && (
                    <button onClick={() => void act((c) => c.post(`/api/v1/clips/${encodeURIComponent(clip.id)}/cancel`))}>{t(K.cancel)}</button>
                  )}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {playing && <video className="clip-preview" data-testid="clip-preview" src={playing.url} controls autoPlay muted />}
    </section>
  );
}

function RecordingLine({ rec, obs, canCut, onChapters }: { rec: RecordingsView; obs: ObsConnectionView | undefined; canCut: boolean; onChapters: (text: string) => void }) {
  const { t } = useDeskText();
  const [exact, setExact] = useState(false);
  const [folder, setFolder] = useState(rec.folder ?? '');
  const name = obs?.name ?? rec.connectionId;
  const last = rec.last;
  const text = !last
    ? t(K.notRecorded, { name })
    : last.stoppedAt === null
      ? t(K.recording, { name })
      : last.pausedSeconds > 0
        ? // The file's length: start to stop, minus what OBS paused.
          t(K.recordedPaused, { name, length: formatDuration(last.stoppedAt - last.startedAt - last.pausedSeconds * 1000), paused: formatDuration(last.pausedSeconds * 1000) })
        : t(K.recorded, { name, length: formatDuration(last.stoppedAt - last.startedAt) });
  return (
    <div className="clips-recording" data-testid="clips-recording">
      <span>{text}</span>
      {last && !last.readable && last.stoppedAt !== null && <span className="clips-problem">{rec.remote ? t(K.remote) : last.problem}</span>}
      {rec.remote && (
        <label>
          {t(K.folder)} <input value={folder} onChange={(e) => setFolder(e.target.value)} />
          <button onClick={() => void act((c) => c.put(`/api/v1/clips/folders/${encodeURIComponent(rec.connectionId)}`, { folder: folder.trim() || null }))}>{t(K.mapFolder)}</button>
        </label>
      )}
      {last?.stoppedAt != null && (
        <span className="clip-actions">
          <label>
            <input type="checkbox" checked={exact} onChange={(e) => setExact(e.target.checked)} /> {t(K.exact)}
          </label>
          <button disabled={!canCut || !last.readable} onClick={() => void act((c) => c.post('/api/v1/clips', { connectionId: rec.connectionId, exact }))}>
            {t(K.cut)}
          </button>
          <button
            onClick={() =>
              void act((c) => c.file(`/api/v1/shows/current/chapters.txt?connection=${encodeURIComponent(rec.connectionId)}`))
                .then((blob) => blob?.text())
                .then((lines) => lines && onChapters(lines))
            }
          >
            {t(K.chapters)}
          </button>
        </span>
      )}
    </div>
  );
}
