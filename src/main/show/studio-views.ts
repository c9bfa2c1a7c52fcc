import type { ShowView } from '../../shared/view';
import type { ShowCore } from './show-core';
import { ShowViewBuilder } from './show-view';

/** A part of the view that lives outside the journaled show (OBS links, live sales). */
export interface ViewPart<K extends keyof ShowView> {
  key: K;
  /** Keeps its identity until it changes. */
  value(): ShowView[K];
  subscribe(listener: () => void): () => void;
}

/**
 * What every face sees: the show's state plus the live parts around it, composed so that an
 * unchanged part keeps its identity (the live feed sends only what changed).
 */
export class StudioViews {
  private readonly builder = new ShowViewBuilder();
  private readonly parts: ViewPart<keyof ShowView>[] = [];
  private last: ShowView | null = null;

  constructor(private readonly core: ShowCore) {}

  add<K extends keyof ShowView>(part: ViewPart<K>): void {
    this.parts.push(part as unknown as ViewPart<keyof ShowView>);
  }

  /** The show alone, for followers that must not depend on their own status. */
  show(): ShowView {
    return this.builder.build(this.core.current);
  }

  current(): ShowView {
    const base = this.show();
    const last = this.last;
    let same = last !== null && last.revision === base.revision;
    const composed: Record<string, unknown> = { ...base };
    for (const part of this.parts) {
      const value = part.value();
      composed[part.key] = value;
      if (same && last![part.key] !== value) same = false;
    }
    if (same && last) {
      for (const key of Object.keys(base) as (keyof ShowView)[]) {
        if (!this.parts.some((p) => p.key === key) && last[key] !== base[key]) same = false;
      }
    }
    if (same && last) return last;
    this.last = composed as unknown as ShowView;
    return this.last;
  }

  subscribe(listener: () => void): () => void {
    const offs = [this.core.subscribe(() => listener()), ...this.parts.map((p) => p.subscribe(listener))];
    return () => offs.forEach((off) => off());
  }
}
