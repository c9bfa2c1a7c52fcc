import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeviceView, LanView, PairingRequestView, PairingView, Role } from '../../../shared/access';
import { formatDuration } from '../lib/format';
import { act, NONE, useStudio } from '../store/studio-store';

/**
 * The list follows the live feed's operators (a device connecting, leaving, acting); this slow poll
 * only keeps "last seen" fresh for devices that stay away.
 */
const POLL_MS = 15_000;
/** While a code is on offer or a device waits, the desk asks every second: the tablet is in the producer's hand. */
const PAIRING_POLL_MS = 1000;

/** The visible strings of pairing requests on the desk, in one place for the dictionaries. */
const REQUEST_TEXT = {
  question: (name: string, role: Role) => [`Allow `, name, ` as ${role}?`] as const,
  asked: (address: string, at: number) => `${address} · asked at ${new Date(at).toLocaleTimeString()}`,
  allow: 'Allow',
  decline: 'Decline',
  several: (n: number) => `${n} devices gave the code. Allow only the one you are handing over; decline the others.`,
  guessed: (n: number) => `${n} pairing ${n === 1 ? 'attempt was' : 'attempts were'} refused (a wrong code, or too many tries). A guess gets nobody in: only a device you allow here does.`
};
const ROLES: { role: Role; text: string }[] = [
  { role: 'moderator', text: 'as moderator: runs the rundown' },
  { role: 'producer', text: 'as producer: everything' },
  { role: 'viewer', text: 'as viewer: watches only' },
  { role: 'host', text: 'as host: the host monitor (/host), sees the show and its messages' }
];

/**
 * The producer's door to the studio network: LAN on or off, a code and QR code for a new device,
 * and every paired device with its presence, to rename, re-role or revoke.
 */
export function DevicesPanel() {
  const client = useStudio((s) => s.client);
  const [lan, setLan] = useState<LanView | null>(null);
  const [devices, setDevices] = useState<DeviceView[]>([]);
  const [fetchedAt, setFetchedAt] = useState(0);
  const operators = useStudio((s) => s.show?.operators ?? NONE);
  // Every refresh and every action of the producer's takes a number: an answer to an older one
  // arriving late must not undo what the producer just did (the switch flipping back).
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    if (!client) return;
    const mine = ++latest.current;
    const [lanView, list] = await Promise.all([client.get<LanView>('/api/v1/lan'), client.get<{ devices: DeviceView[] }>('/api/v1/devices')]);
    if (mine !== latest.current) return;
    setLan(lanView);
    setDevices(list.devices);
    setFetchedAt(Date.now());
  }, [client]);

  useEffect(() => {
    const poll = () => void refresh().catch(() => undefined);
    const first = window.setTimeout(poll, 0);
    const timer = window.setInterval(poll, POLL_MS);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [refresh, operators]);

  const expecting = Boolean(lan?.pairing) || (lan?.requests.length ?? 0) > 0;
  useEffect(() => {
    if (!expecting) return;
    const timer = window.setInterval(() => void refresh().catch(() => undefined), PAIRING_POLL_MS);
    return () => window.clearInterval(timer);
  }, [refresh, expecting]);

  const setEnabled = async (enabled: boolean) => {
    latest.current++;
    const view = await act((c) => c.put<LanView>('/api/v1/lan', { enabled }));
    if (view) setLan(view);
  };

  return (
    <section className="panel devices" aria-label="Devices" data-testid="devices-panel">
      <div className="panel-head">
        <h2>Devices</h2>
        <label className="switch">
          <input type="checkbox" role="switch" data-testid="lan-switch" checked={lan?.enabled ?? false} disabled={!lan} onChange={(e) => void setEnabled(e.target.checked)} />
          <span>Studio network</span>
        </label>
      </div>
      <p className="hint">
        {lan?.enabled
          ? 'On: devices on this network can open the studio if they have a code. Turn it off when the show is over.'
          : 'Off: only this computer can open the studio. Turn it on to pair a tablet — devices on this network can then open the studio if they have a code.'}
      </p>
      {lan?.enabled && (
        <>
          <ul className="lan-urls" data-testid="lan-urls">
            {lan.urls.map((u) => (
              <li key={u} className="mono">
                {u}
              </li>
            ))}
          </ul>
          <Pairing
            pairing={lan.pairing}
            onChange={(p) => {
              latest.current++;
              setLan({ ...lan, pairing: p });
            }}
          />
          <PairingRequests requests={lan.requests} onAnswered={() => void refresh().catch(() => undefined)} />
        </>
      )}
      <DeviceList devices={devices} now={fetchedAt} onChanged={() => void refresh().catch(() => undefined)} />
    </section>
  );
}

