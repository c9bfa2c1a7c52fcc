import { visibleGraphicsFor, type AudienceGraphic } from '../../shared/graphics-text';
import { el, setHidden, setShown, setText } from './dom';
import type { Widget } from './widget';

/**
 * Announcements, coupons and lower thirds on air, stacked in their own region of the canvas (clear
 * of the product card, the countdown, coming-up and the ticker). A graphic that would not fit whole
 * waits, unseen, until one above it is hidden: graphics never overlap or get cut.
 */
export function graphicsStack(): Widget {
  const root = el('section', 'graphics', 'graphics-stack');
  const shown = new Map<string, { node: HTMLElement; update(g: AudienceGraphic, codeLabel: string): void }>();

  /** Hides the graphics that do not fit whole, oldest kept: layout is read once per change. */
  const fitWhole = () => {
    const box = root.getBoundingClientRect();
    for (const { node } of shown.values()) {
      setHidden(node, false);
      if (node.dataset.waiting !== 'false') node.dataset.waiting = 'false';
    }
    for (const { node } of shown.values()) {
      const r = node.getBoundingClientRect();
      if (r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) {
        node.hidden = true;
        node.dataset.waiting = 'true';
      }
    }
  };

  return {
    root,
    reads: ['graphics', 'locales', 'baseLanguage'],
    update({ view, audience, text }) {
      const graphics = visibleGraphicsFor(view.graphics, audience.locale, audience.baseLanguage);
      const codeLabel = text.t(audience.locale, 'couponCode');
      const keep = new Set(graphics.map((g) => g.id));
      for (const [id, entry] of shown) {
        if (keep.has(id)) continue;
        entry.node.remove();
        shown.delete(id);
      }
      for (const g of graphics) {
        let entry = shown.get(g.id);
        if (!entry || entry.node.dataset.kind !== g.kind) {
          entry?.node.remove();
          entry = graphicCard(g.kind);
          shown.set(g.id, entry);
        }
        entry.update(g, codeLabel);
      }
      // In the order they were shown: the oldest nearest the bottom of the stack. Cards already in
      // their place stay put (moving a node restyles it and its subtree).
      graphics.forEach((g, i) => {
        const node = shown.get(g.id)!.node;
        if (root.children[i] !== node) root.insertBefore(node, root.children[i] ?? null);
      });
      setShown(root, graphics.length > 0);
      fitWhole();
    }
  };
}

function graphicCard(kind: AudienceGraphic['kind']) {
  const node = el('div', `card graphic ${kind} shown`, 'graphic');
  node.dataset.kind = kind;
  const main = el('div', 'graphic-text', 'graphic-text');
  const detail = el('div', 'graphic-detail', 'graphic-detail');
  const codeRow = el('div', 'graphic-code-row');
  const codeLabel = el('span', 'graphic-code-label');
  const code = el('span', 'graphic-code', 'graphic-code');
  codeRow.append(codeLabel, code);
  node.append(main, detail, codeRow);
  return {
    node,
    update(g: AudienceGraphic, label: string) {
      if (node.dataset.graphicId !== g.id) node.dataset.graphicId = g.id;
      setText(main, g.text);
      setText(detail, g.detail);
      setText(code, g.code);
      setText(codeLabel, g.code ? label : '');
      setHidden(codeRow, !g.code);
    }
  };
}
