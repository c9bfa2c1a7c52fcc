import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ShowCore } from '../../src/main/show/show-core';
import type { Actor } from '../../src/shared/events';
import { REPORT_DICTIONARIES } from '../../src/main/marketplace/report-text';
import { startTestStudio, type TestStudio } from '../helpers/test-studio';
import { tempDir } from '../helpers/temp-dir';

const PRODUCER: Actor = { id: 'owner', client: 'test', role: 'producer' };
const OBS: Actor = { id: 'obs', client: 'obs' };
const T0 = 1_800_000_000_000;

let dataDir: string;
let cleanup: () => Promise<void>;
let t: TestStudio;

/**
 * A show for Poland, Germany and France (France sells nothing), recorded by a Polish and a German
 * OBS for 40 s with three products on air, and a French OBS that never recorded. Journaled at
 * chosen times by the real core, then served by a studio started on that journal.
 */
beforeAll(async () => {
  ({ dir: dataDir, cleanup } = await tempDir('shopcast-report-language-'));
  const first = await startTestStudio({ dataDir });
  await first.api('PATCH', '/api/v1/show', {
    title: 'Jesień <live>',
    locales: [
      { locale: 'pl-PL', currency: 'PLN' },
      { locale: 'de-DE', currency: 'EUR' },
      { locale: 'fr-FR', currency: 'EUR' }
    ]
  });
  await first.api('POST', '/api/v1/products/import', [
    { id: 'lav', title: { pl: 'Spodnie lawendowe', de: 'Lavendelhose' }, price: { PLN: 84.99, EUR: 19.99 } },
    { id: 'coat', title: { pl: 'Płaszcz wełniany', de: 'Wollmantel' }, price: { PLN: 499, EUR: 119 } },
    { id: 'hat', title: { pl: 'Czapka', de: 'Mütze' }, price: { PLN: 39, EUR: 9 } }
  ]);
  for (const productId of ['lav', 'coat', 'hat']) await first.api('POST', '/api/v1/rundown/items', { productId });
  const ids: string[] = [];
  for (const [name, locale] of [['Polski', 'pl-PL'], ['Deutsch', 'de-DE'], ['Français', 'fr-FR']]) {
    ids.push((await first.api('POST', '/api/v1/obs/connections', { name, url: 'ws://127.0.0.1:9', locale })).body.id);
  }
  await first.studio.close();

  let now = T0;
  const { core } = await ShowCore.open(join(dataDir, 'show'), { now: () => now });
  const at = async (s: number, command: Record<string, unknown>, actor = PRODUCER) => {
    now = T0 + s * 1000;
    await core.executeUntrusted(command, actor);
  };
  await at(0, { type: 'recording.started', connectionId: ids[0], at: T0 }, OBS);
  await at(0, { type: 'recording.started', connectionId: ids[1], at: T0 }, OBS);
  await at(2, { type: 'rundown.pin', itemId: 'item-1' });
  now = T0 + 5_000;
  await core.execute(
    {
      type: 'sales.record',
      source: 'manual',
      orders: [
        { orderId: 'o1', productId: 'lav', units: 2, amount: 169.98, currency: 'PLN', locale: 'pl-PL', at: T0 + 5_000, status: 'paid' },
        { orderId: 'o2', productId: 'lav', units: 1000, amount: 19990, currency: 'EUR', locale: 'de-DE', at: T0 + 5_000, status: 'paid' }
      ]
    },
    PRODUCER
  );
  await at(14, { type: 'rundown.pin', itemId: 'item-2' });
  await at(27, { type: 'rundown.pin', itemId: 'item-3' });
  await at(39, { type: 'rundown.unpin' });
  await at(40, { type: 'recording.stopped', connectionId: ids[0], at: T0 + 40_000, path: join(dataDir, 'pl.mkv') }, OBS);
  await at(40, { type: 'recording.stopped', connectionId: ids[1], at: T0 + 40_000, path: join(dataDir, 'de.mkv') }, OBS);
  await core.close();
  t = await startTestStudio({ dataDir });
}, 60_000);

afterAll(async () => {
  await t?.studio.close();
  await cleanup?.();
});

async function report(path: string, headers: Record<string, string> = {}): Promise<{ status: number; html: string; lang: string | undefined }> {
  const res = await fetch(`${t.studio.baseUrl}${path}`, { headers: { authorization: `Bearer ${t.studio.token}`, ...headers } });
  const html = await res.text();
  return { status: res.status, html, lang: /<html lang="([^"]+)">/.exec(html)?.[1] };
}

/** What a reader sees: the text of the page and the charts' labels, without the style sheet and the tags. */
function visibleText(html: string): string {
  const labels = [...html.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]);
  const text = html.replace(/<style>[\s\S]*?<\/style>/, ' ').replace(/<[^>]+>/g, ' ');
  return [text, ...labels].join('\n').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"');
}

/** The English report's words, as the pieces around their placeholders (a piece of 4 letters or more). */
const englishPieces = [...new Set(Object.values(REPORT_DICTIONARIES.en).flatMap((v) => v.split(/\{\{\s*\w+\s*\}\}/)).map((p) => p.trim()))].filter((p) => p.length >= 4);

