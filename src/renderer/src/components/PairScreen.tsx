import { useEffect, useRef, useState, type FormEvent } from 'react';
import { askToPair, cancelPairing, codeFromUrl, pairingStatus, pairingWaitStore, type PairingFailure, type PairingWait } from '../api/session';
import type { PairingStatus } from '@shared/access';
import { t, useDeskText } from '../i18n/desk-text';
import { LanguagePicker } from './LanguagePicker';

/** Every visible string of the pairing screen, from the desk's dictionary, read when shown. */
const TEXT = {
  get title() { return t('app.name'); },
  get heading() { return t('pair.title'); },
  get intro() { return t('pair.help'); },
  get code() { return t('pair.code'); },
  get name() { return t('pair.name'); },
  get pair() { return t('pair.submit'); },
  get pairing() { return t('pair.busy'); },
  wait: (seconds: number) => t('pair.wait', { seconds }),
  get studioComputer() { return t('pair.ownerHint'); },
  get refused() { return t('pair.refused'); },
  tooMany: (seconds: number) => t('pair.tooMany', { count: seconds }),
  get waiting() { return t('pair.waiting'); },
  waitingHow: (name: string) => t('pair.waitingHow', { name }),
  get cancel() { return t('common.cancel'); },
  get declined() { return t('pair.declined'); },
  get expired() { return t('pair.noAnswer'); },
  get withdrawn() { return t('pair.withdrawn'); },
  get placeholder() { return t('pair.device.tablet'); }
};

/** How often a waiting device asks whether the producer has answered. */
const POLL_MS = 1000;

/** A name the producer will recognise in the device list, guessed from the browser. */
function suggestedName(): string {
  const ua = navigator.userAgent;
  if (/iPad/.test(ua)) return t('pair.device.ipad');
  if (/Android/.test(ua)) return t('pair.device.android');
  if (/iPhone/.test(ua)) return t('pair.device.iphone');
  return t('pair.device.tablet');
}

function refusalText(err: PairingFailure): string {
  if (err.code === 'pairing_refused') return TEXT.refused;
  if (err.code === 'too_many_attempts') return TEXT.tooMany(err.retryAfterSeconds ?? 60);
  if (err.code === 'not_found') return TEXT.expired;
  return err.message;
}

const outcomeText: Record<Exclude<PairingStatus['status'], 'pending' | 'allowed'>, string> = {
  get declined() { return TEXT.declined; },
  get expired() { return TEXT.expired; },
  get withdrawn() { return TEXT.withdrawn; }
};

/**
 * The moderator's way in: the six-digit code the producer shows (pre-filled when the QR code was
 * scanned), a name for this device, Pair; then it waits until the producer allows it by that name.
 * The token it then receives stays on this device.
 */
export function PairScreen({ onPaired, notice }: { onPaired: () => void; notice?: string }) {
  // Read for its re-render: a language picked here changes every word of this screen at once.
  useDeskText();
  const [code, setCode] = useState(codeFromUrl);
  const [name, setName] = useState(suggestedName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const [asked, setAskedState] = useState<(PairingWait & { name: string }) | null>(pairingWaitStore.load);
  const setAsked = (wait: (PairingWait & { name: string }) | null) => {
    pairingWaitStore.save(wait);
    setAskedState(wait);
  };
  const waiting = waitUntil > now;
  // The parent's callback may change identity on every render: polling must not restart for it.
  const paired = useRef(onPaired);
  useEffect(() => {
    paired.current = onPaired;
  }, [onPaired]);

  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [waiting]);

  // Waiting for the producer: ask until the answer comes (a network hiccup just means asking again).
  useEffect(() => {
    if (!asked) return;
    let timer = 0;
    let stopped = false;
    const poll = async () => {
      try {
        const status = await pairingStatus(asked.ticket);
        if (stopped) return;
        if (status.status === 'allowed') {
          // Paired: take the code out of the address bar and open the control room.
          pairingWaitStore.save(null);
          history.replaceState(null, '', '/');
          paired.current();
          return;
        }
        if (status.status !== 'pending') {
          setAsked(null);
          setError(outcomeText[status.status]);
          return;
        }
      } catch (err) {
        if (stopped) return;
        if ((err as PairingFailure).status === 404) {
          setAsked(null);
          setError(refusalText(err as PairingFailure));
          return;
        }
      }
      timer = window.setTimeout(() => void poll(), POLL_MS);
    };
    timer = window.setTimeout(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [asked]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const deviceName = name.trim() || suggestedName();
    try {
      setAsked({ ...(await askToPair(code, deviceName)), name: deviceName });
    } catch (err) {
      const failure = err as PairingFailure;
      setError(refusalText(failure));
      if (failure.retryAfterSeconds) {
        setWaitUntil(Date.now() + failure.retryAfterSeconds * 1000);
        setNow(Date.now());
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="gate pair-screen" data-testid="pair-screen">
      <div className="gate-head">
        <h1>{TEXT.title}</h1>
        <LanguagePicker />
      </div>
      {notice && (
        <p className="gate-notice" data-testid="removed" role="alert">
          {notice}
        </p>
      )}
      {asked ? (
        <div className="pair-form" data-testid="pair-waiting" role="status">
          <h2>{TEXT.waiting}</h2>
          <p className="muted">{TEXT.waitingHow(asked.name)}</p>
          <button
            className="big"
            data-testid="pair-cancel"
            onClick={() => {
              void cancelPairing(asked.ticket);
              setAsked(null);
            }}
          >
            {TEXT.cancel}
          </button>
        </div>
      ) : (
        <form onSubmit={submit} className="pair-form">
          <h2>{TEXT.heading}</h2>
          <p className="muted">{TEXT.intro}</p>
          <label>
            {TEXT.code}
            <input
              className="code-input"
              data-testid="pair-code"
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="\d{6}"
              maxLength={6}
              placeholder="000000"
              required
              autoFocus={!code}
            />
          </label>
          <label>
            {TEXT.name}
            <input data-testid="pair-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={60} placeholder={TEXT.placeholder} required />
          </label>
          <button type="submit" className="primary big" data-testid="pair-submit" disabled={busy || waiting || code.length !== 6}>
            {busy ? TEXT.pairing : waiting ? TEXT.wait(Math.ceil((waitUntil - now) / 1000)) : TEXT.pair}
          </button>
          {error && (
            <p className="pair-error" role="alert" data-testid="pair-error">
              {error}
            </p>
          )}
        </form>
      )}
      <p className="muted small">{TEXT.studioComputer}</p>
    </main>
  );
}
