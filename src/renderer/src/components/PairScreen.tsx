import { useEffect, useState, type FormEvent } from 'react';
import { codeFromUrl, pairDevice, type PairingFailure } from '../api/session';

/** A name the producer will recognise in the device list, guessed from the browser. */
function suggestedName(): string {
  const ua = navigator.userAgent;
  if (/iPad/.test(ua)) return 'iPad';
  if (/Android/.test(ua)) return 'Android tablet';
  if (/iPhone/.test(ua)) return 'iPhone';
  return 'Tablet';
}

function refusalText(err: PairingFailure): string {
  if (err.code === 'pairing_refused') return 'That code did not work. It may be mistyped, expired (codes last 5 minutes) or already used. Ask the producer for a new code.';
  if (err.code === 'too_many_attempts') return `Too many tries from this device. Wait ${err.retryAfterSeconds ?? 60} seconds, then try again.`;
  return err.message;
}

/**
 * The moderator's way in: the six-digit code the producer shows (pre-filled when the QR code was
 * scanned), a name for this device, Pair. The token it receives stays on this device.
 */
export function PairScreen({ onPaired, notice }: { onPaired: () => void; notice?: string }) {
  const [code, setCode] = useState(codeFromUrl);
  const [name, setName] = useState(suggestedName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const waiting = waitUntil > now;

  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [waiting]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await pairDevice(code, name.trim() || suggestedName());
      // The code is spent: take it out of the address bar and open the control room.
      history.replaceState(null, '', '/');
      onPaired();
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
      <h1>Shopcast Studio</h1>
      {notice && (
        <p className="gate-notice" data-testid="removed" role="alert">
          {notice}
        </p>
      )}
      <form onSubmit={submit} className="pair-form">
        <h2>Pair this device</h2>
        <p className="muted">Enter the six-digit code the producer shows under Devices → Pair a device, or scan its QR code.</p>
        <label>
          Code
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
          This device’s name
          <input data-testid="pair-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={60} placeholder="Tablet" required />
        </label>
        <button type="submit" className="primary big" data-testid="pair-submit" disabled={busy || waiting || code.length !== 6}>
          {busy ? 'Pairing…' : waiting ? `Wait ${Math.ceil((waitUntil - now) / 1000)} s` : 'Pair'}
        </button>
        {error && (
          <p className="pair-error" role="alert" data-testid="pair-error">
            {error}
          </p>
        )}
      </form>
      <p className="muted small">
        On the studio computer itself, open the <strong>Control URL</strong> the studio printed when it started (it ends in <code>?token=…</code>).
      </p>
    </main>
  );
}
