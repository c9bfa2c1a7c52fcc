import { useState } from 'react';
import type { ObsConnectionView } from '@shared/obs';
import { useLive } from '../store/live';
import { act, NONE } from '../store/studio-store';
import { useDeskText } from '../i18n/desk-text';
import { formatClock, formatCount } from '../lib/format';
import { timecode } from '../lib/broadcast-state';
import { ReasonText } from './ReasonText';

const STATUS_KEY: Record<ObsConnectionView['status'], string> = {
  identified: 'obs.status.identified',
  degraded: 'obs.status.degraded',
  connecting: 'obs.status.connecting',
  backing_off: 'obs.status.backing_off',
  failed: 'obs.status.failed',
  stopped: 'obs.status.stopped'
};

/** Every OBS the show drives: link, setup, scenes, outputs and health, one card each. */
export function ObsPanel() {
  const { t } = useDeskText();
  const connections = useLive((s) => s.show?.obs ?? NONE);
  const [adding, setAdding] = useState(false);
  return (
    <section className="panel obs-panel" aria-label={t('obs.title')}>
      <div className="panel-head">
        <h2>{t('obs.title')}</h2>
        <button data-testid="obs-add-open" onClick={() => setAdding((a) => !a)}>
          {adding ? t('common.cancel') : t('obs.add')}
        </button>
      </div>
      {adding && <AddObsForm onDone={() => setAdding(false)} />}
      {connections.length === 0 && !adding && <p className="empty">{t('obs.none')}</p>}
      {connections.map((c) => (
        <ObsCard key={c.id} connection={c} />
      ))}
    </section>
  );
}

