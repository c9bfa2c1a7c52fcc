import type { IncomingOrder } from '../../shared/sales';

/** `ProductId`'s pattern (src/shared/product.ts); tests/unit/main/show/order-check.test.ts holds the two together. */
const PRODUCT_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const CURRENCY_CODE = /^[A-Z]{3}$/;

/**
 * The `IncomingOrder` schema (src/shared/sales.ts) as plain code: the same orders accepted, the same
 * object out (unknown keys dropped, a missing locale null), or null. Zod allocated about 2 KB per
 * order checking a poll, so a big poll meant a young-generation collection every few polls, each
 * holding a pin. Only the verdict is here: a refusal's sentence still comes from the schema.
 */
export function checkedOrder(value: unknown): IncomingOrder | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { orderId, productId, units, amount, currency, at, status } = value as Record<string, unknown>;
  let { locale } = value as Record<string, unknown>;
  if (typeof orderId !== 'string' || orderId.length < 1 || orderId.length > 120) return null;
  if (typeof productId !== 'string' || productId.length < 1 || productId.length > 100 || !PRODUCT_ID.test(productId)) return null;
  // Zod's numbers: finite, and `.int()` means a safe integer.
  if (typeof units !== 'number' || !Number.isSafeInteger(units) || units <= 0 || units > 100_000) return null;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0 || amount > 1e9) return null;
  if (typeof currency !== 'string' || !CURRENCY_CODE.test(currency)) return null;
  if (locale === undefined) locale = null;
  else if (locale !== null && (typeof locale !== 'string' || locale.length > 35)) return null;
  if (typeof at !== 'number' || !Number.isSafeInteger(at) || at < 0) return null;
  if (status !== 'paid' && status !== 'refunded' && status !== 'invalid') return null;
  return { orderId, productId, units, amount, currency, locale: locale as string | null, at, status };
}
