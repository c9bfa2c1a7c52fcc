import QRCode from 'qrcode';
import { el, setHidden, setText } from './dom';

/** The codes of the last few products shown: going back to one is a lookup, not a new encoding. */
const REMEMBERED_CODES = 16;
const codes = new Map<string, string>();

/**
 * The on-air product's page for this audience's market: a QR code (SVG, so sharp at any canvas
 * size) for viewers on a TV or a computer, and the short address beside it. Nothing when unset.
 */
export function buyLinkBlock(): { root: HTMLElement; update(url: string, label: string): void } {
  const root = el('div', 'buy', 'overlay-buy');
  const qr = el('img', 'buy-qr', 'overlay-buy-qr');
  qr.alt = '';
  const link = el('div', 'buy-link', 'overlay-buy-link');
  root.append(qr, link);
  root.hidden = true;
  let drawn = '';
  return {
    root,
    update(url, label) {
      setHidden(root, url === '');
      setText(link, label);
      if (url === drawn) return;
      drawn = url;
      if (!url) return qr.removeAttribute('src');
      const known = codes.get(url);
      if (known) return void (qr.src = known);
      void QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then((svg) => {
        const src = `data:image/svg+xml;base64,${btoa(svg)}`;
        codes.set(url, src);
        if (codes.size > REMEMBERED_CODES) codes.delete(codes.keys().next().value!);
        // A later product's code may have been asked for meanwhile: only the latest is drawn.
        if (drawn === url) qr.src = src;
      });
    }
  };
}
