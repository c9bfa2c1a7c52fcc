import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeviceView, LanView, PairingRequestView, PairingView, Role } from '@shared/access';
import { formatDuration } from '../lib/format';
import { useLive } from '../store/live';
import { act, NONE, useStudio } from '../store/studio-store';
import { t as deskT, useDeskText } from '../i18n/desk-text';
import { formatClock } from '../lib/format';
import type { TFunction } from 'i18next';

/**
 * The list follows the live feed's operators (a device connecting, leaving, acting); this slow poll
 * only keeps "last seen" fresh for devices that stay away.
 */
const POLL_MS = 15_000;
/** While a code is on offer or a device waits, the desk asks every second: the tablet is in the producer's hand. */
const PAIRING_POLL_MS = 1000;

/** The visible strings of pairing requests on the desk, in one place for the dictionaries. */
const REQUEST_TEXT = {
  question: (name: string, role: Role) => [deskT('devices.allowBefore', { role: deskT(`role.${role}`) }), name, deskT('devices.allowAfter', { role: deskT(`role.${role}`) })] as const,
  asked: (address: string, at: number, locale: string) => deskT('devices.asked', { address, time: formatClock(at, locale) }),
  allow: () => deskT('devices.allow'),
  decline: () => deskT('devices.decline'),
  several: (n: number) => deskT('devices.several', { count: n }),
  guessed: (n: number) => deskT('devices.guessed', { count: n })
};
const ROLES: { role: Role; text: string }[] = [
  { role: 'moderator', text: 'devices.roleOption.moderator' },
  { role: 'producer', text: 'devices.roleOption.producer' },
  { role: 'viewer', text: 'devices.roleOption.viewer' },
  { role: 'host', text: 'devices.roleOption.host' }
];

/**
 * The producer's door to the studio network: LAN on or off, a code and QR code for a new device,
 * and every paired device with its presence, to rename, re-role or revoke.
 */
export function DevicesPanel() {
  const { t } = useDeskText();
  const client = useStudio((s) => s.client);
  const [lan, setLan] = useState<LanView | null>(null);
  const [devices, setDevices] = useState<DeviceView[]>([]);
  const [fetchedAt, setFetchedAt] = useState(0);
  const operators = useLive((s) => s.show?.operators ?? NONE);
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

  // The switch follows the producer's hand at once (a switch that waits for the studio's answer
  // reads as broken); the studio's answer then settles it, or puts it back when the change failed.
  const [flipping, setFlipping] = useState<boolean | null>(null);
  const setEnabled = async (enabled: boolean) => {
    latest.current++;
    setFlipping(enabled);
    try {
      const view = await act((c) => c.put<LanView>('/api/v1/lan', { enabled }));
      if (view) setLan(view);
    } finally {
      setFlipping(null);
    }
  };

  return (
    <section className="panel devices" aria-label={t('devices.title')} data-testid="devices-panel">
      <div className="panel-head">
        <h2>{t('devices.title')}</h2>
        <label className="switch">
          <input type="checkbox" role="switch" data-testid="lan-switch" checked={flipping ?? lan?.enabled ?? false} disabled={!lan || flipping !== null} onChange={(e) => void setEnabled(e.target.checked)} />
          <span>{t('devices.network')}</span>
        </label>
      </div>
      <p className="hint">
        {lan?.enabled ? t('devices.on') : t('devices.off')}
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
  const { t } = useDeskText();
  const [role, setRole] = useState<Role>('moderator');
  const offset = useLive((s) => s.clockOffset);
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
        <select aria-label={t('devices.newRole')} data-testid="pair-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r.role} value={r.role}>
              {t(r.text)}
            </option>
          ))}
        </select>
        <button className="primary" data-testid="pair-start" onClick={() => void start()}>
          {pairing ? t('devices.newCode') : t('devices.pair')}
        </button>
      </div>
      {pairing &&
        (left > 0 ? (
          <div className="pairing-code-card" data-testid="pairing">
            <img src={pairing.qrDataUrl} alt={t('devices.qrAlt', { url: pairing.url })} width={168} height={168} data-testid="pairing-qr" />
            {/* The code, the address and the expiry wrap under the QR code rather than be clipped. */}
            <div className="pairing-text">
              <p className="muted">{t('devices.scan')}</p>
              <div className="pairing-code mono" data-testid="pairing-code" aria-label={t('devices.code')}>
                {pairing.code}
              </div>
              <p className="mono small" data-testid="pairing-url">
                {pairing.url.replace(/#.*$/, '')}
              </p>
              <p>
                {t('devices.as')} <strong>{t(`role.${pairing.role}`)}</strong> · {t('devices.expiresIn')}{' '}
                <strong className="mono" data-testid="pairing-expiry">
                  {formatDuration(left)}
                </strong>{' '}
                <button className="ghost" onClick={() => void withdraw()}>
                  {t('devices.withdraw')}
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
          <p className="warn">{t('devices.expired')}</p>
        ))}
    </div>
  );
}

