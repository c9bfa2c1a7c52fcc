import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startStudio } from './studio';
import { JournalCorruptError } from './show/journal';

const USAGE = 'usage: npm run serve -- --data-dir DIR --port PORT [--host 127.0.0.1] [--demo] [--recover-journal]';

/** The studio without a window: for tests, CI and dedicated studio machines. */
async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string', default: '4555' },
        host: { type: 'string', default: '127.0.0.1' },
        demo: { type: 'boolean', default: false },
        'recover-journal': { type: 'boolean', default: false }
      },
      strict: true
    }).values;
  } catch (err) {
    fail(`${(err as Error).message}\n${USAGE}`);
  }
  const port = Number(args.port);
  if (!args['data-dir']) fail(`--data-dir is required\n${USAGE}`);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535\n${USAGE}`);

  const studio = await startStudio({
    dataDir: resolve(args['data-dir']),
    host: args.host,
    port,
    demo: args.demo,
    recoverJournal: args['recover-journal'],
    log: (line) => console.log(line)
  });
  console.log(`Control: ${studio.controlUrl}`);
  console.log(`API token: ${studio.token}`);

  const stop = async (signal: string) => {
    console.log(`${signal}: stopping (journal flushed)`);
    await studio.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

main().catch((err) => {
  if (err instanceof JournalCorruptError) console.error(`Cannot open the show: ${err.message}`);
  else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') console.error(`The port is taken: ${(err as Error).message}. Choose another with --port, or --port 0 for any free port.`);
  else console.error(err);
  process.exit(1);
});
