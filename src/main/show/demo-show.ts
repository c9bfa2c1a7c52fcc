import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Actor } from '../../shared/events';
import type { ShowLocale } from '../../shared/locale';
import { parseCatalogue } from './catalogue-import';
import type { ShowCore } from './show-core';

const DEMO_ACTOR: Actor = { id: 'studio', client: 'demo' };

interface DemoShowFile {
  title: string;
  locales: ShowLocale[];
  rundown: string[];
}

/** Loads the bundled multilingual demo show through ordinary commands, so it is journaled like any other. */
export async function loadDemoShow(core: ShowCore, demoDir: string): Promise<void> {
  const catalogue = JSON.parse(await readFile(join(demoDir, 'catalogue.json'), 'utf8')) as unknown;
  const show = JSON.parse(await readFile(join(demoDir, 'show.json'), 'utf8')) as DemoShowFile;
  const { products, rejected } = parseCatalogue(catalogue, 'json');
  if (rejected.length) throw new Error(`the bundled demo catalogue has broken rows: ${rejected.map((r) => `row ${r.row}: ${r.message}`).join('; ')}`);
  await core.execute({ type: 'catalogue.import', products }, DEMO_ACTOR);
  await core.execute({ type: 'show.update', title: show.title, locales: show.locales }, DEMO_ACTOR);
  for (const productId of show.rundown) await core.execute({ type: 'rundown.add', productId }, DEMO_ACTOR);
}
