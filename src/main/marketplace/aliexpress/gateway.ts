import { z } from 'zod';
import { MarketplaceError } from '../connector';
import { call, readJson, type AnswerLimits } from '../http-answer';
import { retryAfterMs } from '../../retry';
import { signRequest } from './sign';

export const DEFAULT_GATEWAY = 'https://api-sg.aliexpress.com/sync';
/** Error codes that mean the key or signature is wrong: retrying only gets the app blocked. */
const AUTH_CODES = /^(IncompleteSignature|InvalidApiKey|InvalidAppKey|AppKeyNotExist|isv\.appkey-not-exists|InvalidSignature|Forbidden)/i;

export interface GatewayOptions extends AnswerLimits {
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

  const res = await call('AliExpress', options.gatewayUrl ?? DEFAULT_GATEWAY, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
    body: new URLSearchParams(params).toString()
  }, options);
  const retryAfter = retryAfterMs(res.headers.get('retry-after'));
  if (res.status === 429) {
    await res.body?.cancel().catch(() => {});
    throw new MarketplaceError('rate_limited', 'AliExpress is rate-limiting the app', retryAfter);
  }
  if (res.status >= 500) {
    await res.body?.cancel().catch(() => {});
    throw new MarketplaceError('unavailable', `AliExpress answered ${res.status}`, retryAfter);
  }
  const answer = Envelope.safeParse(await readJson('AliExpress', res, options));
  if (!answer.success) throw new MarketplaceError('bad_response', `AliExpress answered ${res.status} with something that is not a gateway reply`);
  const body = answer.data;
  const failure = body.error_response === undefined ? undefined : ErrorResponse.parse(body.error_response);
  if (failure) {
    const text = `AliExpress refused ${method}: ${failure.code ?? 'error'} ${failure.msg ?? ''}`.trim();
    if (AUTH_CODES.test(failure.code ?? '')) throw new MarketplaceError('auth', `${text} (check the app key and secret)`);
    throw new MarketplaceError(/limit|frequen|flow|throttl/i.test(`${failure.code} ${failure.msg}`) ? 'rate_limited' : 'unavailable', text, retryAfter);
  }
  const envelope = MethodResponse.safeParse(body[`${method.replace(/\./g, '_')}_response`]);
  const result = envelope.success ? envelope.data.resp_result : undefined;
  if (!result) throw new MarketplaceError('bad_response', `AliExpress answered ${method} without a result`);
  if (Number(result.resp_code) !== 200) throw new MarketplaceError('unavailable', `AliExpress ${method}: ${result.resp_code} ${result.resp_msg ?? ''}`.trim());
  return result.result ?? {};
}

// What the studio reads of a gateway reply; anything else in it is ignored, and a reply not even
// shaped like this is a `bad_response` the poller backs off from, never a crash.
// Texts from the platform end up in the status line: a hostile one is cut short.
const Text = z.union([z.string(), z.number()]).transform((t) => String(t).slice(0, 200));
const Envelope = z.record(z.string(), z.unknown());
const ErrorResponse = z.object({ code: Text.optional().catch(undefined), msg: Text.optional().catch(undefined) }).catch({ code: 'error' });
const MethodResponse = z.object({
  resp_result: z.object({ resp_code: Text.optional(), resp_msg: Text.optional().catch(undefined), result: z.record(z.string(), z.unknown()).nullish().transform((r) => r ?? undefined) })
});

/**
 * `products.product[]` without `simplify`, `products[]` with it: both arrive in the wild. Only
 * objects are items: a number or a null in the list is dropped, not read as an order.
 */
export function listOf<T>(value: unknown, inner: string): T[] {
  const wrapped = Array.isArray(value) ? value : isObject(value) ? value[inner] : undefined;
  const items: unknown[] = Array.isArray(wrapped) ? wrapped : wrapped === undefined ? [] : [wrapped];
  return items.filter(isObject) as T[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Amounts arrive as strings ("12.34"), sometimes numbers; always major units on these APIs. */
export function amountOf(raw: unknown): number | null {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.replace(',', '.').trim()) : NaN;
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 100) / 100 : null;
}