function ObsCard({ connection: c }: { connection: ObsConnectionView }) {
  const { t, locale } = useDeskText();
  const [editing, setEditing] = useState(false);
  const base = `/api/v1/obs/connections/${encodeURIComponent(c.id)}`;
  const connected = c.status === 'identified' || c.status === 'degraded';
  const h = c.health;
  return (
    <div className={`obs-card status-${c.status}`} data-testid="obs-connection" data-status={c.status} data-setup={c.setup.state}>
      <div className="obs-title">
        <span className="dot" aria-hidden />
        <strong data-testid="obs-name">{c.name}</strong>
        <span className="chip">
          {c.locale} · {c.currency}
        </span>
        <span className="muted">{t(STATUS_KEY[c.status])}</span>
        <button className="ghost" data-testid="obs-edit" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
          {editing ? t('common.cancel') : t('obs.edit')}
        </button>
        <button className="ghost" aria-label={t('obs.removeLabel', { name: c.name })} onClick={() => confirm(t('obs.removeConfirm', { name: c.name })) && void act((api) => api.delete(base))}>
          ✕
        </button>
      </div>
      {editing && <ObsForm connection={c} onDone={() => setEditing(false)} />}
      <OutputState connection={c} />
      {/* Whatever keeps it from answering, a way to try again now, on the card itself. */}
      {c.status !== 'identified' && (
        <p className="warn" data-testid="obs-why">
          {/* What OBS answered, worded from the studio's code in the operator's language. */}
          {c.lastError && <ReasonText why={c.lastErrorReason} english={c.lastError} />}
          <button data-testid="obs-reconnect" title={t('obs.reconnectHint')} onClick={() => void act((api) => api.post(`${base}/reconnect`))}>
            {t('obs.reconnect')}
          </button>
        </p>
      )}
      {c.setup.state === 'needed' && connected && (
        <p className="hint">
          {t('obs.needsSetup')}{' '}
          <button data-testid="obs-setup" className="primary" onClick={() => void act((api) => api.post(`${base}/setup`))}>
            {t('obs.setup')}
          </button>
        </p>
      )}
      {c.setup.state === 'repair' && connected && (
        <p className="warn">
          {t('obs.missing', { what: c.setup.missing.join(', ') })}{' '}
          <button data-testid="obs-setup" onClick={() => void act((api) => api.post(`${base}/setup`))}>
            {t('obs.repair')}
          </button>
        </p>
      )}
      {c.setup.message && (
        <p className="warn">
          <ReasonText why={c.setup.reason} english={c.setup.message} />
        </p>
      )}
      {connected && (
        <div className="obs-controls">
          <select aria-label={t('obs.scene')} title={t('obs.scene')} value={c.currentScene ?? ''} onChange={(e) => void act((api) => api.post(`${base}/scene`, { sceneName: e.target.value }))}>
            {c.scenes.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
          <OutputButton base={base} which="stream" output={c.outputs.stream} />
          <OutputButton base={base} which="record" output={c.outputs.record} />
          {c.setup.state === 'ready' && (
            <button className="ghost" onClick={() => void act((api) => api.post(`${base}/setup`))} title={t('obs.rerunHint')}>
              {t('obs.rerun')}
            </button>
          )}
        </div>
      )}
      {c.outputs.stream.error && (
        <p className="warn" data-testid="obs-stream-error">
          {c.outputs.stream.reason?.params.stopped === 'by-itself' ? t('reason.obs.stoppedByItself.stream') : t('obs.streamRefused')} <ReasonText why={c.outputs.stream.reason} english={c.outputs.stream.error} />
        </p>
      )}
      {c.outputs.record.error && (
        <p className="warn" data-testid="obs-record-error">
          {c.outputs.record.reason?.params.stopped === 'by-itself' ? t('reason.obs.stoppedByItself.record') : t('obs.recordRefused')} <ReasonText why={c.outputs.record.reason} english={c.outputs.record.error} />
        </p>
      )}
      {c.imageNote && (
        <p className="hint">
          <ReasonText why={c.imageNoteReason} english={c.imageNote} />
        </p>
      )}
      {c.resync && c.resync.reapplied.length > 0 && connected && (
        <p className="muted" title={c.resync.reapplied.join('\n')} data-testid="obs-resync">
          {t('obs.putBack', { count: c.resync.reapplied.length, ms: formatCount(c.resync.ms, locale) })}
        </p>
      )}
      {h && connected && (
        <dl className="health">
          <div>
            <dt>{t('obs.fps')}</dt>
            <dd>{formatCount(h.fps, locale)}</dd>
          </div>
          <div>
            <dt>{t('obs.cpu')}</dt>
            <dd>{percent(h.cpuPercent / 100, locale, 0)}</dd>
          </div>
          <div>
            <dt>{t('obs.droppedRender')}</dt>
            <dd className={h.renderSkippedRecent > 0.05 ? 'warn' : ''}>{percent(h.renderSkippedRecent, locale, 1)}</dd>
          </div>
          <div>
            <dt>{t('obs.droppedOutput')}</dt>
            <dd className={h.outputSkippedRecent > 0.02 ? 'warn' : ''}>{percent(h.outputSkippedRecent, locale, 1)}</dd>
          </div>
          <div>
            <dt>{t('obs.bitrate')}</dt>
            <dd>{h.bitrateKbps === null ? '—' : t('obs.bitrateValue', { value: formatCount(h.bitrateKbps, locale) })}</dd>
          </div>
          <div>
            <dt>{t('obs.congestion')}</dt>
            <dd className={h.congestion > 0.3 ? 'warn' : ''}>{percent(h.congestion, locale, 0)}</dd>
          </div>
        </dl>
      )}
      {/* Health alerts, while OBS answers; a lost link is said once, above, with its Reconnect. */}
      {connected && c.alerts.length > 0 && (
        <ul className="alerts">
          {c.alerts.slice(0, 3).map((a) => (
            <li key={`${a.key}-${a.at}`}>
              <span className="mono">{formatClock(a.at, locale)}</span> <ReasonText why={a.reason} english={a.message} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const percent = (fraction: number, locale: string, digits: number) =>
  new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(fraction);

/** What this OBS really does: streaming with its time on air, recording, or why the studio cannot tell. */
function OutputState({ connection: c }: { connection: ObsConnectionView }) {
  const { t } = useDeskText();
  const h = c.health;
  const connected = c.status === 'identified' || c.status === 'degraded';
  if (!connected || !h) {
    return (
      <p className="obs-state off" data-testid="obs-state" data-streaming="unknown">
        {t('obs.unreachable')}
      </p>
    );
  }
  return (
    <p className={`obs-state${h.streaming ? ' streaming' : ''}`} data-testid="obs-state" data-streaming={String(h.streaming)} data-recording={String(h.recording)}>
      {h.streaming ? (
        <span className="on">
          ● {h.reconnecting ? t('obs.streamReconnecting') : t('obs.streaming')} <span className="mono">{timecode(h.streamTimecode)}</span>
        </span>
      ) : (
        <span>{t('obs.notStreaming')}</span>
      )}
      {' · '}
      {h.recording ? (
        <span className="rec">
          ● {t('obs.recording')} <span className="mono">{timecode(h.recordTimecode)}</span>
        </span>
      ) : (
        <span>{t('obs.notRecording')}</span>
      )}
    </p>
  );
}

function OutputButton({ base, which, output }: { base: string; which: 'stream' | 'record'; output: ObsConnectionView['outputs']['stream'] }) {
  const { t } = useDeskText();
  // The button shows what OBS really does, not what was last pressed.
  const active = output.state === 'on';
  const busy = output.state === 'starting' || output.state === 'stopping';
  const label = busy
    ? output.state === 'starting'
      ? t('obs.starting')
      : t('obs.stopping')
    : which === 'stream'
      ? active
        ? t('obs.stopStream')
        : t('obs.goLive')
      : active
        ? t('obs.stopRecording')
        : t('obs.record');
  const confirmStop = () => !active || confirm(t('obs.confirm', { action: label }));
  return (
    <button
      className={active ? 'live' : ''}
      disabled={busy}
      data-testid={`obs-${which}`}
      data-state={output.state}
      onClick={() => confirmStop() && void act((api) => api.post(`${base}/${which}`, { action: active ? 'stop' : 'start' }))}
    >
      {label}
    </button>
  );
}

function AddObsForm({ onDone }: { onDone: () => void }) {
  return <ObsForm onDone={onDone} />;
}

/**
 * A new OBS, or one to change (name, address, password, audience): saving an existing one reconnects
 * it with what was typed. A password left empty on an existing OBS keeps the saved one.
 */
function ObsForm({ connection, onDone }: { connection?: ObsConnectionView; onDone: () => void }) {
  const { t } = useDeskText();
  const locales = useLive((s) => s.show?.locales ?? NONE);
  const [name, setName] = useState(connection?.name ?? '');
  const [url, setUrl] = useState(connection?.url ?? 'ws://127.0.0.1:4455');
  const [password, setPassword] = useState('');
  const [locale, setLocale] = useState(connection?.locale ?? locales[0]?.locale ?? 'en-GB');
  const submit = async () => {
    if (!connection) {
      return act((api) => api.post('/api/v1/obs/connections', { name: name || t('obs.defaultName', { locale }), url, password: password || undefined, locale }));
    }
    const path = `/api/v1/obs/connections/${encodeURIComponent(connection.id)}`;
    const changed = await act((api) => api.patch(path, { name: name.trim() || connection.name, url, locale, ...(password ? { password } : {}) }));
    // A new address or password relinks by itself; the same settings saved again still mean "try
    // now": the operator pressed it because it is stuck.
    const relinks = url !== connection.url || password !== '';
    return changed && (relinks || act((api) => api.post(`${path}/reconnect`)));
  };
  return (
    <form
      className="obs-form"
      data-testid={connection ? 'obs-edit-form' : 'obs-add-form'}
      onSubmit={async (e) => {
        e.preventDefault();
        if (await submit()) onDone();
      }}
    >
      <label>
        {t('obs.name')} <input data-testid="obs-form-name" value={name} onChange={(e) => setName(e.target.value)} placeholder={t('obs.namePlaceholder')} />
      </label>
      <label>
        {t('obs.address')} <input data-testid="obs-form-url" value={url} onChange={(e) => setUrl(e.target.value)} required />
      </label>
      <label>
        {t('obs.password')}{' '}
        <input
          type="password"
          data-testid="obs-form-password"
          autoComplete="off"
          value={password}
          placeholder={connection?.hasPassword ? t('obs.passwordKeep') : undefined}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      <label>
        {t('obs.audience')}
        <select data-testid="obs-form-locale" value={locale} onChange={(e) => setLocale(e.target.value)}>
          {locales.map((l) => (
            <option key={l.locale} value={l.locale}>
              {l.locale} · {l.currency}
            </option>
          ))}
        </select>
      </label>
      <button className="primary wide" type="submit" data-testid={connection ? 'obs-form-save' : undefined}>
        {connection ? t('obs.saveReconnect') : t('common.add')}
      </button>
    </form>
  );
}
