import { describe, expect, it } from 'vitest';
import { tokenMatches } from '../../../../src/main/common/constant-time';

describe('tokenMatches', () => {
  it('accepts the expected token and refuses any other, empty or missing one', () => {
    expect(tokenMatches('owner-token-123', 'owner-token-123')).toBe(true);
    expect(tokenMatches('owner-token-124', 'owner-token-123')).toBe(false);
    expect(tokenMatches('owner-token-123x', 'owner-token-123')).toBe(false);
    expect(tokenMatches('', 'owner-token-123')).toBe(false);
    expect(tokenMatches(undefined, 'owner-token-123')).toBe(false);
    expect(tokenMatches(null, 'owner-token-123')).toBe(false);
  });

  it('stops accepting a token once the expected one was rotated, however many were seen before', () => {
    for (let i = 0; i < 200; i++) expect(tokenMatches(`t-${i}`, `t-${i}`)).toBe(true);
    expect(tokenMatches('old', 'old')).toBe(true);
    expect(tokenMatches('old', 'new')).toBe(false);
    expect(tokenMatches('new', 'new')).toBe(true);
    expect(tokenMatches('t-5', 't-5')).toBe(true);
    expect(tokenMatches('t-5', 't-6')).toBe(false);
  });
});
