import { describe, expect, it } from 'vitest';
import { loadDictionaries } from '../../../src/main/locales';
import { OverlayText } from '../../../src/shared/overlay-text';

const text = new OverlayText(loadDictionaries('resources/locales'));

/**
 * What a native speaker writes, by hand, per language and count. Polish, Russian, Ukrainian and
 * Czech have one/few/many forms (21 and 22 differ from 5; 101 is not 1); French, Spanish, Italian
 * and Portuguese have a "many" form for millions ("1000000 de pedidos"); the rest one and other.
 * The stock line at 0 is the sold-out label; the ticker never shows a count of 0.
 */
type Expected = Record<number, string>;
const CASES: { locale: string; stock: Expected; orders: Expected; sold: Expected }[] = [
  {
    locale: 'pl-PL',
    stock: { 0: 'Wyprzedane', 1: 'Została 1 sztuka', 2: 'Zostały 2 sztuki', 5: 'Zostało 5 sztuk', 21: 'Zostało 21 sztuk', 22: 'Zostały 22 sztuki', 101: 'Zostało 101 sztuk' },
    orders: { 1: '1 zamówienie', 2: '2 zamówienia', 5: '5 zamówień', 21: '21 zamówień', 22: '22 zamówienia', 101: '101 zamówień' },
    sold: { 1: 'Sprzedano 1 szt.', 22: 'Sprzedano 22 szt.', 101: 'Sprzedano 101 szt.' }
  },
  {
    locale: 'ru-RU',
    stock: { 0: 'Распродано', 1: 'Осталась 1 штука', 2: 'Осталось 2 штуки', 5: 'Осталось 5 штук', 21: 'Осталась 21 штука', 22: 'Осталось 22 штуки', 101: 'Осталась 101 штука' },
    orders: { 1: '1 заказ', 2: '2 заказа', 5: '5 заказов', 21: '21 заказ', 22: '22 заказа', 101: '101 заказ' },
    sold: { 1: 'Продано 1 шт.', 5: 'Продано 5 шт.' }
  },
  {
    locale: 'uk-UA',
    stock: { 0: 'Розпродано', 1: 'Залишилася 1 штука', 2: 'Залишилося 2 штуки', 5: 'Залишилося 5 штук', 21: 'Залишилася 21 штука', 22: 'Залишилося 22 штуки', 101: 'Залишилася 101 штука' },
    orders: { 1: '1 замовлення', 2: '2 замовлення', 5: '5 замовлень', 21: '21 замовлення', 22: '22 замовлення', 101: '101 замовлення' },
    sold: { 1: 'Продано 1 шт.', 5: 'Продано 5 шт.' }
  },
  {
    locale: 'cs-CZ',
    stock: { 0: 'Vyprodáno', 1: 'Zbývá 1 kus', 2: 'Zbývají 2 kusy', 5: 'Zbývá 5 kusů', 21: 'Zbývá 21 kusů', 22: 'Zbývá 22 kusů', 101: 'Zbývá 101 kusů' },
    orders: { 1: '1 objednávka', 2: '2 objednávky', 5: '5 objednávek', 21: '21 objednávek', 22: '22 objednávek', 101: '101 objednávek' },
    sold: { 1: 'Prodáno 1 ks', 5: 'Prodáno 5 ks' }
  },
  {
    locale: 'fr-FR',
    stock: { 0: 'Épuisé', 1: 'Plus qu’un article', 2: 'Plus que 2 articles', 5: 'Plus que 5 articles', 21: 'Plus que 21 articles', 1_000_000: 'Plus que 1000000 d’articles' },
    orders: { 1: '1 commande', 2: '2 commandes', 21: '21 commandes', 1_000_000: '1000000 de commandes' },
    sold: { 1: '1 vendu', 2: '2 vendus' }
  },
  {
    locale: 'es-ES',
    stock: { 0: 'Agotado', 1: '¡Solo queda una unidad!', 2: '¡Solo quedan 2 unidades!', 21: '¡Solo quedan 21 unidades!', 1_000_000: '¡Solo quedan 1000000 de unidades!' },
    orders: { 1: '1 pedido', 2: '2 pedidos', 1_000_000: '1000000 de pedidos' },
    sold: { 1: '1 vendido', 2: '2 vendidos' }
  },
  {
    locale: 'it-IT',
    stock: { 0: 'Esaurito', 1: 'Ne resta solo un pezzo', 2: 'Ne restano solo 2 pezzi', 21: 'Ne restano solo 21 pezzi', 1_000_000: 'Ne restano solo 1000000 di pezzi' },
    orders: { 1: '1 ordine', 2: '2 ordini', 1_000_000: '1000000 di ordini' },
    sold: { 1: '1 venduto', 2: '2 venduti' }
  },
  {
    locale: 'pt-PT',
    stock: { 0: 'Esgotado', 1: 'Resta apenas uma unidade', 2: 'Restam apenas 2 unidades', 21: 'Restam apenas 21 unidades' },
    orders: { 1: '1 pedido', 2: '2 pedidos' },
    sold: { 1: '1 vendido', 2: '2 vendidos' }
  },
  {
    locale: 'en-GB',
    stock: { 0: 'Sold out', 1: 'Only 1 left', 2: 'Only 2 left', 21: 'Only 21 left' },
    orders: { 1: '1 order', 2: '2 orders', 21: '21 orders' },
    sold: { 1: '1 sold', 2: '2 sold' }
  },
  {
    locale: 'de-DE',
    stock: { 0: 'Ausverkauft', 1: 'Nur noch 1 Stück', 2: 'Nur noch 2 Stück', 21: 'Nur noch 21 Stück' },
    orders: { 1: '1 Bestellung', 2: '2 Bestellungen', 21: '21 Bestellungen' },
    sold: { 1: '1 verkauft', 2: '2 verkauft' }
  },
  {
    locale: 'nl-NL',
    stock: { 0: 'Uitverkocht', 1: 'Nog maar 1 stuk', 2: 'Nog maar 2 stuks', 21: 'Nog maar 21 stuks' },
    orders: { 1: '1 bestelling', 2: '2 bestellingen' },
    sold: { 1: '1 verkocht', 2: '2 verkocht' }
  },
  {
    locale: 'sv-SE',
    stock: { 0: 'Slutsåld', 1: 'Bara 1 kvar', 2: 'Bara 2 kvar', 21: 'Bara 21 kvar' },
    orders: { 1: '1 beställning', 2: '2 beställningar' },
    sold: { 1: '1 såld', 2: '2 sålda' }
  }
];

describe('the overlay dictionaries read as a native speaker writes', () => {
  it('cover all twelve languages here', () => {
    expect(new Set(CASES.map((c) => c.locale.split('-')[0])).size).toBe(12);
  });

  describe.each(CASES)('in $locale', ({ locale, stock, orders, sold }) => {
    it('the stock line takes the plural form (and elision) each count needs', () => {
      for (const [count, expected] of Object.entries(stock)) expect(text.stockLine(locale, Number(count)), `${count}`).toBe(expected);
    });
    it('the order counter takes the plural form each count needs', () => {
      for (const [count, expected] of Object.entries(orders)) expect(text.t(locale, 'orders', { count: Number(count) }), `${count}`).toBe(expected);
    });
    it('the units sold take the plural form each count needs', () => {
      for (const [count, expected] of Object.entries(sold)) expect(text.t(locale, 'sold', { count: Number(count) }), `${count}`).toBe(expected);
    });
  });

  it('puts the no-break space French typography wants before a colon', () => {
    expect(text.t('fr-FR', 'lowest30d', { price: '19,99\u00a0€' })).toBe('Prix le plus bas des 30 derniers jours\u00a0: 19,99\u00a0€');
  });
});
