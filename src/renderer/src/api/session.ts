import type { ApiErrorBody } from '@shared/view';
import type { PairingStatus } from '@shared/access';
import { ApiFailure, type StudioAddress } from './client';
import { t } from '../i18n/desk-text';

const OWNER_TOKEN_KEY = 'shopcast.token';
/** A paired device keeps its token across reloads: a tablet stays paired for the whole season. */
export const DEVICE_TOKEN_KEY = 'shopcast.deviceToken';

/**
 * Where the studio is and which credential to use: the desktop bridge, the Control URL's `?token=`
 * (the owner's, kept for this tab only and taken out of the address bar), or a paired device's token.
 */
export async function findStudio(): Promise<StudioAddress | null> {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    // A token in the address bar ends up in screenshots and screen shares: keep it for this tab only.
    sessionStorage.setItem(OWNER_TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  if (window.shopcastDesktop) return { ...(await window.shopcastDesktop.core()), kind: 'owner' };
  const owner = fromUrl ?? sessionStorage.getItem(OWNER_TOKEN_KEY);
  if (owner) return { baseUrl: window.location.origin, token: owner, kind: 'owner' };
  const device = localStorage.getItem(DEVICE_TOKEN_KEY);
  return device ? { baseUrl: window.location.origin, token: device, kind: 'device' } : null;
}

/** The credential was refused: never offer it again. */
export function forgetToken(address: StudioAddress): void {
  if (address.kind === 'device') localStorage.removeItem(DEVICE_TOKEN_KEY);
  else sessionStorage.removeItem(OWNER_TOKEN_KEY);
}

/** The code the producer's QR code carries in the URL fragment (`/pair#code=123456`). */
export function codeFromUrl(): string {
  const match = /(?:^|[#&])code=(\d{6})\b/.exec(window.location.hash);
  return match?.[1] ?? '';
}

export const isPairingPath = (): boolean => window.location.pathname.replace(/\/+$/, '') === '/pair';

/** A refused pairing, with how long to wait when the studio said "too many tries". */
export class PairingFailure extends ApiFailure {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly retryAfterSeconds: number | null
  ) {
    super(status, code, message);
  }
}

/** What `POST /api/v1/pair` gives a device with the right code: a place in the producer's list. */
export interface PairingWait {
  ticket: string;
  expiresAt: number;
}

/** `POST /api/v1/pair`: the right code puts this device on the producer's list; the token comes once allowed. */
export function askToPair(code: string, name: string): Promise<PairingWait> {
  return pairingCall<PairingWait>('/api/v1/pair', { code, name });
}

/** `POST /api/v1/pair/status`: still waiting, or allowed (then the token, kept on this device), or not. */
export async function pairingStatus(ticket: string): Promise<PairingStatus> {
  const status = await pairingCall<PairingStatus>('/api/v1/pair/status', { ticket });
  if (status.status === 'allowed') localStorage.setItem(DEVICE_TOKEN_KEY, status.token);
  return status;
}

/** `POST /api/v1/pair/cancel`: this device stops waiting and leaves the producer's list (best effort). */
export async function cancelPairing(ticket: string): Promise<void> {
  await pairingCall<unknown>('/api/v1/pair/cancel', { ticket }).catch(() => undefined);
}

const WAITING_KEY = 'shopcast.pairingWait';

/** A tablet's browser may reload a page in the background: the wait survives it, in this tab only. */
export const pairingWaitStore = {
  load(): (PairingWait & { name: string }) | null {
    try {
      const saved = JSON.parse(sessionStorage.getItem(WAITING_KEY) ?? 'null') as (PairingWait & { name: string }) | null;
      return saved && typeof saved.ticket === 'string' && saved.expiresAt > Date.now() ? saved : null;
    } catch {
      return null;
    }
  },
  save(wait: (PairingWait & { name: string }) | null): void {
    if (wait) sessionStorage.setItem(WAITING_KEY, JSON.stringify(wait));
    else sessionStorage.removeItem(WAITING_KEY);
  }
};

async function pairingCall<T>(path: string, body: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${window.location.origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopcast-client': 'control-room' },
      body: JSON.stringify(body)
    });
  } catch {
    throw new PairingFailure(0, 'offline', t('pair.offline'), null);
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => undefined)) as (T & ApiErrorBody) | undefined;
  if (!res.ok) {
    const retry = Number(res.headers.get('retry-after'));
    throw new PairingFailure(res.status, data?.error?.code ?? 'error', data?.error?.message ?? t('pair.answered', { status: res.status }), Number.isFinite(retry) && retry > 0 ? retry : null);
  }
  return data!;
}
