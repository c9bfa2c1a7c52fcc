import QRCode from 'qrcode';
import { el, setText } from './dom';

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
      root.hidden = url === '';
      setText(link, label);
      if (url === drawn) return;
      drawn = url;
      if (!url) return qr.removeAttribute('src');
      void QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then((svg) => {
        // A later product's code may have been asked for meanwhile: only the latest is drawn.
        if (drawn === url) qr.src = `data:image/svg+xml;base64,${btoa(svg)}`;
      });
    }
  };
}
