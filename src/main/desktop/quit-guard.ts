import { isShowRunning, type OnAirSummary } from './on-air-summary';

/**
 * The question to ask before quitting, or null when quitting harms nothing. Quitting takes the
 * overlays and the hotkeys away from a show the audience is watching, so it is asked, not assumed.
 */
export function quitQuestion(s: OnAirSummary): { message: string; detail: string } | null {
  if (!isShowRunning(s)) return null;
  const live = s.obs.filter((o) => o.live).map((o) => o.name);
  const what = [s.product !== null ? `"${s.product}" is on air` : null, live.length ? `${live.join(', ')} ${live.length === 1 ? 'is' : 'are'} live` : null].filter(Boolean);
  return {
    message: 'Quit Shopcast Studio during the show?',
    detail: `${what.join(' and ')}. Quitting stops the overlays updating and the hotkeys working; OBS keeps streaming.`
  };
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
