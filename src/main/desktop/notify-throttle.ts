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
