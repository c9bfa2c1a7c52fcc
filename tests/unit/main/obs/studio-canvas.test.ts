import { describe, expect, it } from 'vitest';
import { NO_SALES } from '../../../../src/shared/sales';
import { audienceFor, canvasContent, desiredCanvas, STUDIO_SOURCE, tickerLine } from '../../../../src/main/obs/studio-canvas';
import { studioSources } from '../../../../src/main/obs/studio-sources';
import { OverlayText } from '../../../../src/shared/overlay-text';
import { emptyProduct } from '../../../../src/shared/product';
import type { ShowView } from '../../../../src/shared/view';
import { loadDictionaries } from '../../../../src/main/locales';
import { DEFAULT_THEME } from '../../../../src/shared/theme';
import { graphicCardSource, graphicTextSource, isGraphicSource } from '../../../../src/main/obs/native-graphics';

const text = new OverlayText(loadDictionaries('resources/locales'));
const locales = [
  { locale: 'pl-PL', currency: 'PLN' },
  { locale: 'de-DE', currency: 'EUR' }
];
const product = {
  ...emptyProduct('lav-01'),
  title: { en: 'Lavender trousers', pl: 'Spodnie lawendowe' },
  pitch: { pl: 'Len z bawełną' },
  badge: { pl: 'Nowość' },
  price: { PLN: 84.99, EUR: 19.99 },
  compareAt: { EUR: 24.99 },
  lowest30d: { EUR: 18.99 },
  stock: 22,
  image: '/media/demo/lav-01.png'
};
const mug = { ...emptyProduct('mug-02'), title: { pl: 'Kubek emaliowany', de: 'Emaille-Becher' }, price: { PLN: 32, EUR: 7.5 }, stock: 5 };

function view(onAir: boolean, patch: Partial<ShowView> = {}): ShowView {
  return {
    revision: 7,
    title: 'Show',
    locales,
    rundown: [
      { id: 'item-1', productId: 'lav-01', scene: null, addedAt: 0, addedBy: 'x', product, soldOut: false },
      { id: 'item-2', productId: 'mug-02', scene: null, addedAt: 0, addedBy: 'x', product: mug, soldOut: false }
    ],
    onAir: onAir ? { itemId: 'item-1', productId: 'lav-01', since: 1, soldOut: false } : null,
    lastOnAirItemId: null,
    sales: NO_SALES,
    obs: [],
    catalogue: { count: 2, revision: 1 },
    deal: null,
    theme: DEFAULT_THEME,
    operators: [],
    goal: null,
    ...patch
  };
}

const specs = studioSources({ inputKinds: ['image_source', 'color_source_v3', 'text_ft2_source_v2'], width: 1920, height: 1080, theme: DEFAULT_THEME, overlayUrl: '' });

