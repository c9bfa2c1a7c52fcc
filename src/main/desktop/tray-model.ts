import type { OnAirSummary } from './on-air-summary';

/** The tray menu as data, so what it says and offers is tested without Electron. */
export type TrayCommand = 'next' | 'previous' | 'offAir' | 'open' | 'quit';
export type TrayEntry = { kind: 'label'; label: string } | { kind: 'separator' } | { kind: 'action'; command: TrayCommand; label: string; enabled: boolean };

export interface TrayModel {
  tooltip: string;
  entries: TrayEntry[];
}

/** `m:ss`, or `h:mm:ss` past an hour: how long the product has been on air. */
export function slotTime(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

function obsLine(o: OnAirSummary['obs'][number]): string {
  if (!o.connected) return `${o.name}: not connected`;
  const states = [o.live ? 'LIVE' : 'not live', ...(o.recording ? ['recording'] : [])];
  return `${o.name}: ${states.join(', ')}`;
}

/** The tray's tooltip and menu for the show as it is at `now`. */
export function trayModel(s: OnAirSummary, now: number, hasRundown: boolean): TrayModel {
  const onAir = s.product !== null ? `On air: ${s.product} (${slotTime(now - (s.since ?? now))})` : 'Nothing on air';
  const entries: TrayEntry[] = [{ kind: 'label', label: onAir }];
  if (s.obs.length) {
    entries.push({ kind: 'separator' });
    for (const o of s.obs) entries.push({ kind: 'label', label: obsLine(o) });
  }
  entries.push(
    { kind: 'separator' },
    { kind: 'action', command: 'next', label: 'Next product', enabled: hasRundown },
    { kind: 'action', command: 'previous', label: 'Previous product', enabled: hasRundown },
    { kind: 'action', command: 'offAir', label: 'Off air', enabled: s.product !== null },
    { kind: 'separator' },
    { kind: 'action', command: 'open', label: 'Open Shopcast Studio', enabled: true },
    { kind: 'action', command: 'quit', label: 'Quit', enabled: true }
  );
  const live = s.obs.filter((o) => o.live).length;
  return { tooltip: `Shopcast Studio: ${onAir}${live ? ` · ${live} OBS live` : ''}`, entries };
}
