import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import OBSWebSocket from 'obs-websocket-js';
import { startDisplay, startObs, type ObsInstance, type VirtualDisplay } from '../../helpers/obs-process';
import { startTestStudio, type TestStudio } from '../../helpers/test-studio';
import { tempDir } from '../../helpers/temp-dir';
import { until } from '../../helpers/until';
import type { ObsConnectionView } from '../../../src/shared/obs';

let display: VirtualDisplay;
let obs: ObsInstance;
let t: TestStudio;
let probe: OBSWebSocket;
let connection: ObsConnectionView;

const connectionView = async (): Promise<ObsConnectionView> => (await t.api('GET', `/api/v1/obs/connections/${connection.id}`)).body;
const output = (which: 'stream' | 'record', action: 'start' | 'stop') => t.api('POST', `/api/v1/obs/connections/${connection.id}/${which}`, { action });

beforeAll(async () => {
  display = await startDisplay();
  obs = await startObs(display);
  probe = new OBSWebSocket();
  await probe.connect(obs.url, obs.password);
  t = await startTestStudio();
  connection = (await t.api('POST', '/api/v1/obs/connections', { name: 'Polish channel', url: obs.url, password: obs.password, locale: 'en-GB' })).body;
  await until('identified', connectionView, (c) => c.status === 'identified');
}, 90_000);

afterAll(async () => {
  await probe?.call('StopRecord').catch(() => {});
  await probe?.disconnect().catch(() => {});
  await t?.stop();
  await obs?.stop();
  await display?.stop();
});

describe('going live and recording as OBS really has them', () => {
  it('answers Go live on an OBS without a stream address with OBS\'s reason, and the card shows it within two seconds', async () => {
    const started = performance.now();
    const res = await output('stream', 'start');
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/no stream address.*Settings → Stream/);
    const view = await until('the reason on the card', connectionView, (c) => c.outputs.stream.error !== null, 2000);
    const ms = performance.now() - started;
    console.log(`[figure] Go live without a stream address → reason on the OBS card: ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(2000);
    expect(view.outputs.stream).toMatchObject({ state: 'off', error: expect.stringMatching(/no stream address/) });
  });

  it('names the streaming server OBS could not reach, never the stream key', async () => {
    await probe.call('SetStreamServiceSettings', { streamServiceType: 'rtmp_custom', streamServiceSettings: { server: 'rtmp://127.0.0.1:9/live', key: 'secret-stream-key' } });
    const res = await output('stream', 'start');
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('could not connect to the streaming server (127.0.0.1:9)');
    const view = await connectionView();
    expect(JSON.stringify(view)).not.toContain('secret-stream-key');
    expect(JSON.stringify(res.body)).not.toContain('secret-stream-key');
  });

  it('says OBS cannot write its recording folder when Record is pressed with a folder that is not there', async () => {
    await probe.call('SetProfileParameter', { parameterCategory: 'SimpleOutput', parameterName: 'FilePath', parameterValue: '/nonexistent/recordings' });
    const res = await output('record', 'start');
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('cannot write to its recording folder /nonexistent/recordings');
    expect((await connectionView()).outputs.record).toMatchObject({ state: 'off', error: expect.stringContaining('/nonexistent/recordings') });
  });

  it('records into a good folder: the button\'s state follows OBS to on and back to off, and the last refusal is cleared', async () => {
    const { dir, cleanup } = await tempDir('shopcast-rec-');
    try {
      await probe.call('SetProfileParameter', { parameterCategory: 'SimpleOutput', parameterName: 'FilePath', parameterValue: dir });
      const res = await output('record', 'start');
      expect(res.status).toBe(200);
      const on = await connectionView();
      expect(on.outputs.record).toMatchObject({ state: 'on', error: null });
      expect((await output('record', 'stop')).status).toBe(200);
      await until('recording off', connectionView, (c) => c.outputs.record.state === 'off', 5000);
    } finally {
      await cleanup();
    }
  });

  // A real full disk: a 1 MB tmpfs (mounting needs root, as CI and the dev machines run).
  it.runIf(process.getuid?.() === 0)('says the disk is full when OBS records onto a disk with no room, whether it refuses or stops by itself', async () => {
    const { dir, cleanup } = await tempDir('shopcast-full-');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir]);
    try {
      await probe.call('SetProfileParameter', { parameterCategory: 'SimpleOutput', parameterName: 'FilePath', parameterValue: dir });
      const res = await output('record', 'start');
      expect([200, 409]).toContain(res.status);
      const view = await until('the full disk on the card', connectionView, (c) => /is full/.test(c.outputs.record.error ?? ''), 15_000);
      expect(view.outputs.record.state).toBe('off');
      expect(view.outputs.record.error).toContain(dir);
    } finally {
      await probe.call('StopRecord').catch(() => {});
      await until('OBS to let go of the disk', () => probe.call('GetRecordStatus'), (s) => !s.outputActive, 10_000).catch(() => {});
      execFileSync('umount', ['-l', dir]);
      await cleanup();
    }
  }, 40_000);
});
