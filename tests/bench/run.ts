// `npm run bench`: the studio's speed and size targets, measured on this machine. Each section
// prints its figures and the aim from the issue it answers.
import { benchPinLatency } from './pin-latency';
import { benchFanOut } from './fan-out';
import { benchJournalReplay } from './journal-replay';
import { benchCatalogueSearch } from './catalogue-search';
import { benchObsFollow } from './obs-follow';
import { benchOverlay } from './overlay';
import { benchSales } from './sales';
import { benchSalesReport } from './sales-report';
import { benchDemoShop } from './demo-shop';
import { benchImport } from './import';
import { benchShowClock } from './clock';

const only = process.argv.slice(2);
const benches: [string, () => Promise<void>][] = [
  ['pin', benchPinLatency],
  ['fanout', benchFanOut],
  ['replay', benchJournalReplay],
  ['search', benchCatalogueSearch],
  ['obs', benchObsFollow],
  ['overlay', benchOverlay],
  ['sales', benchSales],
  ['report', benchSalesReport],
  ['demo', benchDemoShop],
  ['import', benchImport],
  ['clock', benchShowClock]
];
for (const [name, run] of benches) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n## ${name}`);
  await run();
}
