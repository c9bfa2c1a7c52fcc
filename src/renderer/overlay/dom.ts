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
  node.hidden = text === '';
}

export function setShown(node: HTMLElement, shown: boolean): void {
  if (node.classList.contains('shown') !== shown) node.classList.toggle('shown', shown);
  node.setAttribute('aria-hidden', String(!shown));
}

export function setImage(img: HTMLImageElement, src: string | null): void {
  const want = src ?? '';
  if (img.getAttribute('src') !== want) {
    if (want) img.setAttribute('src', want);
    else img.removeAttribute('src');
  }
  img.hidden = !want;
}
