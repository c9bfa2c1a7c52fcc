import { describe, expect, it } from 'vitest';
import { PairingDesk } from '../../../../src/main/access/pairing-desk';

const other = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('the pairing desk', () => {
  it('offers a six-digit code that a new offer replaces', () => {
    const desk = new PairingDesk(() => 0);
    const first = desk.open('viewer');
    expect(first.code).toMatch(/^\d{6}$/);
    const second = desk.open('moderator');
    expect(desk.current()).toBe(second);
    if (first.code !== second.code) expect(desk.attempt('a', first.code)).toEqual({ outcome: 'refused' });
    expect(desk.attempt('a', second.code)).toEqual({ outcome: 'accepted', role: 'moderator' });
  });

  it('does not count a right code against the address', () => {
    const desk = new PairingDesk(() => 0);
    for (let i = 0; i < 8; i++) expect(desk.attempt('a', desk.open('viewer').code).outcome).toBe('accepted');
  });

  it('gives a fresh code fresh chances: burning is per code', () => {
    const desk = new PairingDesk(() => 0);
    const burned = desk.open('viewer');
    for (let i = 0; i < 10; i++) desk.attempt(`10.0.0.${i}`, other(burned.code));
    expect(desk.current()).toBeNull();
    const fresh = desk.open('viewer');
    expect(desk.attempt('10.0.0.99', fresh.code).outcome).toBe('accepted');
  });
});