describe('what an OBS canvas shows', () => {
  it('takes the currency of the show locale that matches the connection, then of its language', () => {
    expect(audienceFor('pl-PL', locales).currency).toBe('PLN');
    expect(audienceFor('de-AT', locales).currency).toBe('EUR');
    expect(audienceFor('fr-FR', locales)).toEqual({ locale: 'fr-FR', currency: 'PLN', fallbacks: ['pl'], baseLanguage: 'pl' });
  });

  it('writes the Polish card with Polish plural forms, the złoty price, badge, pitch and what comes up', () => {
    const c = canvasContent(view(true), audienceFor('pl-PL', locales), text);
    expect(c.texts).toMatchObject({
      [STUDIO_SOURCE.title]: 'Spodnie lawendowe',
      [STUDIO_SOURCE.badge]: 'Nowość',
      [STUDIO_SOURCE.pitch]: 'Len z bawełną',
      [STUDIO_SOURCE.price]: '84,99\u00a0zł',
      [STUDIO_SOURCE.was]: '',
      [STUDIO_SOURCE.lowest]: '',
      [STUDIO_SOURCE.stock]: 'Zostały 22 sztuki',
      [STUDIO_SOURCE.nextLabel]: 'Za chwilę',
      [STUDIO_SOURCE.next]: 'Kubek emaliowany · 32\u00a0zł'
    });
  });

  it('shows the was-price in words and the lowest price of the last 30 days whenever there is a discount', () => {
    const c = canvasContent(view(true), audienceFor('de-DE', locales), text);
    expect(c.texts[STUDIO_SOURCE.price]).toBe('19,99\u00a0€');
    expect(c.texts[STUDIO_SOURCE.was]).toBe('statt 24,99\u00a0€');
    expect(c.texts[STUDIO_SOURCE.lowest]).toBe('Niedrigster Preis der letzten 30 Tage: 18,99\u00a0€');
  });

  it('counts the flash deal down by the studio clock and says when the clock turns next', () => {
    const deal = { productId: 'lav-01', price: { EUR: 14.99 }, startedAt: 0, endsAt: 300_000, product } as unknown as ShowView['deal'];
    const c = canvasContent(view(true, { deal }), audienceFor('de-DE', locales), text, 1_500);
    expect(c.texts[STUDIO_SOURCE.dealClock]).toMatch(/ 4:59$/);
    expect(c.texts[STUDIO_SOURCE.deal]).toContain('14,99\u00a0€');
    expect(c.texts[STUDIO_SOURCE.deal]).toContain('18,99\u00a0€');
    expect(c.texts[STUDIO_SOURCE.price]).toBe('14,99\u00a0€');
    expect(c.nextTickAt).toBe(2_005);
    expect(canvasContent(view(true, { deal }), audienceFor('de-DE', locales), text, 300_001).texts[STUDIO_SOURCE.dealClock]).toBe('');
  });

  it('keeps the browser overlay shown on and off air: the page shows and hides its own widgets', () => {
    const browser = studioSources({ inputKinds: ['browser_source', 'image_source'], width: 1920, height: 1080, theme: DEFAULT_THEME, overlayUrl: 'http://x/overlay' });
    for (const onAir of [true, false]) {
      const c = canvasContent(view(onAir), audienceFor('pl-PL', locales), text);
      expect(desiredCanvas(browser, c, () => null)).toEqual([expect.objectContaining({ name: STUDIO_SOURCE.overlay, enabled: true, settings: expect.objectContaining({ url: 'http://x/overlay' }) })]);
    }
  });

  it('only hides every source when nothing is on air, keeping texts and places for the next product', () => {
    const c = canvasContent(view(false), audienceFor('pl-PL', locales), text);
    const desired = desiredCanvas(specs, c, () => null);
    expect(desired.filter((d) => !isGraphicSource(d.name)).every((d) => !d.enabled && d.onlyVisibility)).toBe(true);
    expect(desired.filter((d) => isGraphicSource(d.name)).every((d) => !d.enabled)).toBe(true);
  });

  it("shows a coupon with its market's code on OBS's own sources, also with no product on air", () => {
    const coupon = { id: 'graphic-1', kind: 'coupon' as const, text: { pl: 'Rabat na dziś', de: 'Rabatt heute' }, code: { 'pl-PL': 'POLSKA10', 'de-DE': 'HERBST10' }, detail: {}, seconds: null, visible: true, shownAt: 1, hidesAt: null, createdBy: 'owner' };
    const c = canvasContent(view(false, { graphics: [coupon] }), audienceFor('pl-PL', locales), text);
    const desired = new Map(desiredCanvas(specs, c, () => null).map((d) => [d.name, d]));
    expect(desired.get(graphicTextSource(0))).toMatchObject({ enabled: true, settings: { text: 'Rabat na dziś\nKod: POLSKA10' } });
    expect(desired.get(graphicCardSource(0))?.enabled).toBe(true);
    expect(desired.get(graphicTextSource(1))?.enabled).toBe(false);
  });

  it('shows a source only when it has something to say, its card with its text, the image only with a file', () => {
    const c = canvasContent(view(true), audienceFor('pl-PL', locales), text);
    const shown = (ref: string | null) => new Map(desiredCanvas(specs, c, (a) => (a ? ref : null)).map((d) => [d.name, d.enabled]));
    const withImage = shown('/x/lav-01.png');
    expect(withImage.get(STUDIO_SOURCE.title)).toBe(true);
    expect(withImage.get(STUDIO_SOURCE.image)).toBe(true);
    expect(withImage.get(STUDIO_SOURCE.was)).toBe(false);
    expect(withImage.get(STUDIO_SOURCE.nextCard)).toBe(true);
    expect(withImage.get(STUDIO_SOURCE.dealCard)).toBe(false);
    expect(shown(null).get(STUDIO_SOURCE.image)).toBe(false);
    const image = desiredCanvas(specs, c, (a) => (a === '/media/demo/lav-01.png' ? '/x/lav-01.png' : null)).find((d) => d.name === STUDIO_SOURCE.image)!;
    expect(image.settings.file).toBe('/x/lav-01.png');
    expect(withImage.get(STUDIO_SOURCE.logo)).toBe(false);
  });

  it('shows the theme\'s logo top left and moves coming-up below it, as the overlay does', () => {
    const theme = { ...DEFAULT_THEME, logo: '/media/demo/logo.png' };
    const c = canvasContent(view(true, { theme }), audienceFor('pl-PL', locales), text);
    const env = { inputKinds: ['image_source', 'color_source_v3', 'text_ft2_source_v2'], width: 1920, height: 1080, theme, overlayUrl: '' };
    const filled = (name: string) => !!c.texts[name];
    const desired = desiredCanvas(studioSources(env, filled), c, (a) => (a === '/media/demo/logo.png' ? '/x/logo.png' : null));
    const logo = desired.find((d) => d.name === STUDIO_SOURCE.logo)!;
    expect(logo).toMatchObject({ enabled: true, settings: { file: '/x/logo.png' }, transform: { positionX: 54, positionY: 54 } });
    const next = desired.find((d) => d.name === STUDIO_SOURCE.nextCard)!.transform as Record<string, number>;
    expect(next.positionY).toBeGreaterThanOrEqual(54 + Math.round(7 * 10.8));
  });
});

describe('the OBS ticker', () => {
  const polish = audienceFor('pl-PL', locales);
  const sales = { ...NO_SALES, orders: 2, units: 3, byProduct: { 'mug-02': { units: 3, orders: 2, revenue: {} } } } as unknown as ShowView['sales'];

  it('says what comes up from the show state alone, even when the view it is given holds sales', () => {
    const ticker = canvasContent(view(true, { sales }), polish, text).texts[STUDIO_SOURCE.ticker];
    expect(ticker).toContain('Kubek emaliowany · 32');
    expect(ticker).not.toMatch(/Sprzedano/);
  });

  it('counts orders and units and names what sells when it is given the sales', () => {
    const ticker = tickerLine(view(true), polish, text, sales);
    expect(ticker).toMatch(/Sprzedano 3/);
    expect(ticker).toContain('Kubek emaliowany');
  });
});
