import { comingUp, localized, priceFor } from '@shared/on-air-card';
import { el, setShown, setText } from './dom';
import type { Widget } from './widget';

/** "Coming up": the next product of the rundown, so viewers stay for it. */
export function comingUpCard(): Widget {
  const root = el('section', 'card next', 'next-card');
  const label = el('div', 'label');
  const title = el('div', 'next-title', 'next-title');
  const price = el('div', 'next-price', 'next-price');
  root.append(label, title, price);
  return {
    root,
    reads: ['rundown', 'onAir', 'lastOnAirItemId', 'locales', 'baseLanguage'],
    update({ view, audience, text }) {
      const next = comingUp(view);
      const product = next?.product;
      setShown(root, !!product);
      if (!product) return;
      setText(label, text.t(audience.locale, 'comingUp'));
      setText(title, localized(product.title, audience) || product.id);
      setText(price, priceFor(product, audience));
    }
  };
}
