import { el, setAttr, setHidden } from './dom';

/** Enough for the products a show goes back and forth between; each is one small decoded image. */
const SHELF_SIZE = 16;

/**
 * One `<img>` per product image, kept in the card: showing a product shown before (or the one
 * coming up, loaded ahead) swaps which image is visible instead of setting `src`, which makes the
 * browser look the image up and decode it again on the pin's path, and can show a frame without
 * the image. The least recently shown images are dropped beyond `SHELF_SIZE`.
 */
export function imageShelf(card: HTMLElement, before: HTMLElement, testId: string) {
  // Insertion order is recency: a use moves the image to the end.
  const shelf = new Map<string, HTMLImageElement>();
  let shown: HTMLImageElement | null = null;

  const take = (url: string): HTMLImageElement => {
    let img = shelf.get(url);
    if (img) shelf.delete(url);
    else {
      img = el('img', 'card-image');
      img.alt = '';
      img.hidden = true;
      img.decoding = 'async';
      img.setAttribute('src', url);
      card.insertBefore(img, before);
    }
    shelf.set(url, img);
    for (const [old, oldImg] of shelf) {
      if (shelf.size <= SHELF_SIZE) break;
      if (oldImg === shown || oldImg === img) continue;
      oldImg.remove();
      shelf.delete(old);
    }
    return img;
  };

  return {
    /** Shows the image at `url` (none: no image), and only it. */
    show(url: string | null): void {
      const next = url ? take(url) : null;
      if (next === shown) return;
      if (shown) {
        setHidden(shown, true);
        shown.removeAttribute('data-testid');
      }
      if (next) {
        setAttr(next, 'data-testid', testId);
        setHidden(next, false);
      }
      shown = next;
    },
    /** Loads an image now so that showing it later costs no decode (the product coming up). */
    preload(url: string | null | undefined): void {
      if (url && !shelf.has(url)) take(url);
    }
  };
}
