import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ServeProcess {
  child: ChildProcess;
  baseUrl: string;
  controlUrl: string;
  token: string;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs the built headless studio (`out/main/serve.js`, what `npm run serve` runs) and waits for its ready lines. */
export function startServe(dataDir: string, extraArgs: string[] = [], port = 0): Promise<ServeProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'out', 'main', 'serve.js'), '--data-dir', dataDir, '--port', String(port), ...extraArgs], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${out}`)), 20_000);
    const onData = (chunk: Buffer) => {
      out += chunk;
      const control = /Control: (http:\/\/[^\s]+)\/\?token=(\S+)/.exec(out);
      if (control && /API token: \S+/.test(out)) {
        clearTimeout(timer);
        const baseUrl = control[1];
        resolve({ child, baseUrl, controlUrl: `${baseUrl}/?token=${control[2]}`, token: control[2], port: Number(new URL(baseUrl).port), output: () => out, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c) => (out += c));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${out}`));
    });
  });
}

export async function call(p: Pick<ServeProcess, 'baseUrl' | 'token'>, method: string, path: string, body?: unknown) {
  const res = await fetch(`${p.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${p.token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  return { status: res.status, body: (await res.json()) as any };
}

export interface ServeExit {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs the built headless studio expecting it to stop by itself (a refusal at start, `--help`), and
 * kills it if it has not within `timeoutMs`: a hang is a failure, not a wait.
 */
export function runServeToExit(args: string[], options: { timeoutMs?: number; uid?: number; gid?: number } = {}): Promise<ServeExit> {
  const started = Date.now();
  const child = spawn(process.execPath, [join(ROOT, 'out', 'main', 'serve.js'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid !== undefined && { uid: options.uid, gid: options.gid })
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c) => (stdout += c));
  child.stderr!.on('data', (c) => (stderr += c));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 10_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    })
  );
}
