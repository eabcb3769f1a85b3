import { textOf } from '../text';

/** Elements that stand on their own line: the units clutter comes in. */
export const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'TD',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

export const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

export function isBlock(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName.toUpperCase()) || el.tagName.includes('-');
}

/** Share of an element's text that sits inside links (0 when it has no text). */
export function linkDensity(el: Element): number {
  const total = textOf(el).length;
  if (total === 0) return 0;
  let linked = 0;
  for (const a of el.getElementsByTagName('a')) linked += textOf(a).length;
  return Math.min(1, linked / total);
}

/**
 * Climb from `el` while the parent adds no text of its own beyond `el`'s: the
 * wrapper divs of a widget go with the widget.
 */
export function climbWrappers(el: Element, root: Element): Element {
  let cur = el;
  const own = textOf(el).length;
  while (cur.parentElement && cur.parentElement !== root) {
    const parentLen = textOf(cur.parentElement).length;
    if (parentLen > own) break;
    if (holds(cur.parentElement, 'p') && !holds(cur, 'p')) break;
    cur = cur.parentElement;
  }
  return cur;
}

/** Keep only the outermost of a set of elements (removing an ancestor removes its descendants). */
export function outermost(els: Iterable<Element>): Element[] {
  const set = new Set(els);
  return [...set].filter((el) => {
    for (let cur = el.parentElement; cur; cur = cur.parentElement) if (set.has(cur)) return false;
    return true;
  });
}

/**
 * In one walk: the non-blank characters under every element of a tree, and
 * its elements in document order (not `root` itself).
 */
export function measureTree(root: Element): { lengths: Map<Element, number>; elements: Element[] } {
  const lengths = new Map<Element, number>();
  const elements: Element[] = [];
  const walk = (el: Element): number => {
    let n = 0;
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) n += (child.nodeValue ?? '').replace(/\s+/g, '').length;
      else if (child.nodeType === 1) {
        elements.push(child as Element);
        n += walk(child as Element);
      }
    }
    lengths.set(el, n);
    return n;
  };
  walk(root);
  return { lengths, elements };
}

/**
 * Elements under `root` with one of these tag names (lower case), in
 * document order. On jsdom a selector list ('p, div, li') costs about five
 * times this walk: it matches every selector against every element.
 */
export function elementsNamed(root: Element, names: ReadonlySet<string>): Element[] {
  return elementsWhere(root, (el) => names.has(el.localName));
}

/** The nearest inclusive ancestor with one of these tag names (lower case), like `closest('li, td')`. */
export function closestNamed(el: Element, names: ReadonlySet<string>): Element | null {
  for (let cur: Element | null = el; cur; cur = cur.parentElement) if (names.has(cur.localName)) return cur;
  return null;
}

/** Whether `el` holds an element of this tag name: cheaper on jsdom than `querySelector(name)`. */
export function holds(el: Element, name: string): boolean {
  return el.getElementsByTagName(name).length > 0;
}

/**
 * Elements under `root` that pass `accept`, in document order. One tree
 * walk: on jsdom a selector with attribute tests costs about twice as much.
 */
export function elementsWhere(root: Element, accept: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) if (accept(el)) found.push(el);
  return found;
}
