import { comingUp } from '@shared/on-air-card';
import { el, fitLongWords, setClass, setShown, setText } from './dom';
import { imageShelf } from './image-shelf';
import { CARD_PARTS, type Widget } from './widget';
import { buyLinkBlock } from './buy-link';

/**
 * The on-air product: image, title, pitch, price (and the was-price of a discount), stock line.
 * Built once; a change rewrites only the fields whose text differs (a stock change touches one line).
 */
export function productCard(): Widget {
  const root = el('section', 'card product', 'product-card');
  const body = el('div', 'card-body');
  const badge = el('div', 'badge', 'overlay-badge');
  const title = el('h1', 'title', 'overlay-title');
  const pitch = el('p', 'pitch', 'overlay-pitch');
  const prices = el('div', 'prices');
  const price = el('span', 'price', 'overlay-price');
  const was = el('s', 'was', 'overlay-was');
  const lowest = el('p', 'lowest', 'overlay-lowest');
  const stock = el('p', 'stock', 'overlay-stock');
  prices.append(price, was);
  body.append(badge, title, pitch, prices, lowest, stock);
  const buy = buyLinkBlock();
  let fitting = 0;
  root.append(body, buy.root);
  const images = imageShelf(root, body, 'overlay-image');
  return {
    root,
    reads: CARD_PARTS,
    update({ card, view }) {
      setShown(root, card.visible);
      // The product coming up is on the shelf before its pin (the first one, too, before the show
      // starts): the pin then only swaps images. Taken after the shown one, so it never pushes that out.
      const next = comingUp(view)?.product?.image;
      if (!card.visible) return images.preload(next);
      if (root.dataset.productId !== (card.productId ?? '')) root.dataset.productId = card.productId ?? '';
      setClass(root, 'sold-out', card.soldOut);
      images.show(card.image);
      setText(badge, card.badge);
      if (title.textContent !== card.title) {
        setText(title, card.title);
        // Measured in the frame's own layout just before it is painted, so no frame shows the
        // title unfitted and the message's task only writes (no forced layout on the pin's path).
        cancelAnimationFrame(fitting);
        fitting = requestAnimationFrame(() => fitLongWords(title));
      }
      setText(pitch, card.pitch);
      setText(price, card.price);
      setText(was, card.was);
      setText(lowest, card.lowest30d);
      setText(stock, card.stockLine);
      buy.update(card.buyUrl, card.buyLabel);
      images.preload(next);
    }
  };
}
