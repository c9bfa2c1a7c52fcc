import type { Audience, OnAirCard } from '@shared/on-air-card';
import type { OverlayText } from '@shared/overlay-text';
import type { ShowView } from '@shared/view';

/** What every widget gets on each change: the show, already seen through one audience. */
export interface Frame {
  view: ShowView;
  audience: Audience;
  card: OnAirCard;
  text: OverlayText;
  /** Now by the studio's clock, so every overlay counts down to the same instant. */
  serverNow(): number;
}

export interface Widget {
  root: HTMLElement;
  update(frame: Frame): void;
}
