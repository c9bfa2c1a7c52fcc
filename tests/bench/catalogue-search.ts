import { performance } from 'node:perf_hooks';
import { CatalogueIndex } from '../../src/main/show/catalogue-search';
import { mergeProduct } from '../../src/shared/product';
import { syntheticCatalogue } from './fixtures';
import { report, summarize } from './stats';

/** Catalogue search over 10,000 multilingual products, as the control room's search box asks it. */
export async function benchCatalogueSearch(): Promise<void> {
  const index = new CatalogueIndex();
  index.upsert(syntheticCatalogue(10_000).map((p) => mergeProduct(undefined, p)));
  const queries = ['lav', 'lavender trousers', 'zolta', 'брюки', 'sku-99', 'mug 12', 'nothing-matches', '', 'wool scarf', 'chaussure'];
  const locales = ['pl-PL', 'de-DE', 'ru-RU', 'en-GB'];
  for (let i = 0; i < 50; i++) index.search(queries[i % queries.length], { locale: locales[i % 4], limit: 100 });
  const samples: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const t0 = performance.now();
    index.search(queries[i % queries.length], { locale: locales[i % 4], limit: 100 });
    samples.push(performance.now() - t0);
  }
  report('catalogue search, 10,000 products, first 100 results', summarize(samples), 'p99 < 5 ms');
}
