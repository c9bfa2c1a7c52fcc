import { NONE } from '../store/studio-store';
import { useLive } from '../store/live';
import { useDeskText } from '../i18n/desk-text';
import { broadcastState } from '../lib/broadcast-state';

/**
 * Whether the show is on air: an OBS is streaming (with its time on air), recording, or neither.
 * Distinct from the link to the studio, which says only that this screen is connected.
 */
export function BroadcastStatus() {
  const { t } = useDeskText();
  const state = broadcastState(useLive((s) => s.show?.obs ?? NONE));
  if (state.kind === 'streaming') {
    return (
      <span className="broadcast on-air" data-testid="broadcast-status" data-state="streaming" role="status">
        <span className="dot" aria-hidden /> {state.streaming === state.of ? t('broadcast.streaming') : t('broadcast.streamingSome', { count: state.streaming, of: state.of })}
        {state.longest && <span className="mono"> {state.longest}</span>}
      </span>
    );
  }
  if (state.kind === 'recording') {
    return (
      <span className="broadcast recording" data-testid="broadcast-status" data-state="recording" role="status">
        <span className="dot" aria-hidden /> {t('broadcast.recording')}
      </span>
    );
  }
  return (
    <span className="broadcast off" data-testid="broadcast-status" data-state="off" role="status">
      {state.noObs ? t('broadcast.noObs') : t('broadcast.notStreaming')}
    </span>
  );
}
