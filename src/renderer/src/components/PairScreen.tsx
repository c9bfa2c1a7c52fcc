import { useEffect, useRef, useState, type FormEvent } from 'react';
import { askToPair, cancelPairing, codeFromUrl, pairingStatus, pairingWaitStore, type PairingFailure, type PairingWait } from '../api/session';
import type { PairingStatus } from '@shared/access';

/** Every visible string of the pairing screen, in one place for the dictionaries. */
const TEXT = {
  title: 'Shopcast Studio',
  heading: 'Pair this device',
  intro: 'Enter the six-digit code the producer shows under Devices → Pair a device, or scan its QR code.',
  code: 'Code',
  name: 'This device’s name',
  pair: 'Pair',
  pairing: 'Pairing…',
  wait: (seconds: number) => `Wait ${seconds} s`,
  studioComputer: ['On the studio computer itself, open the ', 'Control URL', ' the studio printed when it started (it ends in ', '?token=…', ').'],
  refused: 'That code did not work. It may be mistyped, expired (codes last 5 minutes) or already used. Ask the producer for a new code.',
  tooMany: (seconds: number) => `Too many tries from this device. Wait ${seconds} seconds, then try again.`,
  waiting: 'Waiting for the producer to allow this device…',
  waitingHow: (name: string) => `On the studio computer, the producer sees “${name}” under Devices and allows it.`,
  cancel: 'Cancel',
  declined: 'The producer did not allow this device. Ask the producer, then pair again.',
  expired: 'The producer did not answer in time. Pair again, and ask the producer to allow this device.',
  withdrawn: 'The producer withdrew that code. Ask for a new one.'
};

/** How often a waiting device asks whether the producer has answered. */
const POLL_MS = 1000;

/** A name the producer will recognise in the device list, guessed from the browser. */
function suggestedName(): string {
  const ua = navigator.userAgent;
  if (/iPad/.test(ua)) return 'iPad';
  if (/Android/.test(ua)) return 'Android tablet';
  if (/iPhone/.test(ua)) return 'iPhone';
  return 'Tablet';
}

function refusalText(err: PairingFailure): string {
  if (err.code === 'pairing_refused') return TEXT.refused;
  if (err.code === 'too_many_attempts') return TEXT.tooMany(err.retryAfterSeconds ?? 60);
  if (err.code === 'not_found') return TEXT.expired;
  return err.message;
}

const outcomeText: Record<Exclude<PairingStatus['status'], 'pending' | 'allowed'>, string> = { declined: TEXT.declined, expired: TEXT.expired, withdrawn: TEXT.withdrawn };

/**
 * The moderator's way in: the six-digit code the producer shows (pre-filled when the QR code was
 * scanned), a name for this device, Pair; then it waits until the producer allows it by that name.
 * The token it then receives stays on this device.
 */
export function PairScreen({ onPaired, notice }: { onPaired: () => void; notice?: string }) {
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
      <h1>{TEXT.title}</h1>
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
            <input data-testid="pair-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={60} placeholder="Tablet" required />
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
      <p className="muted small">
        {TEXT.studioComputer[0]}
        <strong>{TEXT.studioComputer[1]}</strong>
        {TEXT.studioComputer[2]}
        <code>{TEXT.studioComputer[3]}</code>
        {TEXT.studioComputer[4]}
      </p>
    </main>
  );
}
