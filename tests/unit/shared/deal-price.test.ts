import { describe, expect, it } from 'vitest';
import { priceEnding, suggestDealPrice, suggestDealPrices } from '../../../src/shared/deal-price';

describe('the deal price a shop in each market would set', () => {
  it.each([
    // whole units ending in 9 (from 1,000 up in 90) where shops price in whole units
    ['CZK', 849, 20, 679],
    ['RUB', 3517, 20, 2790],
    ['RUB', 1890, 20, 1490],
    ['HUF', 12990, 20, 10390],
    ['JPY', 4980, 30, 3390],
    ['UAH', 999, 15, 849],
    ['SEK', 249, 20, 199],
    ['CZK', 9, 20, 7],
    // .49 or .99 endings where shops price in cents
    ['GBP', 30.99, 20, 24.49],
    ['EUR', 19.99, 25, 14.99],
    ['EUR', 24.99, 20, 19.99],
    ['EUR', 1.2, 10, 0.99],
    ['PLN', 84.99, 20, 67.99],
    ['PLN', 119.99, 10, 107.99],
    ['USD', 0.9, 10, 0.81]
  ])('in %s turns %s less %s %% into %s', (currency, regular, percent, expected) => {
    expect(suggestDealPrice(regular, percent, currency)).toBe(expected);
  });

  it('never suggests a price above what the percentage gives, so viewers get at least the discount announced', () => {
    for (const [currency, regular] of [['CZK', 849], ['RUB', 2360], ['EUR', 24.99], ['PLN', 257.99], ['GBP', 17.99]] as const) {
      for (let percent = 5; percent <= 70; percent += 5) {
        const suggested = suggestDealPrice(regular, percent, currency);
        expect(suggested, `${currency} ${percent}`).toBeLessThanOrEqual((regular * (100 - percent)) / 100 + 1e-9);
        expect(suggested, `${currency} ${percent}`).toBeGreaterThan(0);
      }
    }
  });

  it('writes no minor units in whole-unit markets and at most cents elsewhere', () => {
    expect(priceEnding('CZK')).toBe('whole-9');
    expect(priceEnding('EUR')).toBe('cents-49-99');
    const prices = suggestDealPrices({ CZK: 849, RUB: 2813.5, EUR: 31.17, PLN: 133.33 }, 17);
    expect(Number.isInteger(prices.CZK) && Number.isInteger(prices.RUB)).toBe(true);
    expect(prices.EUR * 100).toBeCloseTo(Math.round(prices.EUR * 100), 6);
    expect(String(prices.PLN)).toMatch(/\.(49|99)$/);
  });

  it('falls back to the plain amount when the ending would make the deal free or no cheaper', () => {
    expect(suggestDealPrice(1, 10, 'CZK')).toBe(0.9);
    expect(suggestDealPrice(9.99, 0, 'EUR')).toBe(9.99);
  });
});
