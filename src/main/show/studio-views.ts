import type { CoreView, LiveView, ShowView } from '../../shared/view';
import type { ShowCore } from './show-core';
import { changedParts, ShowViewBuilder } from './show-view';

/** A live part of the view (sales, OBS links, operators): keeps its identity until it changes. */
export interface LivePart<T> {
  value(): T;
  subscribe(listener: () => void): () => void;
}

/** Every live part the view is made of, one per key of `LiveView`: the compiler says when one is missing. */
export type LiveParts = { [K in keyof LiveView]-?: LivePart<NonNullable<LiveView[K]>> };

/** The view of the core's state, built once per change: what OBS follows. */
export class CoreViews {
  private readonly builder = new ShowViewBuilder();

  constructor(private readonly core: ShowCore) {}

  current(): CoreView {
    return this.builder.build(this.core.current);
  }

  subscribe(listener: () => void): () => void {
    return this.core.subscribe(() => listener());
  }
}

/**
 * What every face sees: the core's view plus the live parts around it, composed so that an
 * unchanged part keeps its identity (the live feed sends only what changed).
 */
export class StudioViews {
  private last: ShowView | null = null;

  constructor(
    private readonly core: CoreViews,
    private readonly live: LiveParts
  ) {}

  current(): ShowView {
    const next: ShowView = { ...this.core.current(), sales: this.live.sales.value(), obs: this.live.obs.value(), operators: this.live.operators.value(), timing: this.live.timing.value() };
    if (this.last && Object.keys(changedParts(this.last, next)).length === 0) return this.last;
    this.last = next;
    return next;
  }

  subscribe(listener: () => void): () => void {
    const offs = [this.core.subscribe(listener), ...Object.values(this.live).map((part: LivePart<unknown>) => part.subscribe(listener))];
    return () => offs.forEach((off) => off());
  }
}
