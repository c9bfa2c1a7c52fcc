import { performance } from 'node:perf_hooks';
import { startStudio, type Studio } from '../../src/main/studio';
import { startDisplay, startObs, waitForPort, type ObsInstance } from '../helpers/obs-process';
import { tempDir } from '../helpers/temp-dir';
import { report, summarize } from './stats';

interface Applied {
  id: string;
  revision: number;
  ms: number;
  at: number;
}

/**
 * Pin to OBS acknowledged, against real OBS processes: from the pin request to every OBS having
 * answered its batch; and the batch's own round trip. Then the heal time after OBS restarts.
 */
export async function benchObsFollow(): Promise<void> {
  const display = await startDisplay();
  const instances: ObsInstance[] = [];
  try {
    for (const count of [1, 3]) {
      while (instances.length < count) instances.push(await startObs(display));
      await measurePins(instances.slice(0, count));
    }
    await measureHeal(instances[0]);
  } finally {
    await Promise.all(instances.map((o) => o.stop()));
    await display.stop();
  }
}

async function studioWith(instances: ObsInstance[]) {
  const { dir, cleanup } = await tempDir('shopcast-bench-obs-');
  const applied: Applied[] = [];
  const waiters: (() => void)[] = [];
  const studio: Studio = await startStudio({
    dataDir: dir,
    onObsApplied: (id, revision, ms) => {
      applied.push({ id, revision, ms, at: performance.now() });
      waiters.splice(0).forEach((w) => w());
    }
  });
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${studio.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${studio.token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return (await res.json()) as any;
  };
  await api('POST', '/api/v1/products/import', Array.from({ length: 10 }, (_, i) => ({ id: `p-${i}`, title: { en: `Product ${i}`, pl: `Produkt ${i}` }, price: { PLN: 10 + i }, stock: i })));
  await api('PATCH', '/api/v1/show', { locales: [{ locale: 'pl-PL', currency: 'PLN' }] });
  const items: string[] = [];
  for (let i = 0; i < 10; i++) items.push((await api('POST', '/api/v1/rundown/items', { productId: `p-${i}` })).id);
  const ids: string[] = [];
  for (const [n, obs] of instances.entries()) {
    const conn = await api('POST', '/api/v1/obs/connections', { name: `OBS ${n + 1}`, url: obs.url, password: obs.password, locale: 'pl-PL' });
    ids.push(conn.id);
  }
  await until(() => studio.obs.views().every((v) => v.status === 'identified'));
  for (const id of ids) await studio.obs.setup(id);
  const waitApplied = (revision: number, which: string[]) =>
    new Promise<void>((resolve) => {
      const check = () => (which.every((id) => applied.some((a) => a.id === id && a.revision >= revision)) ? resolve() : waiters.push(check));
      check();
    });
  return {
    studio,
    api,
    items,
    ids,
    applied,
    waitApplied,
    stop: async () => {
      await studio.close();
      await cleanup();
    }
  };
}

async function measurePins(instances: ObsInstance[]): Promise<void> {
  const s = await studioWith(instances);
  const endToEnd: number[] = [];
  for (let i = 0; i < 400; i++) {
    const t0 = performance.now();
    const { revision } = await s.api('POST', '/api/v1/rundown/pin', { itemId: s.items[i % 10] });
    await s.waitApplied(revision, s.ids);
    if (i >= 50) endToEnd.push(performance.now() - t0);
  }
  const batches = s.applied.slice(-350 * instances.length).map((a) => a.ms);
  report(`pin → acknowledged by ${instances.length} OBS (HTTP pin + journal fsync + batch)`, summarize(endToEnd));
  report(`  one OBS batch round trip (${instances.length} OBS running)`, summarize(batches), 'p99 < 5 ms per batch');
  await s.stop();
}

async function measureHeal(obs: ObsInstance): Promise<void> {
  const s = await studioWith([obs]);
  const samples: number[] = [];
  for (let round = 0; round < 5; round++) {
    await s.api('POST', '/api/v1/rundown/pin', { itemId: s.items[round] });
    await obs.kill();
    await until(() => s.studio.obs.views()[0].status !== 'identified');
    const { revision } = await s.api('POST', '/api/v1/rundown/next');
    await obs.restart();
    const back = performance.now();
    await waitForPort(obs.port, 30_000);
    await s.waitApplied(revision, s.ids);
    const healed = s.applied.find((a) => a.revision >= revision)!;
    samples.push(healed.at - back);
  }
  report('OBS back (accepting connections) → canvas shows the current product', summarize(samples), 'healed within 1000 ms');
  await s.stop();
}

async function until(ok: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
