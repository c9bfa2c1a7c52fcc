import type { ObsConnectionView } from '@shared/obs';

export type BroadcastState =
  | { kind: 'streaming'; streaming: number; of: number; longest: string }
  | { kind: 'recording' }
  | { kind: 'off'; noObs: boolean };

/** `01:02:09.123` as OBS reports it, without the milliseconds. */
export const timecode = (tc: string | null | undefined): string => (tc ? tc.replace(/\.\d+$/, '') : '');

/**
 * Whether the show is on air, from what each OBS reports: streaming (how many of them, and the
 * longest time on air), recording only, or neither. Being connected to the studio is not on air.
 */
export function broadcastState(obs: ObsConnectionView[]): BroadcastState {
  const streaming = obs.filter((c) => c.health?.streaming);
  if (streaming.length > 0) {
    const longest = streaming.map((c) => timecode(c.health?.streamTimecode)).sort((a, b) => a.padStart(12, '0').localeCompare(b.padStart(12, '0'))).at(-1) ?? '';
    return { kind: 'streaming', streaming: streaming.length, of: obs.length, longest };
  }
  if (obs.some((c) => c.health?.recording)) return { kind: 'recording' };
  return { kind: 'off', noObs: obs.length === 0 };
}
