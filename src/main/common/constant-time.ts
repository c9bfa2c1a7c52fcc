import { createHash, timingSafeEqual } from 'node:crypto';

/** The expected tokens' digests: every request checks against the same two or three. */
const expectedDigests = new Map<string, Buffer>();
const MAX_REMEMBERED = 64;

const digest = (token: string) => createHash('sha256').update(token).digest();

/** Compares a presented token with the expected one in constant time (hashing first evens the lengths). */
export function tokenMatches(presented: string | undefined | null, expected: string): boolean {
  if (!presented) return false;
  let b = expectedDigests.get(expected);
  if (!b) {
    // Tokens are few; a rotated one simply stops being asked for, and the map never grows past this.
    if (expectedDigests.size >= MAX_REMEMBERED) expectedDigests.clear();
    expectedDigests.set(expected, (b = digest(expected)));
  }
  return timingSafeEqual(digest(presented), b);
}
