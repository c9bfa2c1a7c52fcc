import type { ShellText } from './shell-text';

/** What the operator is told about natively while the window is hidden. */
export type NoticeKind = 'obs-lost' | 'marketplace-failing' | 'disk-refusing';

/** At most one notification per kind per minute: a flapping OBS must not bury the desktop. */
export class NotificationThrottle {
  private last = new Map<NoticeKind, number>();

  constructor(
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now
  ) {}

  /** True when a notice of `kind` may be shown now (and counts it as shown). */
  allow(kind: NoticeKind, windowHidden: boolean): boolean {
    if (!windowHidden) return false;
    const at = this.now();
    const before = this.last.get(kind);
    if (before !== undefined && at - before < this.windowMs) return false;
    this.last.set(kind, at);
    return true;
  }
}

/** The studio's health as far as the native notices care. */
export interface NoticeHealth {
  /** OBS name → connected. */
  obs: Map<string, boolean>;
  marketplaceFailing: boolean;
  diskWritable: boolean;
}

/** What went wrong between two looks at the studio: only changes for the worse are told, in the shell's language. */
export function newNotices(before: NoticeHealth, now: NoticeHealth, { t, list }: ShellText): { kind: NoticeKind; body: string }[] {
  const out: { kind: NoticeKind; body: string }[] = [];
  const lost = [...now.obs].filter(([name, connected]) => !connected && before.obs.get(name) === true).map(([name]) => name);
  if (lost.length) out.push({ kind: 'obs-lost', body: t('notice.obsLost', { names: list(lost) }) });
  if (now.marketplaceFailing && !before.marketplaceFailing) out.push({ kind: 'marketplace-failing', body: t('notice.marketplaceFailing') });
  if (!now.diskWritable && before.diskWritable) out.push({ kind: 'disk-refusing', body: t('notice.diskRefusing') });
  return out;
}
