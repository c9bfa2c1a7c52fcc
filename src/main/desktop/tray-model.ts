import type { OnAirSummary } from './on-air-summary';
import type { ShellText } from './shell-text';

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

function obsLine(o: OnAirSummary['obs'][number], { t }: ShellText): string {
  if (!o.connected) return t('tray.obsNotConnected', { name: o.name });
  const states = [o.live ? t('tray.live') : t('tray.notLive'), ...(o.recording ? [t('tray.recording')] : [])];
  return t('tray.obsState', { name: o.name, states: states.join(', ') });
}

/** The tray's tooltip and menu for the show as it is at `now`, in the shell's language. */
export function trayModel(s: OnAirSummary, now: number, hasRundown: boolean, text: ShellText): TrayModel {
  const { t } = text;
  const onAir = s.product !== null ? t('tray.onAir', { product: s.product, time: slotTime(now - (s.since ?? now)) }) : t('tray.nothingOnAir');
  const entries: TrayEntry[] = [{ kind: 'label', label: onAir }];
  if (s.obs.length) {
    entries.push({ kind: 'separator' });
    for (const o of s.obs) entries.push({ kind: 'label', label: obsLine(o, text) });
  }
  entries.push(
    { kind: 'separator' },
    { kind: 'action', command: 'next', label: t('tray.next'), enabled: hasRundown },
    { kind: 'action', command: 'previous', label: t('tray.previous'), enabled: hasRundown },
    { kind: 'action', command: 'offAir', label: t('tray.offAir'), enabled: s.product !== null },
    { kind: 'separator' },
    { kind: 'action', command: 'open', label: t('tray.open'), enabled: true },
    { kind: 'action', command: 'quit', label: t('tray.quit'), enabled: true }
  );
  const live = s.obs.filter((o) => o.live).length;
  return { tooltip: live ? t('tray.tooltipLive', { onAir, count: live }) : t('tray.tooltip', { onAir }), entries };
}
