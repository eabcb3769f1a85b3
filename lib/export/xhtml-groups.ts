/**
 * Elements whose children must come in a set order in XHTML, where the HTML
 * parser takes them in any order: a figure has at most one caption, as its
 * first or last child; a description list is groups of terms then
 * descriptions. Pages break both (a credit link after the caption, a
 * description with no term), and EPUBCheck refuses the chapter.
 */

/** Elements that hold flow content; inside phrasing content (a heading, a span) they are not allowed. */
export const BLOCK = new Set([
  'p',
  'div',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);

function rename(el: Element, tag: string): Element {
  const next = el.ownerDocument.createElement(tag);
  while (el.firstChild) next.append(el.firstChild);
  el.replaceWith(next);
  return next;
}

/** Children that count for a content model: elements, and text that is not only white space. */
function significant(el: Element): ChildNode[] {
  return Array.from(el.childNodes).filter((n) => n.nodeType === 1 || (n.nodeType === 3 && Boolean(n.textContent?.trim())));
}

const isBlock = (n: ChildNode) => n.nodeType === 1 && BLOCK.has((n as Element).localName);

/**
 * One caption, first or last. A caption followed only by phrasing (a credit
 * link, a picture turned into a link) takes it in, so the words stay a
 * caption; any other caption becomes a plain block where it stands.
 */
function fitFigure(figure: Element): void {
  const captions = Array.from(figure.children).filter((c) => c.localName === 'figcaption');
  if (captions.length === 0) return;
  const kids = significant(figure);
  let kept = captions.find((c) => c === kids[0] || c === kids.at(-1));
  if (!kept) {
    const last = captions.at(-1)!;
    const after = kids.slice(kids.indexOf(last) + 1);
    if (!after.some(isBlock)) {
      for (const node of after) last.append(' ', node);
      kept = last;
    }
  }
  for (const c of captions) if (c !== kept) rename(c, 'div');
}

/**
 * Terms then descriptions, group after group. A list that is not that
 * (a description with no term, a term with none, other blocks among them)
 * becomes plain blocks in the same order: its words stay, its pairing was
 * never there to keep.
 */
function fitDescriptionList(dl: Element): void {
  const kids = significant(dl);
  const shape = kids.map((n) => (n.nodeType === 1 ? (n as Element).localName : '#text')).join(' ');
  if (/^(?:(?:dt )*dt (?:dd )*dd(?: |$))*$/.test(shape)) return;
  for (const child of Array.from(dl.children)) {
    if (child.localName === 'dt') rename(child, 'p');
    else if (child.localName === 'dd') rename(child, 'div');
  }
  rename(dl, 'div');
}

/**
 * A caption first, one head, the bodies, one foot last; rows straight in a
 * table that also has sections go into a body of their own. The HTML parser
 * gives this order, but cleaning (an unwrapped form around rows, a dropped
 * wrapper) can leave rows beside sections, which XHTML refuses.
 */
function fitTable(table: Element): void {
  const doc = table.ownerDocument;
  let body: Element | null = null;
  for (const child of Array.from(table.childNodes)) {
    const tag = child.nodeType === 1 ? (child as Element).localName : '';
    if (tag === 'tr') {
      if (!body) {
        body = doc.createElement('tbody');
        child.before(body);
      }
      body.append(child);
    } else if (tag || child.textContent?.trim()) body = null;
  }
  const sections = Array.from(table.children);
  const head = sections.find((c) => c.localName === 'thead');
  const foot = sections.find((c) => c.localName === 'tfoot');
  for (const c of sections) if ((c.localName === 'thead' && c !== head) || (c.localName === 'tfoot' && c !== foot)) rename(c, 'tbody');
  const caption = sections.find((c) => c.localName === 'caption');
  if (caption) table.prepend(caption);
  if (head && caption) caption.after(head);
  else if (head) table.prepend(head);
  if (foot) table.append(foot);
}

/** Put every figure, description list and table under `root` in the order XHTML wants. */
export function fitGroups(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('figure'))) fitFigure(el);
  for (const el of Array.from(root.querySelectorAll('dl'))) fitDescriptionList(el);
  for (const el of Array.from(root.querySelectorAll('table'))) fitTable(el);
}
