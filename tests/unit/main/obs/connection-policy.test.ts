import { describe, expect, it } from 'vitest';
import { OBSWebSocketError } from 'obs-websocket-js';
import { backoffDelay } from '../../../../src/main/obs/backoff';
import { describeClose } from '../../../../src/main/obs/obs-rpc';
import { AlertThrottle, healthProblems, healthSample } from '../../../../src/main/obs/obs-health';

describe('reconnect policy', () => {
  it('backs off exponentially with jitter and retries a refused port at least every second', () => {
    const max = (attempt: number, kind: 'unreachable' | 'timeout') => backoffDelay(attempt, kind, () => 1);
    const min = (attempt: number) => backoffDelay(attempt, 'timeout', () => 0);
    expect([0, 1, 2, 3, 4, 10, 50].map((a) => max(a, 'timeout'))).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000]);
    expect(max(20, 'unreachable')).toBe(500);
    expect(min(3)).toBe(1000);
  });

  it('does not retry a wrong or missing password, nor a protocol mismatch, and says why', () => {
    expect(describeClose(new OBSWebSocketError(4009, 'Authentication failed.'))).toMatchObject({ kind: 'auth', retry: false, message: expect.stringMatching(/password/), reason: { code: 'obs.link.auth', params: {} } });
    expect(describeClose(new OBSWebSocketError(4010, 'Unsupported'))).toMatchObject({ kind: 'incompatible', retry: false });
    expect(describeClose(new OBSWebSocketError(1006, 'connect ECONNREFUSED 127.0.0.1:4455'))).toMatchObject({ kind: 'unreachable', retry: true, reason: { code: 'obs.link.unreachable', params: {} } });
    expect(describeClose(new OBSWebSocketError(4011, 'kicked'))).toMatchObject({ kind: 'kicked', retry: true });
  });
});

describe('stream health', () => {
  const sample = (bytes: number, skipped: number, total: number, congestion = 0) => [
    { requestType: 'GetStats', requestStatus: { result: true, code: 100 }, responseData: { activeFps: 30, cpuUsage: 12.34, averageFrameRenderTime: 3.2, renderSkippedFrames: skipped, renderTotalFrames: total } },
    { requestType: 'GetStreamStatus', requestStatus: { result: true, code: 100 }, responseData: { outputActive: true, outputBytes: bytes, outputCongestion: congestion, outputSkippedFrames: 0, outputTotalFrames: total, outputTimecode: '00:01:00.000', outputReconnecting: false } },
    { requestType: 'GetRecordStatus', requestStatus: { result: true, code: 100 }, responseData: { outputActive: false } }
  ] as never;

  it('computes the bitrate from the change of output bytes between samples', () => {
    const first = healthSample(null, sample(1_000_000, 0, 100), 10_000);
    expect(first.health.bitrateKbps).toBeNull();
    const second = healthSample(first, sample(1_000_000 + 1_500_000, 0, 160), 12_000);
    expect(second.health.bitrateKbps).toBe(6000);
    expect(second.health).toMatchObject({ fps: 30, cpuPercent: 12.3, streaming: true, recording: false });
  });

  it('flags frames lost since the last sample, not over the whole session', () => {
    const a = healthSample(null, sample(0, 50, 1000), 0);
    const b = healthSample(a, sample(0, 60, 1060), 2000);
    expect(b.health.renderSkippedRecent).toBeCloseTo(0.167, 2);
    expect(healthProblems(b.health).map((p) => p.key)).toEqual(['render_lag']);
    // The desk words it from the code, with the share to a tenth of a percent.
    expect(healthProblems(b.health)[0]!.reason).toEqual({ code: 'obs.health.renderLag', params: { percent: 16.7 } });
    const c = healthSample(b, sample(0, 60, 1120, 0.5), 4000);
    expect(healthProblems(c.health).map((p) => p.key)).toEqual(['congestion']);
  });

  it('raises the same alert at most once a minute', () => {
    const alerts = new AlertThrottle(60_000, 5);
    expect(alerts.raise('render_lag', 'x', 0, { code: 'obs.health.renderLag', params: {} })).toBe(true);
    expect(alerts.raise('render_lag', 'x', 30_000, { code: 'obs.health.renderLag', params: {} })).toBe(false);
    expect(alerts.raise('congestion', 'y', 30_000, { code: 'obs.health.renderLag', params: {} })).toBe(true);
    expect(alerts.raise('render_lag', 'x', 61_000, { code: 'obs.health.renderLag', params: {} })).toBe(true);
    expect(alerts.alerts.map((a) => a.key)).toEqual(['render_lag', 'congestion', 'render_lag']);
  });
});
