import { describe, expect, it } from 'vitest';
import { PairingDesk, REQUEST_LIFETIME_MS } from '../../../../src/main/access/pairing-desk';
import { addressKey } from '../../../../src/main/access/attempt-limit';
import type { DeviceView, Role } from '../../../../src/shared/access';

const other = (code: string, n = 1) => String((Number(code) + n) % 1_000_000).padStart(6, '0');
const issue = (name: string, role: Role) => ({ token: `token-of-${name}`, device: { id: `dev-${name}`, name, role, pairedAt: 0, lastSeenAt: null, online: false } as DeviceView });

function ticketOf(attempt: ReturnType<PairingDesk['attempt']>): string {
  if (attempt.outcome !== 'pending') throw new Error(`expected a pending request, got ${attempt.outcome}`);
  return attempt.ticket;
}

describe('the pairing desk', () => {
  it('offers a six-digit code that a new offer replaces', () => {
    const desk = new PairingDesk(() => 0);
    const first = desk.open('viewer');
    expect(first.code).toMatch(/^\d{6}$/);
    const second = desk.open('moderator');
    expect(desk.current()).toBe(second);
    if (first.code !== second.code) expect(desk.attempt('a', first.code, 'Old')).toEqual({ outcome: 'refused' });
    expect(desk.attempt('a', second.code, 'New').outcome).toBe('pending');
  });

  it('gives a device with the right code no token until the producer allows it, then the token once', () => {
    const desk = new PairingDesk(() => 1000);
    const { code } = desk.open('moderator');
    const ticket = ticketOf(desk.attempt('10.0.0.5', code, "Ana's iPad"));
    expect(desk.status(ticket)).toEqual({ status: 'pending', expiresAt: 1000 + REQUEST_LIFETIME_MS });
    const [request] = desk.pending();
    expect(request).toMatchObject({ name: "Ana's iPad", address: '10.0.0.5', role: 'moderator', requestedAt: 1000 });

    expect(desk.allow(request.id, issue)).toMatchObject({ name: "Ana's iPad", role: 'moderator' });
    expect(desk.status(ticket)).toMatchObject({ status: 'allowed', token: "token-of-Ana's iPad" });
    expect(desk.status(ticket)).toBeNull();
    expect(desk.current()).toBeNull();
  });

  it('declines everyone else who gave the same code once the producer allows one device', () => {
    const desk = new PairingDesk(() => 0);
    const { code } = desk.open('moderator');
    const stranger = ticketOf(desk.attempt('10.0.0.66', code, 'iPad'));
    ticketOf(desk.attempt('10.0.0.5', code, 'iPad'));
    const mine = desk.pending().find((r) => r.address === '10.0.0.5')!;
    desk.allow(mine.id, issue);
    expect(desk.status(stranger)).toEqual({ status: 'declined' });
    expect(desk.pending()).toEqual([]);
  });

  it('lets an unanswered request expire, and a declined one say so', () => {
    let now = 0;
    const desk = new PairingDesk(() => now);
    const { code } = desk.open('viewer');
    const slow = ticketOf(desk.attempt('a', code, 'Slow'));
    const refused = ticketOf(desk.attempt('b', code, 'Refused'));
    expect(desk.decline(desk.pending().find((r) => r.name === 'Refused')!.id)).toBe(true);
    expect(desk.status(refused)).toEqual({ status: 'declined' });
    now += REQUEST_LIFETIME_MS;
    expect(desk.status(slow)).toEqual({ status: 'expired' });
    expect(desk.pending()).toEqual([]);
  });

  it('tells waiting devices the code was withdrawn when the producer withdraws it or makes a new one', () => {
    const desk = new PairingDesk(() => 0);
    const waiting = ticketOf(desk.attempt('a', desk.open('viewer').code, 'Tablet'));
    desk.open('viewer');
    expect(desk.status(waiting)).toEqual({ status: 'withdrawn' });
  });

  it('keeps the code valid for its holder whatever a stranger guesses from another address', () => {
    let now = 0;
    const desk = new PairingDesk(() => now);
    const { code } = desk.open('moderator');
    let refused = 0;
    for (let i = 1; i <= 100; i++) {
      const outcome = desk.attempt('10.0.0.66', other(code, i), 'Guesser').outcome;
      if (outcome === 'refused') refused++;
      else expect(outcome).toBe('rate_limited');
      now += 1000;
    }
    expect(refused).toBeLessThanOrEqual(10);
    expect(desk.pending()).toEqual([]);
    expect(desk.current()?.refusedAttempts).toBe(100);
    expect(desk.attempt('10.0.0.5', code, 'Mine').outcome).toBe('pending');
  });

  it('does not count a right code against the address, and a repeated request replaces the earlier one', () => {
    const desk = new PairingDesk(() => 0);
    const { code } = desk.open('viewer');
    for (let i = 0; i < 8; i++) expect(desk.attempt('a', code, 'Tablet').outcome).toBe('pending');
    expect(desk.pending()).toHaveLength(1);
  });

  it('counts the addresses of one IPv6 /64 and the IPv4-mapped form of an address as one guesser', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
    expect(addressKey('::ffff:192.168.1.20')).toBe('192.168.1.20');
    const desk = new PairingDesk(() => 0);
    const { code } = desk.open('viewer');
    for (let i = 1; i <= 5; i++) desk.attempt(`2001:db8::${i}`, other(code), 'x');
    expect(desk.attempt('2001:db8::99', code, 'x').outcome).toBe('rate_limited');
  });
});

describe('the pairing desk under a flood of right codes', () => {
  it('keeps at most 20 devices waiting, the oldest expiring first, and remembers at most 200 requests', () => {
    const desk = new PairingDesk(() => 0);
    const { code } = desk.open('viewer');
    const tickets = Array.from({ length: 300 }, (_, i) => ticketOf(desk.attempt(`10.0.${Math.floor(i / 250)}.${i % 250}`, code, `Flood ${i}`)));
    expect(desk.pending()).toHaveLength(20);
    expect(desk.pending()[0].name).toBe('Flood 280');
    expect(desk.status(tickets[0])).toBeNull();
    expect(desk.status(tickets[150])).toEqual({ status: 'expired' });
    expect(desk.status(tickets[299])).toMatchObject({ status: 'pending' });
  });
});
