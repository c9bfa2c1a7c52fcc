import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { tempDir } from './temp-dir';

/**
 * A real OBS Studio (Debian's build, obs-websocket 5.1) under a virtual X display, with its own
 * throwaway HOME, so tests drive the same program a streamer runs.
 */
export interface ObsInstance {
  port: number;
  password: string;
  url: string;
  home: string;
  /** SIGKILL, as a crash would. */
  kill(): Promise<void>;
  /** Starts OBS again on the same profile and port; resolves once it accepts connections. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface VirtualDisplay {
  display: string;
  stop(): Promise<void>;
}

/** Xvfb picks a free display number itself and tells it on a pipe. */
export function startDisplay(): Promise<VirtualDisplay> {
  return new Promise((resolve, reject) => {
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    let out = '';
    xvfb.on('error', reject);
    xvfb.stdio[3]!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve({ display: `:${out.trim()}`, stop: () => stopProcess(xvfb) });
    });
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it was ready`)));
  });
}

export async function startObs(display: VirtualDisplay, options: { password?: string } = {}): Promise<ObsInstance> {
  const { dir: home, cleanup } = await tempDir('shopcast-obs-');
  const port = await freePort();
  const password = options.password ?? 'studio-test-pass';
  const configDir = join(home, '.config', 'obs-studio');
  await mkdir(configDir, { recursive: true });
  await writeFile(
    join(configDir, 'global.ini'),
    [
      '[General]',
      'FirstRun=true',
      '',
      '[OBSWebSocket]',
      'FirstLoad=false',
      'ServerEnabled=true',
      `ServerPort=${port}`,
      `AuthRequired=${password ? 'true' : 'false'}`,
      `ServerPassword=${password}`,
      'AlertsEnabled=false',
      ''
    ].join('\n')
  );
  let child: ChildProcess | null = null;
  const launch = async () => {
    child = spawn('obs', ['--minimize-to-tray', '--disable-shutdown-check', '--multi'], {
      cwd: home,
      env: { ...process.env, HOME: home, DISPLAY: display.display, XDG_CONFIG_HOME: join(home, '.config'), QT_QPA_PLATFORM: 'xcb' },
      stdio: 'ignore'
    });
    await waitForPort(port, 30_000);
  };
  await launch();
  return {
    port,
    password,
    url: `ws://127.0.0.1:${port}`,
    home,
    async kill() {
      if (child) await stopProcess(child, 'SIGKILL');
      child = null;
    },
    restart: launch,
    async stop() {
      if (child) await stopProcess(child, 'SIGKILL');
      child = null;
      await cleanup();
    }
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listened on port ${port} within ${timeoutMs} ms`);
}

function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => (clearTimeout(timer), resolve()));
    child.kill(signal);
  });
}
