import type { ReportLanguage } from './report-text';

/** Numbers, money, dates, times and markets as the operator's locale writes them (24-hour where it is). */
export type ReportFormat = ReturnType<typeof reportFormat>;

export function reportFormat({ locale }: ReportLanguage) {
  const number = new Intl.NumberFormat(locale);
  const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const minutes = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
  const shortDate = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  const languages = new Intl.DisplayNames(locale, { type: 'language' });
  const regions = new Intl.DisplayNames(locale, { type: 'region' });
  const marketNames = new Map<string, string>();
  const marketName = (tag: string) => {
    try {
      const region = new Intl.Locale(tag).region;
      return (region ? regions.of(region) : languages.of(tag)) ?? tag;
    } catch {
      return tag;
    }
  };
  return {
    locale,
    number: (n: number) => number.format(n),
    decimal: (n: number) => decimal.format(n),
    money: (amount: number, currency: string) => moneyFormat(locale, currency).format(amount),
    minutes: (ms: number) => minutes.format(ms / 60_000),
    date: (at: number) => date.format(at),
    shortDate: (at: number) => shortDate.format(at),
    time: (at: number) => time.format(at),
    /**
     * A market as the operator reads it: its country (`pl-PL` is "Polen" in German), or its language
     * when the tag names no country; the code itself if Intl does not know it. The report prints the
     * code beside it, which tells `fr-CH` from `de-CH`.
     */
    market: (tag: string) => {
      // A report of thousands of rows names the same few markets again and again.
      let name = marketNames.get(tag);
      if (name === undefined) marketNames.set(tag, (name = marketName(tag)));
      return name;
    }
  };
}

/** Making a number format is costly next to using one: a report of thousands of rows reuses them. */
const moneyFormats = new Map<string, Intl.NumberFormat>();
function moneyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale} ${currency}`;
  let format = moneyFormats.get(key);
  if (!format) moneyFormats.set(key, (format = new Intl.NumberFormat(locale, { style: 'currency', currency })));
  return format;
}
