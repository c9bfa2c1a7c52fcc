import type { ResponseMessage } from 'obs-websocket-js';
import type { ObsAlert, ObsHealthView } from '../../shared/obs';
import { reason, type Reason } from '../../shared/reason';

interface Sample {
  health: ObsHealthView;
  outputBytes: number | null;
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function dataOf(responses: ResponseMessage[], type: string): Record<string, unknown> | null {
  const r = responses.find((x) => x.requestType === type);
  return r?.requestStatus.result ? ((r.responseData ?? {}) as Record<string, unknown>) : null;
}

/**
 * One health sample from the liveness ping. OBS reports no bitrate: it is the change of the
 * stream's `outputBytes` since the previous sample.
 */
export function healthSample(prev: Sample | null, responses: ResponseMessage[], at: number): Sample {
  const stats = dataOf(responses, 'GetStats') ?? {};
  const stream = dataOf(responses, 'GetStreamStatus') ?? {};
  const record = dataOf(responses, 'GetRecordStatus') ?? {};
  const streaming = stream.outputActive === true;
  const outputBytes = streaming ? num(stream.outputBytes) : null;
  const prevBytes = prev?.outputBytes ?? null;
  const dt = prev ? at - prev.health.at : 0;
  const bitrateKbps = outputBytes !== null && prevBytes !== null && outputBytes >= prevBytes && dt > 0 ? Math.round(((outputBytes - prevBytes) * 8) / dt) : null;
  const renderTotal = num(stats.renderTotalFrames);
  const renderSkipped = num(stats.renderSkippedFrames);
  const outputTotal = num(stream.outputTotalFrames);
  const outputSkipped = num(stream.outputSkippedFrames);
  const p = prev?.health;
  return {
    outputBytes,
    health: {
      at,
      fps: Math.round(num(stats.activeFps) * 10) / 10,
      cpuPercent: Math.round(num(stats.cpuUsage) * 10) / 10,
      frameRenderMs: Math.round(num(stats.averageFrameRenderTime) * 100) / 100,
      renderSkippedFrames: renderSkipped,
      renderTotalFrames: renderTotal,
      outputSkippedFrames: outputSkipped,
      outputTotalFrames: outputTotal,
      // Share of frames lost since the previous sample: what the operator can still act on.
      renderSkippedRecent: p ? ratio(renderSkipped - p.renderSkippedFrames, renderTotal - p.renderTotalFrames) : 0,
      outputSkippedRecent: p ? ratio(outputSkipped - p.outputSkippedFrames, outputTotal - p.outputTotalFrames) : 0,
      congestion: Math.round(num(stream.outputCongestion) * 100) / 100,
      bitrateKbps,
      streaming,
      reconnecting: stream.outputReconnecting === true,
      streamTimecode: streaming ? String(stream.outputTimecode ?? '') : null,
      recording: record.outputActive === true,
      recordTimecode: record.outputActive === true ? String(record.outputTimecode ?? '') : null
    }
  };
}

function ratio(part: number, whole: number): number {
  return whole > 0 && part > 0 ? Math.round((part / whole) * 1000) / 1000 : 0;
}

/** What in a health sample deserves the operator's attention. */
export function healthProblems(h: ObsHealthView): { key: string; message: string; reason: Reason }[] {
  const problems: { key: string; message: string; reason: Reason }[] = [];
  if (h.renderSkippedRecent > 0.05) problems.push({ key: 'render_lag', message: `OBS is dropping ${pct(h.renderSkippedRecent)} of rendered frames: the scene is too heavy for this machine`, reason: reason('obs.health.renderLag', { percent: tenths(h.renderSkippedRecent) }) });
  if (h.outputSkippedRecent > 0.02) problems.push({ key: 'encoder_lag', message: `OBS is skipping ${pct(h.outputSkippedRecent)} of output frames: the encoder is overloaded`, reason: reason('obs.health.encoderLag', { percent: tenths(h.outputSkippedRecent) }) });
  if (h.streaming && h.congestion > 0.3) problems.push({ key: 'congestion', message: 'the stream is congested: the upload cannot keep up with the bitrate', reason: reason('obs.health.congestion') });
  if (h.reconnecting) problems.push({ key: 'stream_reconnecting', message: 'OBS lost the streaming server and is reconnecting', reason: reason('obs.health.streamReconnecting') });
  return problems;
}

/** A share as a percentage to a tenth (0.0734 → 7.3): the desk writes it with its locale's decimal sign. */
const tenths = (r: number) => Math.round(r * 1000) / 10;
const pct = (r: number) => `${tenths(r)}%`;

/**
 * Alerts that inform instead of flooding: the same problem is raised at most once per `quietMs`,
 * however many samples show it, and the list keeps only the latest few.
 */
export class AlertThrottle {
  private lastRaised = new Map<string, number>();
  private list: ObsAlert[] = [];

  constructor(
    private readonly quietMs = 60_000,
    private readonly keep = 5
  ) {}

  get alerts(): ObsAlert[] {
    return this.list;
  }

  /** Drops alerts that no longer hold (the link is back, the output runs). */
  clear(stale: (key: string) => boolean): void {
    this.list = this.list.filter((a) => !stale(a.key));
    for (const key of [...this.lastRaised.keys()]) if (stale(key)) this.lastRaised.delete(key);
  }

  /** True when this raised a new alert (so the view changed). */
  raise(key: string, message: string, at: number, why: Reason): boolean {
    const last = this.lastRaised.get(key);
    if (last !== undefined && at - last < this.quietMs) return false;
    this.lastRaised.set(key, at);
    this.list = [{ key, message, at, reason: why }, ...this.list].slice(0, this.keep);
    return true;
  }
}
