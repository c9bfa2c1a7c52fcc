import { createHmac } from 'node:crypto';

/**
 * The AliExpress Open Platform signature (`sign_method=sha256`): every parameter but `sign`, keys
 * in plain code-unit order, concatenated as `key1value1key2value2…` with raw values, prefixed with
 * the API path for system APIs (names containing `/`), HMAC-SHA256 with the app secret, upper-case hex.
 */
export function signRequest(params: Record<string, string>, appSecret: string, apiName?: string): string {
  const keys = Object.keys(params)
    .filter((k) => k !== 'sign')
    // Default sort compares UTF-16 code units, as the platform does; localeCompare would not.
    .sort();
  const prefix = apiName?.includes('/') ? apiName : '';
  const text = prefix + keys.map((k) => k + params[k]).join('');
  return createHmac('sha256', appSecret).update(text, 'utf8').digest('hex').toUpperCase();
}
