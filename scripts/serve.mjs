// `npm run serve -- --data-dir DIR --port PORT [--host H] [--demo]`: builds the studio if its
// sources changed, then runs the headless entry in this process.
import { pathToFileURL } from 'node:url';
import { ensureBuild, serveEntry } from './ensure-build.mjs';

try {
  ensureBuild();
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
await import(pathToFileURL(serveEntry).href);
