import { isShowRunning, type OnAirSummary } from './on-air-summary';
import type { ShellText } from './shell-text';

/**
 * The question to ask before quitting, or null when quitting harms nothing. Quitting takes the
 * overlays and the hotkeys away from a show the audience is watching, so it is asked, not assumed.
 */
export function quitQuestion(s: OnAirSummary, { t, list }: ShellText): { message: string; detail: string; buttons: [keep: string, quit: string] } | null {
  if (!isShowRunning(s)) return null;
  const live = s.obs.filter((o) => o.live).map((o) => o.name);
  const what = [s.product !== null ? t('quit.productOnAir', { product: s.product }) : null, live.length ? t('quit.obsLive', { names: list(live), count: live.length }) : null].filter((w): w is string => w !== null);
  return { message: t('quit.message'), detail: t('quit.detail', { what: list(what) }), buttons: [t('quit.keepRunning'), t('quit.quit')] };
}

/**
 * What closing the window does: during a show the studio keeps running in the tray (and says so the
 * first time); otherwise the app quits as usual.
 */
export class CloseToTray {
  private told = false;

  onClose(s: OnAirSummary, hasTray: boolean): { keepRunning: boolean; tell: boolean } {
    if (!hasTray || !isShowRunning(s)) return { keepRunning: false, tell: false };
    const tell = !this.told;
    this.told = true;
    return { keepRunning: true, tell };
  }
}
