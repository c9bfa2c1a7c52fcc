import type { ProductPatch } from '../../src/shared/product';

const LANGS = ['en', 'de', 'fr', 'es', 'it', 'pl', 'ru'];
const WORDS = ['lavender', 'trousers', 'linen', 'summer', 'lamp', 'kettle', 'ceramic', 'mug', 'wool', 'scarf', 'smart', 'watch', 'cotton', 'dress', 'żółta', 'łódka', 'лаванда', 'брюки', 'chaussure', 'zapatilla'];

/** A reproducible multilingual catalogue of `n` products. */
export function syntheticCatalogue(n: number): ProductPatch[] {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const word = () => WORDS[Math.floor(rnd() * WORDS.length)];
  return Array.from({ length: n }, (_, i) => ({
    id: `sku-${i}`,
    title: Object.fromEntries(LANGS.map((l) => [l, `${word()} ${word()} ${word()} ${l} ${i}`])),
    pitch: Object.fromEntries(LANGS.map((l) => [l, `${word()} ${word()} ${word()} ${word()} ${word()}`])),
    price: { EUR: Math.round(rnd() * 10000) / 100, PLN: Math.round(rnd() * 40000) / 100 },
    stock: Math.floor(rnd() * 50),
    image: `/media/demo/sku-${i}.png`
  }));
}
