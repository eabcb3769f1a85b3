/**
 * Formula renderers (MathJax, KaTeX) draw a formula for the eye, hidden from
 * screen readers, and keep its MathML beside the drawing for them, all in
 * wrappers of their own. Readability drops such wrappers, MathML and all:
 * on Readability's mathjax test page every formula went. Put the MathML in
 * the place of the outermost wrapper that holds nothing else a reader sees.
 * MathML the site hides outright (Wikipedia shows a picture of the formula
 * instead, which Readability keeps) is left as the site shows it.
 */
export function liftFormulas(maths: readonly Element[]): void {
  for (const math of maths) {
    let wrapper: Element | undefined;
    for (let el = math.parentElement; el && isFormulaWrapper(el) && showsOnly(el, math); el = el.parentElement) {
      // The copy a browser tab hands over says hidden with the attribute, a saved page with a style.
      if (el.hasAttribute('hidden') || HIDDEN.test(el.getAttribute('style') ?? '')) {
        wrapper = undefined;
        break;
      }
      wrapper = el;
    }
    wrapper?.replaceWith(math);
  }
}

const HIDDEN = /(?:^|;)\s*display\s*:\s*none/i;

/** Inline wrappers only: a paragraph or a cell around a formula stays. */
function isFormulaWrapper(el: Element): boolean {
  return el.localName === 'span' || el.localName === 'nobr' || el.localName.includes('-');
}

/** Whether every piece of text under `el` a reader sees is inside `math`. */
function showsOnly(el: Element, math: Element): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent?.trim() || math.contains(node)) continue;
    if (!node.parentElement?.closest('[aria-hidden="true"]')) return false;
  }
  return true;
}
