import { randomBytes, randomInt } from 'node:crypto';
import { tokenMatches } from '../common/constant-time';
import type { DeviceView, PairingRequestView, PairingStatus, Role } from '../../shared/access';
import { hashToken } from './device-tokens';
import { AttemptLimit, addressKey } from './attempt-limit';

export { ATTEMPTS_PER_ADDRESS, ATTEMPT_WINDOW_MS } from './attempt-limit';

export const CODE_LIFETIME_MS = 5 * 60_000;
/** How long a device that gave the right code waits for the producer to allow it. */
export const REQUEST_LIFETIME_MS = 2 * 60_000;
/** How long a decided request remembers its outcome for the waiting device to read it. */
const OUTCOME_KEPT_MS = 10 * 60_000;
/** Requests waiting at once; beyond this the oldest goes (a flood with the right code stays bounded). */
const MAX_PENDING = 20;
/** Requests remembered at all, outcomes included; beyond this the oldest decided ones are forgotten. */
const MAX_REMEMBERED = 200;

export interface PairingOffer {
  code: string;
  role: Role;
  expiresAt: number;
  /** Attempts refused while this code is on offer (wrong, or too many): many means someone is guessing, at no cost to the code. */
  refusedAttempts: number;
}

export type PairingAttempt =
  | { outcome: 'pending'; ticket: string; expiresAt: number }
  | { outcome: 'refused' }
  | { outcome: 'rate_limited'; retryAfterSeconds: number };

interface Request {
  id: string;
  ticketHash: string;
  name: string;
  address: string;
  role: Role;
  requestedAt: number;
  expiresAt: number;
  /** The offer it answered: a new or withdrawn code takes its waiting requests with it. */
  offer: PairingOffer;
  status: PairingStatus['status'];
  /** When it was decided (allowed, declined, expired, withdrawn): outcomes are forgotten later. */
  decidedAt?: number;
  /** Waiting for the device to collect it, once; never stored on disk. */
  handover?: { token: string; device: DeviceView };
}

/**
 * The pairing code on offer and the devices asking to join with it. The right code alone gives a
 * device nothing but a place in the producer's list: it gets its token only once the producer
 * allows it by name. So a guessed code is useless, and wrong guesses are limited per address only,
 * never burning the code of the producer's own device.
 */
export class PairingDesk {
  private offer: PairingOffer | null = null;
  private readonly limit: AttemptLimit;
  /** Keyed by the SHA-256 of the device's ticket, the one secret that collects the token. */
  private readonly requests = new Map<string, Request>();

  constructor(private readonly now: () => number = Date.now) {
    this.limit = new AttemptLimit(now);
  }

  open(role: Role): PairingOffer {
    this.endRequests('withdrawn');
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    this.offer = { code, role, expiresAt: this.now() + CODE_LIFETIME_MS, refusedAttempts: 0 };
    return this.offer;
  }

  /** The code on offer, or null once it expired, was used or withdrawn. */
  current(): PairingOffer | null {
    if (this.offer && this.now() >= this.offer.expiresAt) this.offer = null;
    return this.offer;
  }

  /** The code goes, and every device still waiting with it is told so. */
  withdraw(): void {
    this.offer = null;
    this.endRequests('withdrawn');
  }

  /** A device gives a code and a name. The right code puts it in the producer's list, nothing more. */
  attempt(address: string, code: string, name: string): PairingAttempt {
    const offer = this.current();
    const wait = this.limit.waitFor(address);
    if (wait > 0) {
      if (offer) offer.refusedAttempts++;
      return { outcome: 'rate_limited', retryAfterSeconds: Math.ceil(wait / 1000) };
    }
    if (!offer || !tokenMatches(code, offer.code)) {
      this.limit.recordWrong(address);
      if (offer) offer.refusedAttempts++;
      return { outcome: 'refused' };
    }
    this.prune();
    // A device asking again (a double tap, a reload) replaces its own earlier request.
    for (const [key, r] of this.requests) if (r.status === 'pending' && addressKey(r.address) === addressKey(address) && r.offer === offer) this.requests.delete(key);
    const pending = [...this.requests.values()].filter((r) => r.status === 'pending');
    if (pending.length >= MAX_PENDING) this.decide(pending[0], 'expired');
    const ticket = randomBytes(32).toString('base64url');
    const now = this.now();
    const request: Request = { id: `req-${randomBytes(6).toString('hex')}`, ticketHash: hashToken(ticket), name, address, role: offer.role, requestedAt: now, expiresAt: now + REQUEST_LIFETIME_MS, offer, status: 'pending' };
    this.requests.set(request.ticketHash, request);
    for (const [key, r] of this.requests) {
      if (this.requests.size <= MAX_REMEMBERED) break;
      if (r.status !== 'pending') this.requests.delete(key);
    }
    return { outcome: 'pending', ticket, expiresAt: request.expiresAt };
  }

  /** The devices waiting for the producer, oldest first. */
  pending(): PairingRequestView[] {
    this.prune();
    return [...this.requests.values()].filter((r) => r.status === 'pending').map(({ id, name, address, role, requestedAt, expiresAt }) => ({ id, name, address, role, requestedAt, expiresAt }));
  }

  /**
   * The producer allows a waiting device: `issue` makes its device and token, which wait here for
   * the device to collect them. The code is spent, and anyone else still waiting with it is declined.
   */
  allow(id: string, issue: (name: string, role: Role) => { token: string; device: DeviceView }): DeviceView | null {
    const request = this.waiting(id);
    if (!request) return null;
    request.handover = issue(request.name, request.role);
    this.decide(request, 'allowed');
    if (this.offer === request.offer) this.offer = null;
    for (const other of this.requests.values()) if (other.status === 'pending' && other.offer === request.offer) this.decide(other, 'declined');
    return request.handover.device;
  }

  decline(id: string): boolean {
    const request = this.waiting(id);
    if (request) this.decide(request, 'declined');
    return request !== null;
  }

  /** The waiting device gave up (its Cancel): it leaves the producer's list. */
  cancel(ticket: string): boolean {
    const key = hashToken(ticket);
    if (this.requests.get(key)?.status !== 'pending') return false;
    this.requests.delete(key);
    return true;
  }

  /** What the device holding this ticket should know; an allowed device gets its token here, once. */
  status(ticket: string): PairingStatus | null {
    this.prune();
    const key = hashToken(ticket);
    const request = this.requests.get(key);
    if (!request) return null;
    if (request.status === 'pending') return { status: 'pending', expiresAt: request.expiresAt };
    if (request.status === 'allowed' && request.handover) {
      this.requests.delete(key);
      return { status: 'allowed', ...request.handover };
    }
    return { status: request.status } as PairingStatus;
  }

  private waiting(id: string): Request | null {
    this.prune();
    for (const r of this.requests.values()) if (r.id === id && r.status === 'pending') return r;
    return null;
  }

  private decide(request: Request, status: Exclude<PairingStatus['status'], 'pending'>): void {
    request.status = status;
    request.decidedAt = this.now();
  }

  private endRequests(status: 'withdrawn'): void {
    for (const r of this.requests.values()) if (r.status === 'pending') this.decide(r, status);
  }

  /** Unanswered requests expire; decided ones (and uncollected tokens) are forgotten after a while. */
  private prune(): void {
    const now = this.now();
    for (const [key, r] of this.requests) {
      if (r.status === 'pending' && now >= r.expiresAt) this.decide(r, 'expired');
      else if (r.decidedAt !== undefined && now - r.decidedAt >= OUTCOME_KEPT_MS) this.requests.delete(key);
    }
  }
}
