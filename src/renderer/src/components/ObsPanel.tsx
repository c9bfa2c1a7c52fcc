import { useState } from 'react';
import type { ObsConnectionView } from '@shared/obs';
import { act, NONE } from '../store/studio-store';
import { useLive } from '../store/live';

const STATUS_TEXT: Record<ObsConnectionView['status'], string> = {
  identified: 'Connected',
  degraded: 'Not answering',
  connecting: 'Connecting…',
  backing_off: 'Waiting to retry',
  failed: 'Needs attention',
  stopped: 'Stopped'
};

/** New operator-facing strings of the OBS card, kept together for the move to the dictionaries. */
const TEXT = {
  streamRefused: 'Going live failed:',
  recordRefused: 'Recording failed:',
  starting: 'Starting…',
  stopping: 'Stopping…',
  putBack: (count: number, ms: number) => `After reconnecting, the studio put back ${count} thing${count === 1 ? '' : 's'} OBS had lost (${ms} ms)`
};

/** Every OBS the show drives: link, setup, scenes, outputs and health, one card each. */
export function ObsPanel() {
  const connections = useLive((s) => s.show?.obs ?? NONE);
  const [adding, setAdding] = useState(false);
  return (
    <section className="panel obs-panel" aria-label="OBS">
      <div className="panel-head">
        <h2>OBS</h2>
        <button data-testid="obs-add-open" onClick={() => setAdding((a) => !a)}>
          {adding ? 'Cancel' : 'Add OBS…'}
        </button>
      </div>
      {adding && <AddObsForm onDone={() => setAdding(false)} />}
      {connections.length === 0 && !adding && <p className="empty">No OBS yet. Add one (OBS → Tools → WebSocket Server Settings shows its address and password).</p>}
      {connections.map((c) => (
        <ObsCard key={c.id} connection={c} />
      ))}
    </section>
  );
}

