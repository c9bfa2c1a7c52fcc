import type { ApiErrorBody } from '../../../shared/view';
import type { DeviceView } from '../../../shared/access';
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

export interface Paired {
  token: string;
  device: DeviceView;
}

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

/** `POST /api/v1/pair`: the code is the credential, once; the token it returns is this device's. */
export async function pairDevice(code: string, name: string): Promise<Paired> {
  let res: Response;
  try {
    res = await fetch(`${window.location.origin}/api/v1/pair`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopcast-client': 'control-room' },
      body: JSON.stringify({ code, name })
    });
  } catch {
    throw new PairingFailure(0, 'offline', t('pair.offline'), null);
  }
  const data = (await res.json().catch(() => undefined)) as (Paired & ApiErrorBody) | undefined;
  if (!res.ok) {
    const retry = Number(res.headers.get('retry-after'));
    throw new PairingFailure(res.status, data?.error?.code ?? 'error', data?.error?.message ?? t('pair.answered', { status: res.status }), Number.isFinite(retry) && retry > 0 ? retry : null);
  }
  localStorage.setItem(DEVICE_TOKEN_KEY, data!.token);
  return data!;
}
