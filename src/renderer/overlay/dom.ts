/**
 * DOM writes for pages that run for hours in OBS: each helper writes only when the value differs,
 * because even an unchanged attribute write invalidates style (`[hidden]` has a rule) and queues
 * work for the next frame.
 */

/** Builds an element; text goes in as text, never as markup. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, testId?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (testId) node.dataset.testid = testId;
  return node;
}

/** Writes text only when it changed (no layout work for nothing), and hides what is empty. */
export function setText(node: HTMLElement, text: string): void {
  if (node.textContent !== text) node.textContent = text;
  setHidden(node, text === '');
}

export function setHidden(node: HTMLElement, hidden: boolean): void {
  if (node.hidden !== hidden) node.hidden = hidden;
}

export function setShown(node: HTMLElement, shown: boolean): void {
  if (node.classList.contains('shown') !== shown) node.classList.toggle('shown', shown);
  setAttr(node, 'aria-hidden', String(!shown));
}

export function setAttr(node: HTMLElement, name: string, value: string): void {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

export function setClass(node: HTMLElement, name: string, on: boolean): void {
  if (node.classList.contains(name) !== on) node.classList.toggle(name, on);
}

/**
 * Shrinks a heading until its longest word fits ("Grobstrickpullover" in a narrow card), down to
 * `minScale`; only then may the word break. Runs when the text changes, never while idle.
 */
export function fitLongWords(node: HTMLElement, minScale = 0.6): void {
  node.style.fontSize = '';
  node.style.overflowWrap = 'normal';
  const base = parseFloat(getComputedStyle(node).fontSize);
  const room = node.clientWidth + 1;
  const width = node.scrollWidth;
  if (width > room) {
    // A word's width follows the font size: one measurement gives the size to try (in 5 % steps),
    // so a long title costs two layouts, not one per step; the loop only finishes what rounding left.
    let scale = Math.max(minScale, Math.min(0.95, Math.floor((room / width) * 20) / 20));
    node.style.fontSize = `${(base * scale).toFixed(1)}px`;
    while (node.scrollWidth > room && scale - 0.05 >= minScale - 1e-9) {
      scale -= 0.05;
      node.style.fontSize = `${(base * scale).toFixed(1)}px`;
    }
  }
  node.style.overflowWrap = '';
}
