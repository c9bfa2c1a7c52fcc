import { parseArgs } from 'node:util';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { startStudio, type Studio } from './studio';
import { startupSentence } from './settings/startup-error';

const USAGE = [
  'usage: npm run serve -- --data-dir DIR [options]',
  '  --data-dir DIR    where the show, settings and logs live (created if new)',
  '  --port PORT       the port to listen on (default 4555; 0 picks a free one)',
  '  --host ADDRESS    the address to listen on (default 127.0.0.1: this computer only)',
  '  --no-lan          keep a saved LAN mode "on" off for this run',
  '  --demo            load the demo show and the simulated marketplace into a new data dir',
  '  --recover-journal move a damaged journal tail aside and start from the last good revision',
  '  --help            print this and exit'
].join('\n');

/** The studio without a window: for tests, CI and dedicated studio machines. */
async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        help: { type: 'boolean', short: 'h', default: false },
        'data-dir': { type: 'string' },
        port: { type: 'string', default: '4555' },
        host: { type: 'string', default: '127.0.0.1' },
        'no-lan': { type: 'boolean', default: false },
        demo: { type: 'boolean', default: false },
        'recover-journal': { type: 'boolean', default: false }
      },
      strict: true
    }).values;
  } catch (err) {
    fail(`${(err as Error).message}\n${USAGE}`);
  }
  if (args.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const port = Number(args.port);
  if (!args['data-dir']) fail(`--data-dir is required\n${USAGE}`);
  if (!/^\d+$/.test(args.port) || port > 65535) fail(`--port must be a number from 0 to 65535, not "${args.port}"`);
  if (args.host !== 'localhost' && !isIP(args.host)) fail(`--host must be an IP address of this computer (127.0.0.1, 0.0.0.0 or a network address), not "${args.host}"`);
  if (args['no-lan'] && !isLoopback(args.host)) fail(`--no-lan keeps the studio on this computer, but --host ${args.host} puts it on the network; drop one of them`);

  // Everything the studio writes is the owner's alone, whoever else shares the machine.
  process.umask(0o077);
  const dataDir = resolve(args['data-dir']);
  let studio: Studio | null = null;
  const onUnexpected = (err: unknown) => {
    const id = studio?.errorLog.record(err, 'uncaught');
    console.error(`The studio stopped on an unexpected error${id ? ` (logged as ${id} in ${studio!.errorLog.file})` : `: ${(err as Error)?.message ?? String(err)}`}`);
    process.exit(1);
  };
  process.on('uncaughtException', onUnexpected);
  process.on('unhandledRejection', onUnexpected);

  try {
    studio = await startStudio({ dataDir, host: args.host, port, demo: args.demo, recoverJournal: args['recover-journal'], lan: args['no-lan'] ? false : undefined, log: (line) => console.log(line) });
  } catch (err) {
    fail(startupSentence(err, { dataDir, host: args.host, port }));
  }
  console.log(`Control: ${studio.controlUrl}`);
  console.log(`API token: ${studio.token}`);

  const running = studio;
  const stop = async (signal: string) => {
    console.log(`${signal}: stopping (journal flushed)`);
    await running.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

/** One line, exit 1: a start-up problem is a sentence to act on, never a stack trace. */
function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

void main();
