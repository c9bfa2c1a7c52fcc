import { formatPrice } from '../../shared/locale-text';
import { localized, lowest30dFor } from '../../shared/on-air-card';
import { el, setShown, setText } from './dom';
import type { Frame, Widget } from './widget';

/** `4:59` … `0:01`, then gone: the flash deal, in step on every overlay by the studio's clock. */
export function countdownCard(): Widget {
  const root = el('section', 'card countdown', 'countdown-card');
  const label = el('div', 'label');
  const title = el('div', 'deal-title', 'deal-title');
  const prices = el('div', 'prices');
  const price = el('span', 'price', 'deal-price');
  const was = el('s', 'was', 'deal-was');
  const lowest = el('p', 'lowest', 'deal-lowest');
  const ends = el('div', 'ends');
  const endsLabel = el('span', 'ends-label');
  const clock = el('span', 'clock', 'countdown-clock');
  prices.append(price, was);
  ends.append(endsLabel, clock);
  root.append(label, title, prices, lowest, ends);
  let timer: number | undefined;
  let latest: Frame | null = null;

  // One tick per second while a deal runs, aligned to the studio's second; no timer otherwise.
  const tick = () => {
    window.clearTimeout(timer);
    timer = undefined;
    const frame = latest;
    const deal = frame?.view.deal;
    const left = deal ? deal.endsAt - frame.serverNow() : 0;
    setShown(root, left > 0);
    if (left <= 0) return;
    const seconds = Math.ceil(left / 1000);
    setText(clock, `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`);
    timer = window.setTimeout(tick, left - (seconds - 1) * 1000 + 5);
  };

  return {
    root,
    update(frame) {
      latest = frame;
      const { view, audience, text } = frame;
      const deal = view.deal;
      const product = deal?.product;
      if (deal && product) {
        const now = deal.price[audience.currency];
        const before = product.price[audience.currency];
        setText(label, text.t(audience.locale, 'flashDeal'));
        setText(title, localized(product.title, audience) || product.id);
        setText(price, now === undefined ? '' : formatPrice(now, audience.currency, audience.locale));
        const discounted = before !== undefined && now !== undefined && before > now;
        const reference = lowest30dFor(product, audience.currency, true);
        setText(was, discounted ? formatPrice(before, audience.currency, audience.locale) : '');
        setText(lowest, discounted && reference !== undefined ? text.t(audience.locale, 'lowest30d', { price: formatPrice(reference, audience.currency, audience.locale) }) : '');
        setText(endsLabel, text.t(audience.locale, 'endsIn'));
      }
      tick();
    }
  };
}