/** Devices that gave the right code: none gets in until the producer allows it here, by name. */
function PairingRequests({ requests, onAnswered }: { requests: PairingRequestView[]; onAnswered: () => void }) {
  const { locale } = useDeskText();
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
              <p className="muted small mono">{REQUEST_TEXT.asked(r.address, r.requestedAt, locale)}</p>
              <button className="primary" data-testid="pair-allow" onClick={() => void answer(r, true)}>
                {REQUEST_TEXT.allow()}
              </button>{' '}
              <button className="ghost" data-testid="pair-decline" onClick={() => void answer(r, false)}>
                {REQUEST_TEXT.decline()}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function DeviceList({ devices, now, onChanged }: { devices: DeviceView[]; now: number; onChanged: () => void }) {
  const { t } = useDeskText();
  if (devices.length === 0) return <p className="empty">{t('devices.none')}</p>;
  return (
    <ul className="device-list" data-testid="device-list">
      {devices.map((d) => (
        <DeviceRow key={d.id} device={d} now={now} onChanged={onChanged} />
      ))}
    </ul>
  );
}

function lastSeen(device: DeviceView, now: number, t: TFunction, locale: string): string {
  if (device.online) return t('devices.online');
  if (device.lastSeenAt === null) return t('devices.notSeen');
  const minutes = Math.round((now - device.lastSeenAt) / 60_000);
  if (minutes < 1) return t('devices.seenJustNow');
  return minutes < 60 ? t('devices.seenMinutes', { count: minutes }) : t('devices.seenAt', { time: formatClock(device.lastSeenAt, locale) });
}

function DeviceRow({ device, now, onChanged }: { device: DeviceView; now: number; onChanged: () => void }) {
  const { t, locale } = useDeskText();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(device.name);
  const offset = useLive((s) => s.clockOffset);
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
    if (!confirm(t('devices.revokeConfirm', { name: device.name }))) return;
    await act((c) => c.delete(path));
    onChanged();
  };
  return (
    <li className={`device${device.online ? ' online' : ''}`} data-testid="device" data-device-id={device.id} data-online={String(device.online)}>
      <span className="dot" aria-hidden />
      {editing ? (
        <input
          className="device-name-input"
          aria-label={t('devices.deviceName')}
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
        <button className="ghost device-name" data-testid="device-name" onClick={() => setEditing(true)} title={t('devices.rename')}>
          {device.name}
        </button>
      )}
      <span className="muted device-seen" data-testid="device-seen">
        {lastSeen(device, now + offset, t, locale)}
      </span>
      <select aria-label={t('devices.roleOf', { name: device.name })} data-testid="device-role" value={device.role} onChange={(e) => void patch({ role: e.target.value as Role })}>
        {ROLES.map((r) => (
          <option key={r.role} value={r.role}>
            {t(`role.${r.role}`)}
          </option>
        ))}
      </select>
      <button className="danger" data-testid="device-revoke" onClick={() => void revoke()}>
        {t('devices.revoke')}
      </button>
    </li>
  );
}
