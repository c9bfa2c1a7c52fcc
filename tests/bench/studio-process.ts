import { Agent, request } from 'node:http';
import { startServe, type ServeProcess } from '../helpers/serve-process';
import { tempDir } from '../helpers/temp-dir';

/** The built studio in its own process, so the benchmark's client never shares its event loop. */
export async function benchStudio(): Promise<{ studio: ServeProcess; post: (path: string, body: unknown) => Promise<{ status: number; body: any }>; stop: () => Promise<void> }> {
  const { dir, cleanup } = await tempDir('shopcast-bench-');
  const studio = await startServe(dir);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const post = (path: string, body: unknown) =>
    new Promise<{ status: number; body: any }>((resolve, reject) => {
      const data = JSON.stringify(body);
      const req = request(
        { host: '127.0.0.1', port: studio.port, path, method: 'POST', agent, headers: { authorization: `Bearer ${studio.token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } },
        (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
        }
      );
      req.on('error', reject);
      req.end(data);
    });
  return {
    studio,
    post,
    async stop() {
      agent.destroy();
      studio.child.kill('SIGTERM');
      await studio.exited;
      await cleanup();
    }
  };
}

export async function seedRundown(post: (path: string, body: unknown) => Promise<{ status: number; body: any }>, n: number): Promise<string[]> {
  await post('/api/v1/products/import', Array.from({ length: n }, (_, i) => ({ id: `p-${i}`, title: { en: `P${i}` } })));
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await post('/api/v1/rundown/items', { productId: `p-${i}` })).body.id);
  return ids;
}