describe('the printed report in the operator\'s language', () => {
  it('is Polish when the desk asks for Polish: no English word of the report is left on the page', async () => {
    const { status, html, lang } = await report('/api/v1/sales/report.html?lang=pl-PL', { 'accept-language': 'en-GB' });
    expect(status).toBe(200);
    expect(lang).toBe('pl-PL');
    const text = visibleText(html);
    expect(text).toContain('Raport sprzedaży');
    expect(text).toContain('Według rynku');
    expect(englishPieces.length).toBeGreaterThan(40);
    expect(englishPieces.filter((piece) => text.includes(piece))).toEqual([]);
    // The test itself bites: the English report has them.
    const english = visibleText((await report('/api/v1/sales/report.html?lang=en')).html);
    expect(englishPieces.filter((piece) => english.includes(piece)).length).toBeGreaterThan(25);
  });

  it('writes numbers, money and times as the operator\'s locale does, 24-hour, with markets named in their language', async () => {
    const { html } = await report('/api/v1/sales/report.html?lang=de');
    const de = (options: Intl.NumberFormatOptions) => new Intl.NumberFormat('de-DE', options);
    expect(html).toContain(`<dd data-total="units">${de({}).format(1002)}</dd>`);
    expect(html).toContain(`<dd data-currency="EUR">${de({ style: 'currency', currency: 'EUR' }).format(19990)}</dd>`);
    const time = new Intl.DateTimeFormat('de-DE', { timeStyle: 'short' });
    const minute = Math.floor((T0 + 5_000) / 60_000) * 60_000;
    expect(html).toContain(`Bestellungen von ${time.format(minute)} bis ${time.format(minute + 60_000)}`);
    expect(html).not.toMatch(/\d (AM|PM)\b/);
    expect(html).toContain('<span class="name">Polen</span><span class="id">pl-PL</span>');
    expect(html).toContain('<span class="name">Deutschland</span>');
  });

  it('folds a market with no sales into one line instead of a row of dashes', async () => {
    const { html } = await report('/api/v1/sales/report.html?lang=pl');
    expect(html).not.toContain('<tr data-locale="fr-FR">');
    expect(html).toContain('<p class="none" data-no-sales>Brak sprzedaży na tym rynku: Francja (fr-FR)</p>');
  });

  it('follows the browser\'s Accept-Language when the desk asks for nothing, then English', async () => {
    const swiss = await report('/api/v1/sales/report.html', { 'accept-language': 'ja, fr-CH;q=0.8' });
    expect(swiss.lang).toBe('fr-CH');
    expect(swiss.html).toContain('Rapport des ventes');
    const plain = await report('/api/v1/sales/report.html');
    expect(plain.lang).toBe('en-GB');
    expect(plain.html).toContain('<title>Sales report · Jesień &lt;live&gt;</title>');
  });

  it('refuses a lang or catalogue that is not a language tag with 400, and falls back for one it does not speak', async () => {
    for (const query of ['?lang=%3Cscript%3E', '?lang=pl&lang=de', '?catalogue=pl_PL%20x', `?lang=${'a'.repeat(60)}`]) {
      const res = await t.api('GET', `/api/v1/sales/report.html${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('invalid_query');
    }
    expect((await report('/api/v1/sales/report.html?lang=ja', { 'accept-language': 'uk' })).html).toContain('Звіт про продажі');
  });

  it('shows product titles in the catalogue language the desk picks', async () => {
    const { html } = await report('/api/v1/sales/report.html?lang=pl&catalogue=de');
    expect(html).toContain('<span class="title">Lavendelhose</span>');
    expect(html).not.toContain('Spodnie lawendowe</span>');
  });

  it('speaks the operator\'s language in the library\'s copy of the show report and in the season report', async () => {
    const { body } = await t.api('GET', '/api/v1/shows');
    const shown = await report(`/api/v1/shows/${body.current}/report.html?lang=uk`);
    expect(shown.html).toContain('Звіт про продажі');
    const season = await report('/api/v1/reports/shows.html?lang=pl');
    const text = visibleText(season.html);
    expect(text).toContain('Raport sezonu');
    expect(text).toContain('1 program');
    expect(text).toContain(new Intl.NumberFormat('pl-PL', { style: 'currency', currency: 'PLN' }).format(169.98));
    expect(englishPieces.filter((piece) => text.includes(piece))).toEqual([]);
  });
});

describe('YouTube chapters in the show report', () => {
  it('lists per OBS its recording\'s chapter lines in that OBS\'s language, and says why an OBS has none', async () => {
    const { html } = await report('/api/v1/sales/report.html?lang=pl');
    const section = html.slice(html.indexOf('<section class="chapters">'));
    expect(section).toContain('<h2>Rozdziały YouTube</h2>');
    const block = (locale: string) => section.match(new RegExp(`<div class="obs" data-obs-locale="${locale}">([\\s\\S]*?)</div>`))![1];
    expect(block('pl-PL')).toContain('<pre class="chapters">0:00 Spodnie lawendowe\n0:14 Płaszcz wełniany\n0:27 Czapka</pre>');
    expect(block('de-DE')).toContain('<pre class="chapters">0:00 Lavendelhose\n0:14 Wollmantel\n0:27 Mütze</pre>');
    expect(block('pl-PL')).toMatch(/<h3>Polski <span class="id">Polska<\/span><\/h3><p class="span">Nagranie od \d\d:\d\d do \d\d:\d\d<\/p>/);
    expect(block('fr-FR')).toContain('Ten OBS nic nie nagrał w czasie tego programu.');
    // The same lines as the chapters file the API serves.
    const { body: connections } = await t.api('GET', '/api/v1/obs/connections');
    const polish = (connections.connections ?? connections).find((c: { locale: string }) => c.locale === 'pl-PL');
    expect((await t.api('GET', `/api/v1/shows/current/chapters.txt?connection=${polish.id}`)).body).toBe('0:00 Spodnie lawendowe\n0:14 Płaszcz wełniany\n0:27 Czapka\n');
  });
});