function Pairing({ pairing, onChange }: { pairing: PairingView | null; onChange: (p: PairingView | null) => void }) {
  const [role, setRole] = useState<Role>('moderator');
  const offset = useStudio((s) => s.clockOffset);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!pairing) return;
    const timer = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(timer);
  }, [pairing]);

  const start = async () => {
    const view = await act((c) => c.post<PairingView>('/api/v1/lan/pairing', { role }));
    if (view) onChange(view);
  };
  const withdraw = async () => {
    await act((c) => c.delete('/api/v1/lan/pairing'));
    onChange(null);
  };

  const left = pairing ? pairing.expiresAt - (now + offset) : 0;
  return (
    <div className="pairing">
      <div className="pairing-start">
        <select aria-label="Role of the new device" data-testid="pair-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r.role} value={r.role}>
              {r.text}
            </option>
          ))}
        </select>
        <button className="primary" data-testid="pair-start" onClick={() => void start()}>
          {pairing ? 'New code' : 'Pair a device'}
        </button>
      </div>
      {pairing &&
        (left > 0 ? (
          <div className="pairing-code-card" data-testid="pairing">
            <img src={pairing.qrDataUrl} alt={`QR code opening ${pairing.url}`} width={168} height={168} data-testid="pairing-qr" />
            <div>
              <p className="muted">Scan with the tablet’s camera, or open the address and type the code.</p>
              <div className="pairing-code mono" data-testid="pairing-code" aria-label="Pairing code">
                {pairing.code}
              </div>
              <p className="mono small" data-testid="pairing-url">
                {pairing.url.replace(/#.*$/, '')}
              </p>
              <p>
                as <strong>{pairing.role}</strong> · expires in <strong className="mono" data-testid="pairing-expiry">{formatDuration(left)}</strong>{' '}
                <button className="ghost" onClick={() => void withdraw()}>
                  Withdraw
                </button>
              </p>
              {pairing.refusedAttempts > 0 && (
                <p className="warn small" data-testid="pairing-refused-attempts">
                  {REQUEST_TEXT.guessed(pairing.refusedAttempts)}
                </p>
              )}
            </div>
          </div>
        ) : (
          <p className="warn">The code expired. Make a new one.</p>
        ))}
    </div>
  );
}

/** Devices that gave the right code: none gets in until the producer allows it here, by name. */
function PairingRequests({ requests, onAnswered }: { requests: PairingRequestView[]; onAnswered: () => void }) {
  if (requests.length === 0) return null;
  const answer = async (request: PairingRequestView, allow: boolean) => {
    const path = `/api/v1/lan/pairing/requests/${encodeURIComponent(request.id)}`;
    await act((c) => (allow ? c.post(`${path}/allow`) : c.delete(path)));
    onAnswered();
  };
  return (
    <div className="pairing-requests" data-testid="pairing-requests">
      {requests.length > 1 && <p className="warn">{REQUEST_TEXT.several(requests.length)}</p>}
      <ul>
        {requests.map((r) => {
          const [before, name, after] = REQUEST_TEXT.question(r.name, r.role);
          return (
            <li key={r.id} className="pairing-request" data-testid="pairing-request" data-request-id={r.id}>
              <p>
                {before}
                <strong data-testid="pairing-request-name">{name}</strong>
                {after}
              </p>
              <p className="muted small mono">{REQUEST_TEXT.asked(r.address, r.requestedAt)}</p>
              <button className="primary" data-testid="pair-allow" onClick={() => void answer(r, true)}>
                {REQUEST_TEXT.allow}
              </button>{' '}
              <button className="ghost" data-testid="pair-decline" onClick={() => void answer(r, false)}>
                {REQUEST_TEXT.decline}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function DeviceList({ devices, now, onChanged }: { devices: DeviceView[]; now: number; onChanged: () => void }) {
  if (devices.length === 0) return <p className="empty">No device paired yet.</p>;
  return (
    <ul className="device-list" data-testid="device-list">
      {devices.map((d) => (
        <DeviceRow key={d.id} device={d} now={now} onChanged={onChanged} />
      ))}
    </ul>
  );
}

function lastSeen(device: DeviceView, now: number): string {
  if (device.online) return 'online';
  if (device.lastSeenAt === null) return 'not seen yet';
  const minutes = Math.round((now - device.lastSeenAt) / 60_000);
  return minutes < 1 ? 'seen just now' : minutes < 60 ? `seen ${minutes} min ago` : `seen at ${new Date(device.lastSeenAt).toLocaleTimeString()}`;
}

function DeviceRow({ device, now, onChanged }: { device: DeviceView; now: number; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(device.name);
  const offset = useStudio((s) => s.clockOffset);
  const path = `/api/v1/devices/${encodeURIComponent(device.id)}`;
  const patch = async (body: { name?: string; role?: Role }) => {
    await act((c) => c.patch(path, body));
    onChanged();
  };
  const rename = () => {
    setEditing(false);
    if (name.trim() && name.trim() !== device.name) void patch({ name: name.trim() });
    else setName(device.name);
  };
  const revoke = async () => {
    if (!confirm(`Revoke ${device.name}? It is disconnected at once and needs a new code to come back.`)) return;
    await act((c) => c.delete(path));
    onChanged();
  };
  return (
    <li className={`device${device.online ? ' online' : ''}`} data-testid="device" data-device-id={device.id} data-online={String(device.online)}>
      <span className="dot" aria-hidden />
      {editing ? (
        <input
          className="device-name-input"
          aria-label="Device name"
          value={name}
          autoFocus
          maxLength={60}
          onChange={(e) => setName(e.target.value)}
          onBlur={rename}
          onKeyDown={(e) => {
            if (e.key === 'Enter') rename();
            if (e.key === 'Escape') {
              setName(device.name);
              setEditing(false);
            }
          }}
        />
      ) : (
        <button className="ghost device-name" data-testid="device-name" onClick={() => setEditing(true)} title="Rename">
          {device.name}
        </button>
      )}
      <span className="muted device-seen" data-testid="device-seen">
        {lastSeen(device, now + offset)}
      </span>
      <select aria-label={`Role of ${device.name}`} data-testid="device-role" value={device.role} onChange={(e) => void patch({ role: e.target.value as Role })}>
        {ROLES.map((r) => (
          <option key={r.role} value={r.role}>
            {r.role}
          </option>
        ))}
      </select>
      <button className="danger" data-testid="device-revoke" onClick={() => void revoke()}>
        Revoke
      </button>
    </li>
  );
}
