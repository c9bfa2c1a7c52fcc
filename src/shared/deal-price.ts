// How a shop in each market prices a discount. No schemas here: the control room's deal form uses it.

/**
 * Markets that price in whole units (`679 Kč`, `2 790 ₽`, `10 390 Ft`, `199 kr`, `¥3,990`): a price
 * with minor units there reads like a calculator's output, not like a shop's.
 */
const WHOLE_UNIT_CURRENCIES: ReadonlySet<string> = new Set(['CZK', 'HUF', 'JPY', 'KRW', 'RUB', 'UAH', 'ISK', 'SEK', 'NOK', 'DKK', 'RSD', 'CLP', 'KZT', 'BYN']);

export type PriceEnding = 'whole-9' | 'cents-49-99';

/**
 * The rule per currency, written out so it can be checked:
 * - `whole-9` (CZK, HUF, JPY, RUB, UAH, SEK, NOK, DKK…): whole units; from 10 up the price ends
 *   in 9 (`679`), from 1,000 up in 90 (`2 790`); below 10 a plain whole number.
 * - `cents-49-99` (EUR, PLN, GBP, USD, CHF and every other currency): the price ends in .49 or .99
 *   (`24.49`, `59.99`); below 1, plain cents.
 * The suggestion never goes above the price the percentage gives: the viewer gets at least the
 * discount announced.
 */
export function priceEnding(currency: string): PriceEnding {
  return WHOLE_UNIT_CURRENCIES.has(currency) ? 'whole-9' : 'cents-49-99';
}

/** The deal price a shop in `currency` would set for `regular` less `percent` %. */
export function suggestDealPrice(regular: number, percent: number, currency: string): number {
  const target = (regular * (100 - percent)) / 100;
  const rounded = priceEnding(currency) === 'whole-9' ? wholeEndingIn9(target) : centsEndingIn49or99(target);
  // A rule that would make it free, or no cheaper than before, gives way to the plain amount.
  if (rounded > 0 && rounded < regular) return rounded;
  return plainAmount(target);
}

/** Deal prices for every currency the product is priced in. */
export function suggestDealPrices(regular: Record<string, number>, percent: number): Record<string, number> {
  return Object.fromEntries(Object.entries(regular).map(([currency, amount]) => [currency, suggestDealPrice(amount, percent, currency)]));
}

function wholeEndingIn9(target: number): number {
  const units = Math.floor(target + 1e-9);
  if (units < 10) return units;
  if (units < 1000) return units - ((units + 1) % 10);
  return units - ((units + 10) % 100);
}

function centsEndingIn49or99(target: number): number {
  const cents = Math.floor(target * 100 + 1e-6);
  if (cents < 100) return cents / 100;
  // The highest .49 or .99 at or below the target.
  const ending = cents - ((cents + 1) % 50);
  return ending / 100;
}

/** Tiny amounts (a 1 Kč sticker) keep the cents every currency here can still charge. */
function plainAmount(target: number): number {
  return Math.round(target * 100) / 100;
}
