import { isOperator } from '../access/principal';
import type { LiveWatcher } from './live-feed';
import type { StudioAccess } from './studio-context';

/** Presence and last-seen from the live feed: overlays (OBS) are not operators. */
export function livePresence({ devices, presence }: StudioAccess): LiveWatcher {
  return {
    opened(principal) {
      if (!isOperator(principal)) return () => {};
      if (principal.kind === 'device') devices.seen(principal.id);
      const left = presence.connected(principal);
      return () => {
        left();
        if (principal.kind === 'device') {
          devices.seen(principal.id);
          devices.flush();
        }
      };
    },
    heard(principal) {
      if (principal.kind === 'device') devices.seen(principal.id);
    }
  };
}
