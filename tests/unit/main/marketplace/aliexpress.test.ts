import { describe, expect, it } from 'vitest';
import { signRequest } from '../../../../src/main/marketplace/aliexpress/sign';
import { amountOf, listOf } from '../../../../src/main/marketplace/aliexpress/gateway';
import { fromPacificTime, pacificTime } from '../../../../src/main/marketplace/aliexpress/aliexpress-marketplace';

describe('the AliExpress signature', () => {
  it('matches the platform documentation\'s worked example', () => {
    const params = { access_token: 'test', app_key: '123456', order_id: '1234', sign_method: 'sha256', timestamp: '1517820392000' };
    expect(signRequest(params, 'helloworld', '/order/get')).toBe('4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A');
  });

  it('sorts keys by code unit, not by locale, and leaves the sign parameter out', () => {
    // "_" (0x5F) sorts after "Z" but before "a" by code unit; localeCompare would put it first.
    const a = signRequest({ b_c: '1', bZ: '2', ba: '3', sign: 'ignored' }, 's', 'aliexpress.affiliate.order.list');
    const b = signRequest({ bZ: '2', b_c: '1', ba: '3' }, 's', 'aliexpress.affiliate.order.list');
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9A-F]{64}$/);
  });

  it('prefixes the path only for system APIs whose name contains a slash', () => {
    const params = { app_key: '1', timestamp: '2' };
    expect(signRequest(params, 's', 'aliexpress.affiliate.order.list')).toBe(signRequest(params, 's'));
    expect(signRequest(params, 's', '/auth/token/create')).not.toBe(signRequest(params, 's'));
  });
});

describe('AliExpress answers', () => {
  it('reads amounts that arrive as strings, with a point or a comma, and refuses what is not one', () => {
    expect(amountOf('12.34')).toBe(12.34);
    expect(amountOf('84,99')).toBe(84.99);
    expect(amountOf(7)).toBe(7);
    expect(amountOf('free')).toBeNull();
    expect(amountOf('-1')).toBeNull();
  });

  it('reads lists with and without simplify', () => {
    expect(listOf({ order: [{ a: 1 }] }, 'order')).toEqual([{ a: 1 }]);
    expect(listOf([{ a: 1 }], 'order')).toEqual([{ a: 1 }]);
    expect(listOf({ order: { a: 1 } }, 'order')).toEqual([{ a: 1 }]);
    expect(listOf(undefined, 'order')).toEqual([]);
  });

  it('writes order windows in US Pacific time, summer and winter, and reads them back', () => {
    expect(pacificTime(Date.UTC(2026, 6, 1, 12, 0, 0))).toBe('2026-07-01 05:00:00');
    expect(pacificTime(Date.UTC(2026, 11, 1, 12, 0, 0))).toBe('2026-12-01 04:00:00');
    expect(fromPacificTime('2026-12-01 04:00:00')).toBe(Date.UTC(2026, 11, 1, 12, 0, 0));
  });
});
