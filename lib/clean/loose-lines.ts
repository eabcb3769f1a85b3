import { isBlock } from './dom';

/**
 * Elements that may hold a <div>. In a paragraph, a heading or a link a
 * <div> would be moved out when the article's HTML is read again; in a
 * table cell, a caption or preformatted text, the loose text is the
 * element's own form; a <details> or <fieldset> needs its <summary> or
 * <legend> as a child of its own.
 */
const FLOW = new Set(['div', 'section', 'article', 'main', 'aside', 'header', 'footer', 'nav', 'blockquote', 'li', 'dd', 'form', 'center']);

/**
 * Text that stands beside blocks in one element ("<section>Save $31 on …
 * <p>…</p> Eric Song is IGN's deal curator…</section>") is in no line: the
 * rules, which read the article as lines, never see it. Each such run of
 * text and inline elements is wrapped in a <div>, which shows the same (a
 * browser lays the run out as a block of its own already) and gives the
 * rules a line to judge.
 */
export function wrapLooseLines(root: Element): void {
  const doc = root.ownerDocument;
  const mixed: Element[] = [];
  /** Elements with a block somewhere inside: never part of a run of inline content. */
  const holdsBlock = new Set<Element>();
  const walk = (el: Element): boolean => {
    let blocks = false;
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) blocks = walk(child) || isBlock(child) || blocks;
    if (blocks) {
      holdsBlock.add(el);
      if ((FLOW.has(el.localName) || el === root) && !el.closest('pre, figure, table')) mixed.push(el);
    }
    return blocks || isBlock(el);
  };
  walk(root);
  for (const el of mixed) {
    let run: Node[] = [];
    const flush = () => {
      if (run.some((n) => (n.textContent ?? '').trim() !== '')) {
        const line = doc.createElement('div');
        el.insertBefore(line, run[0]!);
        line.append(...run);
      }
      run = [];
    };
    for (let node = el.firstChild; node; ) {
      const next = node.nextSibling;
      const inline = node.nodeType === 3 || (node.nodeType === 1 && !isBlock(node as Element) && !holdsBlock.has(node as Element));
      if (inline) run.push(node);
      else flush();
      node = next;
    }
    flush();
  }
}
