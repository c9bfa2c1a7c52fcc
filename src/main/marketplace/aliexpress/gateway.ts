import { MarketplaceError } from '../connector';
import { signRequest } from './sign';

export const DEFAULT_GATEWAY = 'https://api-sg.aliexpress.com/sync';
const TIMEOUT_MS = 15_000;
/** Error codes that mean the key or signature is wrong: retrying only gets the app blocked. */
const AUTH_CODES = /^(IncompleteSignature|InvalidApiKey|InvalidAppKey|AppKeyNotExist|isv\.appkey-not-exists|InvalidSignature|Forbidden)/i;

export interface GatewayOptions {
  appKey: string;
  appSecret: string;
  gatewayUrl?: string;
  now?: () => number;
}

/**
 * One business call on the `/sync` gateway: signed form POST, a timeout, and every way it can fail
 * turned into a `MarketplaceError` the poller knows how to wait on. Answers the method's result
 * (`…_response.resp_result.result`).
 */
export async function callGateway(options: GatewayOptions, method: string, business: Record<string, string | number | undefined>): Promise<Record<string, unknown>> {
  const params: Record<string, string> = {
    app_key: options.appKey,
    method,
    timestamp: String((options.now ?? Date.now)()),
    sign_method: 'sha256',
    format: 'json',
    v: '2.0'
  };
  // Empty values are never sent: SDKs disagree on whether they are signed.
  for (const [key, value] of Object.entries(business)) if (value !== undefined && value !== '') params[key] = String(value);
  params.sign = signRequest(params, options.appSecret, method);

  let res: Response;
  try {
    res = await fetch(options.gatewayUrl ?? DEFAULT_GATEWAY, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: new URLSearchParams(params).toString(),
      signal: AbortSignal.timeout(TIMEOUT_MS)
    });
  } catch (err) {
    throw new MarketplaceError('unavailable', `AliExpress did not answer: ${(err as Error).message}`);
  }
  const retryAfterMs = retryAfter(res.headers.get('retry-after'));
  if (res.status === 429) throw new MarketplaceError('rate_limited', 'AliExpress is rate-limiting the app', retryAfterMs);
  if (res.status >= 500) throw new MarketplaceError('unavailable', `AliExpress answered ${res.status}`, retryAfterMs);
  let body: Record<string, unknown>;
  try {
    body = (await res.json()) as Record<string, unknown>;
  } catch {
    throw new MarketplaceError('bad_response', `AliExpress answered ${res.status} with something that is not JSON`);
  }
  const failure = body.error_response as { code?: string; msg?: string; sub_msg?: string } | undefined;
  if (failure) {
    const text = `AliExpress refused ${method}: ${failure.code ?? 'error'} ${failure.msg ?? ''}`.trim();
    if (AUTH_CODES.test(failure.code ?? '')) throw new MarketplaceError('auth', `${text} (check the app key and secret)`);
    throw new MarketplaceError(/limit|frequen|flow|throttl/i.test(`${failure.code} ${failure.msg}`) ? 'rate_limited' : 'unavailable', text, retryAfterMs);
  }
  const envelope = body[`${method.replace(/\./g, '_')}_response`] as { resp_result?: { resp_code?: number | string; resp_msg?: string; result?: Record<string, unknown> } } | undefined;
  const result = envelope?.resp_result;
  if (!result) throw new MarketplaceError('bad_response', `AliExpress answered ${method} without a result`);
  if (Number(result.resp_code) !== 200) throw new MarketplaceError('unavailable', `AliExpress ${method}: ${result.resp_code} ${result.resp_msg ?? ''}`.trim());
  return result.result ?? {};
}

/** `products.product[]` without `simplify`, `products[]` with it: both arrive in the wild. */
export function listOf<T>(value: unknown, inner: string): T[] {
  if (Array.isArray(value)) return value as T[];
  const wrapped = (value as Record<string, unknown> | undefined)?.[inner];
  if (Array.isArray(wrapped)) return wrapped as T[];
  return wrapped ? [wrapped as T] : [];
}

/** Amounts arrive as strings ("12.34"), sometimes numbers; always major units on these APIs. */
export function amountOf(raw: unknown): number | null {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.replace(',', '.').trim()) : NaN;
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 100) / 100 : null;
}

function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}
