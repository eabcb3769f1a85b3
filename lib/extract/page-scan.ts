/**
 * The elements of the whole page that metadata and the lead figure are read
 * from, and how many elements the page has, gathered in one walk. On jsdom
 * every getElementsByTagName call walks the whole tree: the seven calls this
 * replaces (the size guard, JSON-LD scripts, meta tags, links, times, the
 * first heading and figures) made the pipeline about 1 ms slower on the
 * median corpus page.
 */
export interface PageScan {
  elementCount: number;
  /** Levels of elements below the root, at the deepest point. */
  depth: number;
  scripts: Element[];
  metas: Element[];
  links: Element[];
  times: Element[];
  figures: Element[];
  firstH1?: Element;
  /** Elements whose microdata says they hold the story: `itemprop="articleBody"`, or a Recipe's scope. */
  storyMarks: Element[];
}

const STORY_PROP = /(?:^|\s)articleBody(?:\s|$)/i;
const RECIPE_TYPE = /^https?:\/\/schema\.org\/Recipe$/i;

/** Whether the element's microdata property is the story's body (`itemprop="articleBody"`). */
export function isStoryBody(el: Element): boolean {
  const prop = el.getAttribute('itemprop');
  return prop !== null && STORY_PROP.test(prop);
}

function marksStory(el: Element): boolean {
  if (isStoryBody(el)) return true;
  const type = el.getAttribute('itemtype');
  return type !== null && el.hasAttribute('itemscope') && RECIPE_TYPE.test(type.trim());
}

export function scanPage(doc: Document): PageScan {
  const scan: PageScan = { elementCount: 0, depth: 0, scripts: [], metas: [], links: [], times: [], figures: [], storyMarks: [] };
  const byTag = new Map<string, Element[]>([
    ['script', scan.scripts],
    ['meta', scan.metas],
    ['link', scan.links],
    ['time', scan.times],
    ['figure', scan.figures],
  ]);
  const root = doc.documentElement;
  if (!root) return scan;
  // Child, sibling and parent steps rather than nextNode(), to know the depth at no extra cost.
  const walker = doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  let depth = 0;
  for (let node: Node | null = root; node; ) {
    scan.elementCount++;
    const el = node as Element;
    byTag.get(el.localName)?.push(el);
    if (el.localName === 'h1') scan.firstH1 ??= el;
    if (el.hasAttributes() && marksStory(el)) scan.storyMarks.push(el);
    node = walker.firstChild();
    if (node) {
      if (++depth > scan.depth) scan.depth = depth;
      continue;
    }
    node = walker.nextSibling();
    while (!node && depth > 0 && walker.parentNode()) {
      depth--;
      node = walker.nextSibling();
    }
  }
  return scan;
}
