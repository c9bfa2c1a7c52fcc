import { describe, expect, it } from 'vitest';
import { reportCells } from '../../../../src/main/marketplace/report-cells';
import { reportFormat } from '../../../../src/main/marketplace/report-format';
import { reportWords } from '../../../../src/main/marketplace/report-text';

const polish = { lang: 'pl', locale: 'pl-PL' };
const cellsFor = (language = polish) => reportCells(reportWords(language), reportFormat(language));
const nbsp = /\u00a0|\u202f/g;

describe('the report’s cells, written once per value', () => {
  it('writes the same amount in each currency it was taken in, however often it repeats', () => {
    const cells = cellsFor();
    const pln = cells.counters({ orders: 2, units: 3, revenue: { PLN: 19.99 } }, ['EUR', 'PLN']);
    const eur = cells.counters({ orders: 2, units: 3, revenue: { EUR: 19.99 } }, ['EUR', 'PLN']);
    expect(pln.replace(nbsp, ' ')).toBe('<td>2</td><td>3</td><td>—</td><td>19,99 zł</td>');
    expect(eur.replace(nbsp, ' ')).toBe('<td>2</td><td>3</td><td>19,99 €</td><td>—</td>');
    expect(cells.counters({ orders: 2, units: 3, revenue: { PLN: 19.99 } }, ['EUR', 'PLN'])).toBe(pln);
  });

  it('writes no revenue as a dash, negative zero included, and a count of zero as 0', () => {
    const cells = cellsFor();
    expect(cells.counters({ orders: 0, units: 0, revenue: { PLN: 0 } }, ['PLN'])).toBe('<td>0</td><td>0</td><td>—</td>');
    expect(cells.counters({ orders: 0, units: 0, revenue: { PLN: -0 } }, ['PLN'])).toBe('<td>0</td><td>0</td><td>—</td>');
  });

  it('names a market in the operator’s language with its code, and one the marketplace did not name as unknown', () => {
    const cells = cellsFor({ lang: 'de', locale: 'de-DE' });
    expect(cells.market('pl-PL')).toBe('<td class="market"><span class="name">Polen</span><span class="id">pl-PL</span></td>');
    expect(cells.market(null)).toBe('<td class="market">Markt nicht angegeben</td>');
    expect(cells.market('pl-PL')).toBe('<td class="market"><span class="name">Polen</span><span class="id">pl-PL</span></td>');
  });

  it('keeps the markup of a market code it is given out of the page', () => {
    expect(cellsFor().market('<b>x</b>')).toContain('&lt;b&gt;x&lt;/b&gt;');
  });

  it('gives each report its own cells: a report in German does not reuse the Polish one’s figures', () => {
    expect(cellsFor().count(12345).replace(nbsp, ' ')).toBe('<td>12 345</td>');
    expect(cellsFor({ lang: 'de', locale: 'de-DE' }).count(12345)).toBe('<td>12.345</td>');
  });
});
