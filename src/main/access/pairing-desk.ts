import { randomInt } from 'node:crypto';
import { tokenMatches } from '../server/request-guard';
import type { Role } from '../../shared/access';

export const CODE_LIFETIME_MS = 5 * 60_000;
/** Wrong attempts one address may make per window: with a million codes, guessing takes years. */
export const ATTEMPTS_PER_ADDRESS = 5;
export const ATTEMPT_WINDOW_MS = 60_000;
/** Wrong attempts (from anywhere) after which the code is burned and the producer makes a new one. */
export const WRONG_ATTEMPTS_BEFORE_BURN = 10;
/** Addresses remembered at once; beyond this the oldest are forgotten (memory stays bounded). */
const MAX_ADDRESSES = 10_000;

export interface PairingOffer {
  code: string;
  role: Role;
  expiresAt: number;
}

export type PairingAttempt =
  | { outcome: 'accepted'; role: Role }
  | { outcome: 'refused' }
  | { outcome: 'rate_limited'; retryAfterSeconds: number };

/**
 * The one pairing code on offer: six digits, five minutes, single use. Guessing is bounded twice:
 * per address (5 a minute) and in total (10 wrong tries burn the code).
 */
export class PairingDesk {
  private offer: PairingOffer | null = null;
  private wrongAttempts = 0;
  private readonly attemptsByAddress = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  open(role: Role): PairingOffer {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    this.offer = { code, role, expiresAt: this.now() + CODE_LIFETIME_MS };
    this.wrongAttempts = 0;
    return this.offer;
  }

  /** The code on offer, or null once it expired, was used, burned or withdrawn. */
  current(): PairingOffer | null {
    if (this.offer && this.now() >= this.offer.expiresAt) this.offer = null;
    return this.offer;
  }

  withdraw(): void {
    this.offer = null;
  }

  attempt(address: string, code: string): PairingAttempt {
    const wait = this.waitFor(address);
    if (wait > 0) return { outcome: 'rate_limited', retryAfterSeconds: Math.ceil(wait / 1000) };
    const offer = this.current();
    if (offer && tokenMatches(code, offer.code)) {
      this.offer = null;
      return { outcome: 'accepted', role: offer.role };
    }
    this.recordWrong(address);
    if (offer && ++this.wrongAttempts >= WRONG_ATTEMPTS_BEFORE_BURN) this.offer = null;
    return { outcome: 'refused' };
  }

  /** How long (ms) the address must wait before trying again; 0 when it may try now. */
  private waitFor(address: string): number {
    const now = this.now();
    const recent = (this.attemptsByAddress.get(address) ?? []).filter((at) => now - at < ATTEMPT_WINDOW_MS);
    return recent.length >= ATTEMPTS_PER_ADDRESS ? recent[0] + ATTEMPT_WINDOW_MS - now : 0;
  }

  private recordWrong(address: string): void {
    const now = this.now();
    const recent = (this.attemptsByAddress.get(address) ?? []).filter((at) => now - at < ATTEMPT_WINDOW_MS);
    recent.push(now);
    // Re-inserted so the map's order is least recently wrong first: the oldest is forgotten first.
    this.attemptsByAddress.delete(address);
    this.attemptsByAddress.set(address, recent);
    if (this.attemptsByAddress.size > MAX_ADDRESSES) this.attemptsByAddress.delete(this.attemptsByAddress.keys().next().value!);
  }
}

