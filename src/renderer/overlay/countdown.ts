import { el, setShown, setText } from './dom';
import { CARD_PARTS, type Frame, type Widget } from './widget';

/**
 * `Flash deal · Ends in 4:59` … `0:01`, then gone: in step on every overlay by the studio's clock.
 * Only the label and the clock: the deal price and the struck-through regular price are on the
 * product card, so each fact is on screen once. Shown only while the deal's product is on air.
 */
export function countdownCard(): Widget {
  const root = el('section', 'card countdown', 'countdown-card');
  const label = el('div', 'label');
  const ends = el('div', 'ends');
  const endsLabel = el('span', 'ends-label');
  const clock = el('span', 'clock', 'countdown-clock');
  ends.append(endsLabel, clock);
  root.append(label, ends);
  let timer: number | undefined;
  let latest: Frame | null = null;

  // One tick per second while a deal runs, aligned to the studio's second; no timer otherwise.
  const tick = () => {
    window.clearTimeout(timer);
    timer = undefined;
    const frame = latest;
    const endsAt = frame?.card.dealEndsAt ?? null;
    const left = frame && endsAt !== null ? endsAt - frame.serverNow() : 0;
    setShown(root, left > 0);
    if (left <= 0) return;
    const seconds = Math.ceil(left / 1000);
    setText(clock, `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`);
    timer = window.setTimeout(tick, left - (seconds - 1) * 1000 + 5);
  };

  return {
    root,
    reads: CARD_PARTS,
    update(frame) {
      latest = frame;
      const { audience, text, card } = frame;
      if (card.dealEndsAt !== null) {
        setText(label, text.t(audience.locale, 'flashDeal'));
        setText(endsLabel, text.t(audience.locale, 'endsIn'));
      }
      tick();
    }
  };
}
