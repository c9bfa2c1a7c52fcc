import type { OperatorView, Role } from '../../shared/access';

/** An operator stays in the list this long after its last action, without a live connection. */
export const RECENT_ACTION_MS = 10 * 60_000;
const SWEEP_MS = 60_000;
/**
 * How stale a published action time may be. The desk only asks "did they act in the last minute"
 * (OperatorsNotice, on a 5 s tick), so a time up to 5 s old says the same; publishing every action
 * would change every face's view on every pin and send the operators list along with it.
 */
export const ACTION_TIME_STEP_MS = 5_000;

interface Entry {
  id: string;
  name: string;
  role: Role;
  sockets: number;
  lastActionAt: number | null;
}

/**
 * Who is working the show, in memory only: live connections per operator and their last action.
 * `operators()` keeps its identity until something visible changes, so the live feed sends it
 * only then.
 */
export class Presence {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();
  private view: OperatorView[] = [];
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly now: () => number = Date.now) {
    // Operators whose last action grows old leave the list without anyone acting.
    this.sweeper = setInterval(() => this.refresh(), SWEEP_MS);
    this.sweeper.unref();
  }

  /** A live connection opened; call the returned function when it closes. */
  connected(who: { id: string; name: string; role: Role }): () => void {
    this.entry(who).sockets++;
    this.refresh();
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      const entry = this.entries.get(who.id);
      if (entry) entry.sockets = Math.max(0, entry.sockets - 1);
      this.refresh();
    };
  }

  acted(who: { id: string; name: string; role: Role }, at: number): void {
    this.entry(who).lastActionAt = at;
    const shown = this.view.find((o) => o.id === who.id);
    if (shown && shown.lastActionAt !== null && at - shown.lastActionAt < ACTION_TIME_STEP_MS && shown.name === who.name && shown.role === who.role) return;
    this.refresh();
  }

  /** A device was renamed or given another role. */
  renamed(who: { id: string; name: string; role: Role }): void {
    const entry = this.entries.get(who.id);
    if (!entry) return;
    entry.name = who.name;
    entry.role = who.role;
    this.refresh();
  }

  forget(id: string): void {
    if (this.entries.delete(id)) this.refresh();
  }

  isOnline(id: string): boolean {
    return (this.entries.get(id)?.sockets ?? 0) > 0;
  }

  operators(): OperatorView[] {
    return this.view;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    clearInterval(this.sweeper);
  }

  private entry(who: { id: string; name: string; role: Role }): Entry {
    let entry = this.entries.get(who.id);
    if (!entry) {
      entry = { ...who, sockets: 0, lastActionAt: null };
      this.entries.set(who.id, entry);
    }
    entry.name = who.name;
    entry.role = who.role;
    return entry;
  }

  private refresh(): void {
    const now = this.now();
    const next: OperatorView[] = [];
    for (const e of this.entries.values()) {
      const recent = e.lastActionAt !== null && now - e.lastActionAt < RECENT_ACTION_MS;
      if (e.sockets > 0 || recent) next.push({ id: e.id, name: e.name, role: e.role, online: e.sockets > 0, lastActionAt: e.lastActionAt });
      else this.entries.delete(e.id);
    }
    if (JSON.stringify(next) === JSON.stringify(this.view)) return;
    this.view = next;
    for (const listener of this.listeners) listener();
  }
}
