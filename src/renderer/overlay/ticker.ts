import { comingUp, localized, priceFor } from '@shared/on-air-card';
import { el, setClass, setShown, setText } from './dom';
import type { Widget } from './widget';

/** Pixels per second the crawl moves: readable on a phone screen. */
const CRAWL_SPEED = 90;

/** The bottom bar: order and unit counters and a crawl of what sells (or what comes up). */
export function tickerBar(): Widget {
  const root = el('section', 'ticker', 'ticker');
  const counters = el('div', 'counters');
  const orders = el('span', 'orders', 'ticker-orders');
  const units = el('span', 'units', 'ticker-units');
  counters.append(orders, units);
  const window_ = el('div', 'crawl-window');
  const crawl = el('div', 'crawl', 'ticker-crawl');
  const copies = [el('span', 'crawl-copy'), el('span', 'crawl-copy')];
  crawl.append(...copies);
  window_.append(crawl);
  root.append(counters, window_);
  let lastItems = '';
  return {
    root,
    reads: ['sales', 'rundown', 'onAir', 'lastOnAirItemId', 'locales', 'baseLanguage'],
    update({ view, audience, text }) {
      const { sales } = view;
      const locale = audience.locale;
      setText(orders, sales.orders > 0 ? text.t(locale, 'orders', { count: sales.orders }) : '');
      setText(units, sales.units > 0 ? text.t(locale, 'sold', { count: sales.units }) : '');
      const products = new Map(view.rundown.flatMap((i) => (i.product ? [[i.productId, i.product] as const] : [])));
      // A product whose every sale was refunded is not "0 sold": it is left out.
      const sellers = Object.entries(sales.byProduct)
        .filter(([, s]) => s.units > 0)
        .sort((a, b) => b[1].units - a[1].units)
        .slice(0, 8)
        .flatMap(([id, s]) => {
          const p = products.get(id);
          return p ? [`${localized(p.title, audience) || id} · ${text.t(locale, 'sold', { count: s.units })}`] : [];
        });
      // Without sales, the rest of the rundown: neither what is on air nor what the coming-up card
      // already names, so no fact is on screen twice.
      const next = comingUp(view)?.id;
      const items = sellers.length
        ? sellers
        : view.rundown
            .filter((i) => i.product && i.id !== view.onAir?.itemId && i.id !== next && !i.soldOut)
            .slice(0, 8)
            .map((i) => `${localized(i.product!.title, audience) || i.productId} · ${priceFor(i.product!, audience)}`);
      setShown(root, items.length > 0 || sales.orders > 0);
      const joined = items.join('   •   ');
      if (joined === lastItems) return;
      lastItems = joined;
      // Two copies side by side make the loop seamless; the animation moves by one copy's width.
      // The copies are kept and only their text is rewritten: the crawl layer is repainted once per
      // new text, and the compositor moves it between changes without the page doing anything.
      const copy = joined ? `${joined}   •   ` : '';
      for (const node of copies) node.textContent = copy;
      const width = copies[0].offsetWidth;
      crawl.style.animationDuration = `${Math.max(8, width / CRAWL_SPEED)}s`;
      setClass(crawl, 'moving', width > 0);
    }
  };
}
