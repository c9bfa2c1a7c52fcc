import { describe, expect, it } from 'vitest';
import { minuteBars, unitsPerMinuteSvg, unitsPerProductSvg } from '../../../../src/main/marketplace/report-charts';
import { reportFormat } from '../../../../src/main/marketplace/report-format';
import { reportWords, type ReportLanguage } from '../../../../src/main/marketplace/report-text';

const english: ReportLanguage = { lang: 'en', locale: 'en-GB' };
const polish: ReportLanguage = { lang: 'pl', locale: 'pl-PL' };
const inEnglish = [reportWords(english), reportFormat(english)] as const;

const MINUTE = 60_000;
const start = Date.UTC(2026, 10, 28, 18, 0);

describe('the report\'s charts', () => {
  it('keeps every minute of a short show as its own bar, quiet minutes as 0', () => {
    const { bars, minutesPerBar } = minuteBars([
      { minute: start, orders: 1, units: 2 },
      { minute: start + 3 * MINUTE, orders: 2, units: 5 }
    ]);
    expect(minutesPerBar).toBe(1);
    expect(bars.map((b) => b.units)).toEqual([2, 0, 0, 5]);
  });

  it('sums an eight-hour show into at most 180 bars without losing a unit', () => {
    const minutes = Array.from({ length: 480 }, (_, i) => ({ minute: start + i * MINUTE, orders: 1, units: 1 + (i % 4) }));
    const { bars, minutesPerBar } = minuteBars(minutes);
    expect(minutesPerBar).toBe(3);
    expect(bars.length).toBeLessThanOrEqual(180);
    expect(bars.reduce((s, b) => s + b.units, 0)).toBe(minutes.reduce((s, m) => s + m.units, 0));
    expect(unitsPerMinuteSvg(minutes, ...inEnglish)).toContain('units per 3 minutes');
    // "3 minuty" but "5 minut": the Polish plural form, not a number swapped into one phrase.
    expect(unitsPerMinuteSvg(minutes, reportWords(polish), reportFormat(polish))).toContain('sztuki na 3 minuty');
    const nineHours = Array.from({ length: 900 }, (_, i) => ({ minute: start + i * MINUTE, orders: 1, units: 1 }));
    expect(unitsPerMinuteSvg(nineHours, reportWords(polish), reportFormat(polish))).toContain('sztuki na 5 minut<');
  });

  it('writes the time axis in the operator\'s locale, 24-hour where the locale is', () => {
    const minutes = [{ minute: Date.UTC(2026, 10, 28, 18, 0), orders: 1, units: 1 }];
    const german = { lang: 'de', locale: 'de-DE' };
    const svg = unitsPerMinuteSvg(minutes, reportWords(german), reportFormat(german));
    expect(svg).toContain('Verkaufte Stück pro Minute');
    expect(svg).toContain(`>${new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit' }).format(minutes[0].minute)}<`);
    expect(svg).not.toMatch(/\b[AP]M\b/);
  });

  it('labels product bars with escaped, shortened titles, best seller first', () => {
    const svg = unitsPerProductSvg(
      [
        { title: 'Mug', units: 2 },
        { title: '<b>Tote</b> & a title far too long to fit beside its bar', units: 9 }
      ],
      ...inEnglish
    );
    expect(svg).not.toContain('<b>');
    const labels = [...svg.matchAll(/text-anchor="end">([^<]*)</g)].map((m) => m[1]);
    expect(labels).toEqual(['&lt;b&gt;Tote&lt;/b&gt; &amp; a title far too long to fit…', 'Mug']);
  });

  it('says there are no sales rather than drawing an empty chart', () => {
    expect(unitsPerMinuteSvg([], ...inEnglish)).toBe('<p class="none">No sales yet.</p>');
    expect(unitsPerProductSvg([{ title: 'Mug', units: 0 }], ...inEnglish)).toBe('<p class="none">No sales yet.</p>');
    expect(unitsPerProductSvg([{ title: 'Mug', units: 0 }], reportWords(polish), reportFormat(polish))).toBe('<p class="none">Jeszcze brak sprzedaży.</p>');
  });
});
