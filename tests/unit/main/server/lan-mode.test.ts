import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { LanMode } from '../../../../src/main/server/lan-mode';
import { LanListeners } from '../../../../src/main/server/lan-listeners';
import { HostAllowList } from '../../../../src/main/server/request-guard';
import { PairingDesk } from '../../../../src/main/access/pairing-desk';
import { freePort } from '../../../helpers/obs-process';
import { until } from '../../../helpers/until';

/** Stands for the machine's address on the studio network: a loopback alias, never a real interface. */
const LAN = '127.0.0.2';
let blocker: Server | null = null;
let lan: LanMode | null = null;

afterEach(async () => {
  await lan?.close();
  await new Promise((resolve) => (blocker ? blocker.close(resolve) : resolve(undefined)));
  blocker = null;
});

describe('LAN mode at start', () => {
  it('keeps a stored "on" that cannot start yet, says why, and comes up by itself once it can', async () => {
    const port = await freePort();
    // Something else holds the port on the studio network for now (the network not ready, say).
    blocker = createServer((_req, res) => res.end('not the studio'));
    await new Promise<void>((resolve) => blocker!.listen(port, LAN, resolve));
    let stored = true;
    const store = { enabled: () => stored, setEnabled: (on: boolean) => (stored = on) };
    const allowList = new HostAllowList(new Set(['127.0.0.1']));
    const listeners = new LanListeners({ request: (_req, res) => res.end('studio'), upgrade: (_req, socket) => socket.destroy() });
    lan = new LanMode({ store, addresses: () => [LAN], boundToLan: false, allowList, listeners, pairing: new PairingDesk(), loopbackUrl: () => `http://127.0.0.1:${port}`, port: () => port, retryMs: 100 });

    await lan.start();
    expect((await lan.view()).enabled).toBe(false);
    expect(lan.waitingFor).toMatch(/could not listen/);
    expect(stored).toBe(true); // the producer's choice is not forgotten
    expect(allowList.has(LAN)).toBe(false);

    await new Promise((resolve) => blocker!.close(resolve));
    blocker = null;
    await until('LAN mode to come up', () => lan!.view(), (v) => v.enabled, 5000);
    expect(lan.waitingFor).toBeNull();
    expect(allowList.has(LAN)).toBe(true);
    expect(await (await fetch(`http://${LAN}:${port}/`)).text()).toBe('studio');
  });

  it('stops trying when the producer turns it off meanwhile', async () => {
    const port = await freePort();
    blocker = createServer((_req, res) => res.end('not the studio'));
    await new Promise<void>((resolve) => blocker!.listen(port, LAN, resolve));
    let stored = true;
    const store = { enabled: () => stored, setEnabled: (on: boolean) => (stored = on) };
    const listeners = new LanListeners({ request: (_req, res) => res.end('studio'), upgrade: (_req, socket) => socket.destroy() });
    lan = new LanMode({ store, addresses: () => [LAN], boundToLan: false, allowList: new HostAllowList(new Set()), listeners, pairing: new PairingDesk(), loopbackUrl: () => '', port: () => port, retryMs: 100 });
    await lan.start();
    await lan.set(false);
    await new Promise((resolve) => blocker!.close(resolve));
    blocker = null;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await lan.view()).enabled).toBe(false);
    expect(stored).toBe(false);
  });
});
