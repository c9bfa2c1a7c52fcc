import { createHash, timingSafeEqual } from 'node:crypto';

/** Compares a presented token with the expected one in constant time (hashing first evens the lengths). */
export function tokenMatches(presented: string | undefined | null, expected: string): boolean {
  if (!presented) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
