import { createHmac, timingSafeEqual } from 'node:crypto';

/** After the secret changes, deliveries signed with the old one are still accepted this long. */
export const PREVIOUS_SECRET_GRACE_MS = 60 * 60_000;

/**
 * Whether `X-Shopify-Hmac-Sha256` is the base64 HMAC-SHA256 of exactly these raw bytes under one of
 * the secrets. Checked before the body is parsed; compared in constant time so the answer's timing
 * tells a forger nothing.
 */
export function verifyWebhook(rawBody: Buffer, signature: string | undefined, secrets: readonly string[]): boolean {
  if (!signature) return false;
  const given = Buffer.from(signature.trim(), 'base64');
  let ok = false;
  for (const secret of secrets) {
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    // Every secret is tried, matched or not, so the time taken does not say which one matched.
    if (given.length === expected.length && timingSafeEqual(given, expected)) ok = true;
  }
  return ok;
}

/** The secrets a delivery may be signed with now: the current one, and the one before for an hour. */
export function acceptedSecrets(current: string | undefined, previous: { secret: string; until: number } | null, now: number): string[] {
  const secrets = current ? [current] : [];
  if (previous && now < previous.until && previous.secret !== current) secrets.push(previous.secret);
  return secrets;
}

/**
 * The event ids of the latest deliveries: Shopify retries a delivery (up to 8 times over 4 hours)
 * and may send one twice, so an id seen before is answered 200 and not recorded again. Bounded:
 * the oldest id is forgotten first; by then the core's order keys catch any repeat anyway.
 */
export class RecentEventIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity = 10_000) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string): void {
    this.ids.delete(id);
    this.ids.add(id);
    // A Set iterates in insertion order: its first entry is the oldest.
    while (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value as string);
  }
}
