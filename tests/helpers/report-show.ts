import { join } from 'node:path';
import { ShowCore } from '../../src/main/show/show-core';
import type { Actor } from '../../src/shared/events';
import type { IncomingOrder } from '../../src/shared/sales';
import { startTestStudio } from './test-studio';

const PRODUCER: Actor = { id: 'owner', client: 'test', role: 'producer' };
const OBS: Actor = { id: 'obs', client: 'obs' };

/** Long titles on purpose: German compounds and French phrases are what break a printed table. */
const PRODUCTS: { id: string; pl: string; de: string; fr: string; price: [number, number] }[] = [
  { id: 'coat-01', pl: 'Wełniany płaszcz oversize w kolorze karmelowym', de: 'Übergroßer Wollmantel in Karamell', fr: 'Manteau oversize en laine couleur caramel', price: [499, 119] },
  { id: 'jack-02', pl: 'Wodoodporna kurtka przejściowa z odpinanym kapturem', de: 'Wasserabweisende Übergangsjacke mit abnehmbarer Kapuze', fr: 'Veste mi-saison imperméable à capuche amovible', price: [349, 84.99] },
  { id: 'knit-03', pl: 'Gruby sweter z dzianiny warkoczowej', de: 'Grobstrickpullover mit Zopfmuster', fr: 'Pull en grosse maille torsadée', price: [189, 44.99] },
  { id: 'lav-04', pl: 'Spodnie lawendowe z wysokim stanem', de: 'Lavendelfarbene Hochbundhose', fr: 'Pantalon lavande taille haute', price: [159, 39.99] },
  { id: 'scarf-05', pl: 'Szal z kaszmiru i jedwabiu', de: 'Kaschmir-Seidenschal', fr: 'Écharpe cachemire et soie', price: [129, 29.99] },
  { id: 'boot-06', pl: 'Skórzane botki Chelsea na grubej podeszwie', de: 'Chelsea-Lederstiefeletten mit Profilsohle', fr: 'Bottines Chelsea en cuir à semelle crantée', price: [399, 95] },
  { id: 'rain-07', pl: 'Osłona przeciwdeszczowa na wózek dziecięcy', de: 'Kinderwagenregenschutzabdeckung', fr: 'Habillage pluie pour poussette', price: [79, 19.5] },
  { id: 'mug-08', pl: 'Kubek ceramiczny ręcznie malowany', de: 'Handbemalter Keramikbecher', fr: 'Mug en céramique peint à la main', price: [32, 7.49] }
];

/** Markets: three that sell, Italy that sells nothing (the report folds it away). */
const MARKETS: { locale: string; currency: string }[] = [
  { locale: 'pl-PL', currency: 'PLN' },
  { locale: 'de-DE', currency: 'EUR' },
  { locale: 'fr-FR', currency: 'EUR' },
  { locale: 'it-IT', currency: 'EUR' }
];

/**
 * A 40-minute autumn show written into `dataDir` as the studio's own journal: eight products on
 * air five minutes each, orders from Poland, Germany and France, and a Polish and a German OBS
 * recording the whole show. `start` is the show's first second (studio-clock epoch ms).
 */
export async function writeRecordedShow(dataDir: string, start: number): Promise<void> {
  const setup = await startTestStudio({ dataDir });
  await setup.api('PATCH', '/api/v1/show', { title: 'Jesienna kolekcja — na żywo', locales: MARKETS });
  await setup.api(
    'POST',
    '/api/v1/products/import',
    PRODUCTS.map((p) => ({ id: p.id, title: { pl: p.pl, de: p.de, fr: p.fr }, price: { PLN: p.price[0], EUR: p.price[1] }, stock: 500 }))
  );
  for (const p of PRODUCTS) await setup.api('POST', '/api/v1/rundown/items', { productId: p.id, plannedSeconds: 300 });
  const obs: string[] = [];
  for (const [name, locale] of [['Kanał PL', 'pl-PL'], ['Kanal DE', 'de-DE']]) obs.push((await setup.api('POST', '/api/v1/obs/connections', { name, url: 'ws://127.0.0.1:9', locale })).body.id);
  const { body: show } = await setup.api('GET', '/api/v1/show');
  await setup.studio.close();

  let now = start;
  const { core } = await ShowCore.open(join(dataDir, 'show'), { now: () => now });
  const at = async (seconds: number, command: Record<string, unknown>, actor = PRODUCER) => {
    now = start + seconds * 1000;
    await core.executeUntrusted(command, actor);
  };
  for (const id of obs) await at(0, { type: 'recording.started', connectionId: id, at: start }, OBS);
  let orderNo = 0;
  for (const [i, item] of (show.rundown as { id: string; productId: string }[]).entries()) {
    const from = 20 + i * 300 + (i % 3) * 20;
    await at(from, { type: 'rundown.pin', itemId: item.id });
    const product = PRODUCTS.find((p) => p.id === item.productId)!;
    const orders: IncomingOrder[] = [];
    // A product sells best in its first minutes on air; some sell in one market only.
    for (let k = 0; k < 6 + ((i * 5) % 9); k++) {
      const market = MARKETS[(k + i) % (i % 4 === 3 ? 1 : 3)];
      const units = 1 + ((k + i) % 3);
      const price = market.currency === 'PLN' ? product.price[0] : product.price[1];
      orders.push({ orderId: `o${++orderNo}`, productId: product.id, units, amount: Math.round(units * price * 100) / 100, currency: market.currency, locale: market.locale, at: start + (from + 15 + k * 25) * 1000, status: 'paid' });
    }
    now = start + (from + 200) * 1000;
    await core.execute({ type: 'sales.record', source: 'manual', orders }, PRODUCER);
  }
  await at(2420, { type: 'rundown.unpin' });
  for (const [i, id] of obs.entries()) await at(2430, { type: 'recording.stopped', connectionId: id, at: start + 2_430_000, path: join(dataDir, `show-${i}.mkv`) }, OBS);
  await core.close();
}
