import { isIPv6 } from 'node:net';

/** Wrong attempts one address may make per window: with a million codes, guessing takes years. */
export const ATTEMPTS_PER_ADDRESS = 5;
export const ATTEMPT_WINDOW_MS = 60_000;
/** Addresses remembered at once; beyond this the oldest are forgotten (memory stays bounded). */
const MAX_ADDRESSES = 10_000;

/**
 * Wrong pairing codes per address. Only the guesser is slowed down: a stranger's wrong guesses
 * never cost the device that holds the right code anything.
 */
export class AttemptLimit {
  private readonly wrongByAddress = new Map<string, number[]>();

  constructor(private readonly now: () => number) {}

  /** How long (ms) the address must wait before trying again; 0 when it may try now. */
  waitFor(address: string): number {
    const recent = this.recent(addressKey(address));
    return recent.length >= ATTEMPTS_PER_ADDRESS ? recent[0] + ATTEMPT_WINDOW_MS - this.now() : 0;
  }

  recordWrong(address: string): void {
    const key = addressKey(address);
    const recent = this.recent(key);
    recent.push(this.now());
    // Re-inserted so the map's order is least recently wrong first: the oldest is forgotten first.
    this.wrongByAddress.delete(key);
    this.wrongByAddress.set(key, recent);
    if (this.wrongByAddress.size > MAX_ADDRESSES) this.wrongByAddress.delete(this.wrongByAddress.keys().next().value!);
  }

  private recent(key: string): number[] {
    const now = this.now();
    return (this.wrongByAddress.get(key) ?? []).filter((at) => now - at < ATTEMPT_WINDOW_MS);
  }
}

/**
 * One guesser, one key: an IPv4 address (also when written IPv4-mapped), or an IPv6 /64, which one
 * machine can fill with as many addresses as it likes.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head, tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
