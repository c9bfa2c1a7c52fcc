import type { ObsConnectionView } from '../../shared/obs';
import type { Reason } from '../../shared/reason';
import { AlertThrottle, healthProblems, healthSample } from './obs-health';

type Responses = Parameters<typeof healthSample>[1];

/** OBS's canvas size as its liveness ping reports it. */
export interface CanvasSize {
  width: number;
  height: number;
}

/**
 * One OBS's health as its liveness pings tell it (frames, disk, outputs) and the alerts raised from
 * it and from link trouble, each at most once in a while.
 */
export class ConnectionHealth {
  private sample: ReturnType<typeof healthSample> | null = null;
  private readonly alerts = new AlertThrottle();

  /** Takes one ping's answers: whether OBS streams and records, and its canvas size if it said. */
  take(responses: Responses, at: number): { streaming: boolean; recording: boolean; canvas: CanvasSize | null } {
    this.sample = healthSample(this.sample, responses, at);
    const { health } = this.sample;
    for (const p of healthProblems(health)) this.alerts.raise(p.key, p.message, at, p.reason);
    const video = responses.find((r) => r.requestType === 'GetVideoSettings' && r.requestStatus.result)?.responseData as { baseWidth?: number; baseHeight?: number } | undefined;
    const canvas = video?.baseWidth && video.baseHeight ? { width: video.baseWidth, height: video.baseHeight } : null;
    return { streaming: health.streaming, recording: health.recording, canvas };
  }

  linkFailed(kind: string, message: string, why: Reason): void {
    this.alerts.raise(`link_${kind}`, message, Date.now(), why);
  }

  /** Link trouble is over: its alerts no longer hold. */
  linkRestored(): void {
    this.alerts.clear((key) => key.startsWith('link_'));
  }

  view(): Pick<ObsConnectionView, 'health' | 'alerts'> {
    return { health: this.sample?.health ?? null, alerts: this.alerts.alerts };
  }
}
