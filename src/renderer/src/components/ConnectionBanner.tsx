import { useLive } from '../store/live';
import { useDeskText } from '../i18n/desk-text';

/**
 * A blip (a studio restart, a tablet roaming between access points) shows calmly as "Reconnecting…";
 * only once the link has been down for a few seconds does it alarm.
 */
export function ConnectionBanner() {
  const { t } = useDeskText();
  const link = useLive((s) => s.link);
  const hasShow = useLive((s) => s.show !== null);
  if (link === 'live' || !hasShow) return null;
  if (link === 'connecting') {
    return (
      <div className="banner calm" role="status" data-testid="reconnecting">
        {t('banner.reconnecting')}
      </div>
    );
  }
  return (
    <div className="banner" role="alert">
      {t('banner.offline')}
    </div>
  );
}
