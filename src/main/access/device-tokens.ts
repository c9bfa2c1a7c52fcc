import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url: what a paired device presents as its bearer token. */
export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * SHA-256 of the token, hex. A device token carries 256 bits of randomness, so a fast hash is
 * enough: a slow KDF (scrypt, argon2) protects guessable passwords, and nobody can enumerate 2^256
 * candidates however fast the hash. It also keeps each request's token check cheap.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Constant-time equality of two hex SHA-256 digests. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === 32 && y.length === 32 && timingSafeEqual(x, y);
}
