import { NONE, useStudio } from '../store/studio-store';
import { useDeskText } from '../i18n/desk-text';

/** `01:02:09.123` as OBS reports it, without the milliseconds. */
export const timecode = (tc: string | null | undefined): string => (tc ? tc.replace(/\.\d+$/, '') : '');

/**
 * Whether the show is on air: an OBS is streaming (with its time on air), recording, or neither.
 * Distinct from the link to the studio, which says only that this screen is connected.
 */
export function BroadcastStatus() {
  const { t } = useDeskText();
  const obs = useStudio((s) => s.show?.obs ?? NONE);
  const streaming = obs.filter((c) => c.health?.streaming);
  const recording = obs.filter((c) => c.health?.recording);
  if (streaming.length > 0) {
    const longest = streaming.map((c) => timecode(c.health?.streamTimecode)).sort().at(-1) ?? '';
    return (
      <span className="broadcast on-air" data-testid="broadcast-status" data-state="streaming" role="status">
        <span className="dot" aria-hidden /> {streaming.length === obs.length ? t('broadcast.streaming') : t('broadcast.streamingSome', { count: streaming.length, of: obs.length })}
        {longest && <span className="mono"> {longest}</span>}
      </span>
    );
  }
  if (recording.length > 0) {
    return (
      <span className="broadcast recording" data-testid="broadcast-status" data-state="recording" role="status">
        <span className="dot" aria-hidden /> {t('broadcast.recording')}
      </span>
    );
  }
  return (
    <span className="broadcast off" data-testid="broadcast-status" data-state="off" role="status">
      {obs.length === 0 ? t('broadcast.noObs') : t('broadcast.notStreaming')}
    </span>
  );
}
