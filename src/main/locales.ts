import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Dictionary } from '../shared/overlay-text';

/** The reviewed overlay dictionaries, `resources/locales/<lang>.json`, read once at start. */
export function loadDictionaries(dir: string): Record<string, Dictionary> {
  const out: Record<string, Dictionary> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    out[basename(file, '.json')] = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Dictionary;
  }
  return out;
}