function ObsCard({ connection: c }: { connection: ObsConnectionView }) {
  const base = `/api/v1/obs/connections/${encodeURIComponent(c.id)}`;
  const connected = c.status === 'identified' || c.status === 'degraded';
  const h = c.health;
  return (
    <div className={`obs-card status-${c.status}`} data-testid="obs-connection" data-status={c.status} data-setup={c.setup.state}>
      <div className="obs-title">
        <span className="dot" aria-hidden />
        <strong>{c.name}</strong>
        <span className="chip">
          {c.locale} · {c.currency}
        </span>
        <span className="muted">{STATUS_TEXT[c.status]}</span>
        <button className="ghost" aria-label={`Remove ${c.name}`} onClick={() => confirm(`Remove ${c.name}?`) && void act((api) => api.delete(base))}>
          ✕
        </button>
      </div>
      {c.lastError && c.status !== 'identified' && <p className="warn">{c.lastError}</p>}
      {c.setup.state === 'needed' && connected && (
        <p className="hint">
          This OBS has no Shopcast scene yet.{' '}
          <button data-testid="obs-setup" className="primary" onClick={() => void act((api) => api.post(`${base}/setup`))}>
            Set up
          </button>
        </p>
      )}
      {c.setup.state === 'repair' && connected && (
        <p className="warn">
          Missing in OBS: {c.setup.missing.join(', ')}.{' '}
          <button data-testid="obs-setup" onClick={() => void act((api) => api.post(`${base}/setup`))}>
            Repair
          </button>
        </p>
      )}
      {c.setup.message && <p className="warn">{c.setup.message}</p>}
      {connected && (
        <div className="obs-controls">
          <select aria-label="Program scene" value={c.currentScene ?? ''} onChange={(e) => void act((api) => api.post(`${base}/scene`, { sceneName: e.target.value }))}>
            {c.scenes.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
          <OutputButton base={base} which="stream" output={c.outputs.stream} />
          <OutputButton base={base} which="record" output={c.outputs.record} />
          {c.setup.state === 'ready' && (
            <button className="ghost" onClick={() => void act((api) => api.post(`${base}/setup`))} title="Re-create the studio's scene and sources">
              Re-run setup
            </button>
          )}
        </div>
      )}
      {c.outputs.stream.error && (
        <p className="warn" data-testid="obs-stream-error">
          {TEXT.streamRefused} {c.outputs.stream.error}
        </p>
      )}
      {c.outputs.record.error && (
        <p className="warn" data-testid="obs-record-error">
          {TEXT.recordRefused} {c.outputs.record.error}
        </p>
      )}
      {c.imageNote && <p className="hint">{c.imageNote}</p>}
      {c.resync && c.resync.reapplied.length > 0 && connected && (
        <p className="muted" title={c.resync.reapplied.join('\n')} data-testid="obs-resync">
          {TEXT.putBack(c.resync.reapplied.length, c.resync.ms)}
        </p>
      )}
      {h && connected && (
        <dl className="health">
          <div>
            <dt>FPS</dt>
            <dd>{h.fps}</dd>
          </div>
          <div>
            <dt>CPU</dt>
            <dd>{h.cpuPercent}%</dd>
          </div>
          <div>
            <dt>Dropped (render)</dt>
            <dd className={h.renderSkippedRecent > 0.05 ? 'warn' : ''}>{(h.renderSkippedRecent * 100).toFixed(1)}%</dd>
          </div>
          <div>
            <dt>Dropped (output)</dt>
            <dd className={h.outputSkippedRecent > 0.02 ? 'warn' : ''}>{(h.outputSkippedRecent * 100).toFixed(1)}%</dd>
          </div>
          <div>
            <dt>Bitrate</dt>
            <dd>{h.bitrateKbps === null ? '—' : `${h.bitrateKbps.toLocaleString()} kb/s`}</dd>
          </div>
          <div>
            <dt>Congestion</dt>
            <dd className={h.congestion > 0.3 ? 'warn' : ''}>{Math.round(h.congestion * 100)}%</dd>
          </div>
        </dl>
      )}
      {c.alerts.length > 0 && (
        <ul className="alerts">
          {c.alerts.slice(0, 3).map((a) => (
            <li key={`${a.key}-${a.at}`}>
              <span className="mono">{new Date(a.at).toLocaleTimeString()}</span> {a.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function OutputButton({ base, which, output }: { base: string; which: 'stream' | 'record'; output: ObsConnectionView['outputs']['stream'] }) {
  // The button shows what OBS really does, not what was last pressed.
  const active = output.state === 'on';
  const busy = output.state === 'starting' || output.state === 'stopping';
  const label = busy ? (output.state === 'starting' ? TEXT.starting : TEXT.stopping) : which === 'stream' ? (active ? 'Stop stream' : 'Go live') : active ? 'Stop recording' : 'Record';
  const confirmStop = () => !active || confirm(`${label}?`);
  return (
    <button className={active ? 'live' : ''} disabled={busy} data-testid={`obs-${which}`} data-state={output.state} onClick={() => confirmStop() && void act((api) => api.post(`${base}/${which}`, { action: active ? 'stop' : 'start' }))}>
      {label}
    </button>
  );
}

function AddObsForm({ onDone }: { onDone: () => void }) {
  const locales = useLive((s) => s.show?.locales ?? NONE);
  const [name, setName] = useState('');
  const [url, setUrl] = useState('ws://127.0.0.1:4455');
  const [password, setPassword] = useState('');
  const [locale, setLocale] = useState(locales[0]?.locale ?? 'en-GB');
  return (
    <form
      className="obs-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const added = await act((api) => api.post('/api/v1/obs/connections', { name: name || `OBS ${locale}`, url, password: password || undefined, locale }));
        if (added) onDone();
      }}
    >
      <label>
        Name <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Polish channel" />
      </label>
      <label>
        Address <input value={url} onChange={(e) => setUrl(e.target.value)} required />
      </label>
      <label>
        Password <input type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <label>
        Audience
        <select value={locale} onChange={(e) => setLocale(e.target.value)}>
          {locales.map((l) => (
            <option key={l.locale} value={l.locale}>
              {l.locale} · {l.currency}
            </option>
          ))}
        </select>
      </label>
      <button className="primary" type="submit">
        Add
      </button>
    </form>
  );
}
