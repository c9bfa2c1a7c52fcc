// `npm run bench`: the studio's speed and size targets, measured on this machine. Each section
// prints its figures and the aim from the issue it answers; where a bare implementation bounds a
// figure (issue 14), the limit is measured in the same run, alternating with the studio, and printed
// beside it with the ratio and issue 19's aim. Those lines are repeated together at the end.
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
import { benchLibrary } from './library';
import { limitLines } from './stats';
import { benchClips } from './clips';
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
  ['clips', benchClips],
  ['library', benchLibrary],
  ['clock', benchShowClock]
];
for (const [name, run] of benches) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n## ${name}`);
  // One section failing (on a loaded machine a big upload can be cut off) must not lose the others' figures.
  try {
    await run();
  } catch (err) {
    console.log(`${name} FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exitCode = 1;
  }
}
if (limitLines.length) {
  console.log('\n## against limits and aims (issue 14 limits, issue 19 aims)');
  for (const line of limitLines) console.log(line);
}
