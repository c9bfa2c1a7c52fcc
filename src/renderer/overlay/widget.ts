import type { Audience, OnAirCard } from '@shared/on-air-card';
import type { OverlayText } from '@shared/overlay-text';
import type { ShowView } from '@shared/view';

/** What every widget gets on each change: the show, already seen through one audience. */
export interface Frame {
  view: ShowView;
  audience: Audience;
  /** Worked out on first read, so a change that only the ticker shows formats no card prices. */
  readonly card: OnAirCard;
  text: OverlayText;
  /** Now by the studio's clock, so every overlay counts down to the same instant. */
  serverNow(): number;
}

export interface Widget {
  root: HTMLElement;
  /**
   * The parts of the show this widget shows. A live patch replaces only the parts that changed, so
   * a widget whose parts are all the same objects as last time is not touched at all.
   */
  reads: readonly (keyof ShowView)[];
  update(frame: Frame): void;
}

/** What the on-air product card is made of (`onAirCard`): its item, product, deal and audience. */
export const CARD_PARTS = ['onAir', 'rundown', 'deal', 'locales', 'baseLanguage'] as const satisfies readonly (keyof ShowView)[];
