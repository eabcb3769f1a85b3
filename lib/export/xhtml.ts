/**
 * Sanitised article HTML as well-formed XHTML an EPUB reading system (and
 * epubcheck) accepts. Parsing goes through a real DOM (the browser's, or
 * jsdom's in Node) and writing through its XMLSerializer, so every tag is
 * closed and every character escaped by the DOM rather than by hand.
 */

import { BLOCK, fitGroups } from './xhtml-groups';
import { inertElement } from '../inert-html';

/** The window whose DOM does the parsing and serialising. */
export interface DomWindow {
  document: Pick<Document, 'implementation'>;
  XMLSerializer: typeof XMLSerializer;
}

/** Kept as they are: elements whose HTML5 content rules hold wherever the HTML parser put them. */
const KEEP = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'code',
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'small',
  'mark',
  'q',
  'cite',
  'abbr',
  'dfn',
  'kbd',
  'samp',
  'var',
  'br',
  'hr',
  'a',
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
  'span',
  'div',
  'del',
  'ins',
  'wbr',
  'bdi',
]);
/** Sectioning and other wrappers whose nesting rules are strict: they become plain divs. */
const TO_DIV = new Set(['section', 'article', 'aside', 'header', 'footer', 'main', 'nav', 'address', 'details', 'hgroup', 'search', 'center']);
/** Gone with their content: nothing a book can show, or remote media an EPUB may not load. */
const DROP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'source',
  'track',
  'picture',
  'svg',
  'math',
  'canvas',
  'map',
  'area',
  'colgroup',
  'col',
  'rp',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'link',
  'meta',
  'base',
  'dialog',
]);
/** Where a list item, term or caption must sit; elsewhere it becomes a paragraph. */
const PARENTS: Record<string, string[]> = { li: ['ul', 'ol'], dt: ['dl'], dd: ['dl'], figcaption: ['figure'] };
const ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'title'],
  abbr: ['title'],
  dfn: ['title'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan', 'scope'],
  ol: ['start', 'reversed'],
};
const POSITIVE = /^[1-9]\d{0,3}$/;

/** Characters XML 1.0 forbids anywhere, lone surrogates included. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

/** A link target a book may hold: absolute http(s) or mailto, resolved against the article's address. */
export function bookHref(href: string, base: string): string | null {
  try {
    const url = new URL(href, base);
    if (!/^(?:https?|mailto):$/.test(url.protocol)) return null;
    // The URL parser leaves "[", "|" and the like in a path, query or fragment, where EPUBCheck (by RFC 3986) refuses them.
    const tail = url.pathname + url.search + url.hash;
    const strict = tail.replace(/[[\]|{}^`\\<>"\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    return url.href.slice(0, url.href.length - tail.length) + strict;
  } catch {
    return null;
  }
}

function rename(el: Element, tag: string): Element {
  const next = el.ownerDocument.createElement(tag);
  while (el.firstChild) next.append(el.firstChild);
  el.replaceWith(next);
  return next;
}

function unwrap(el: Element): void {
  el.replaceWith(...Array.from(el.childNodes));
}

function keepAttributes(el: Element, tag: string, base: string): void {
  const allowed = ATTRIBUTES[tag] ?? [];
  for (const { name } of Array.from(el.attributes)) if (!allowed.includes(name)) el.removeAttribute(name);
  for (const name of ['colspan', 'rowspan', 'start']) {
    const value = el.getAttribute(name);
    if (value !== null && !POSITIVE.test(value)) el.removeAttribute(name);
  }
  const scope = el.getAttribute('scope');
  if (scope !== null && !['row', 'col', 'rowgroup', 'colgroup'].includes(scope)) el.removeAttribute('scope');
  if (el.hasAttribute('reversed')) el.setAttribute('reversed', 'reversed');
  if (tag === 'a') {
    const href = bookHref(el.getAttribute('href') ?? '', base);
    if (href) el.setAttribute('href', href);
    else el.removeAttribute('href');
  }
}

/**
 * An image becomes its description, linked to the picture when the address is
 * usable: a book may not load remote images. One the book carries (`kept`, a
 * file inside it) stays an image, with nothing but its address and description.
 */
function replaceImage(img: Element, base: string, kept: string | undefined): void {
  const doc = img.ownerDocument;
  const alt = (img.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim();
  if (kept) {
    const inside = doc.createElement('img');
    inside.setAttribute('src', kept);
    inside.setAttribute('alt', alt);
    img.replaceWith(inside);
    return;
  }
  const src = bookHref(img.getAttribute('src') ?? '', base);
  if (!alt && !src) {
    img.remove();
    return;
  }
  const label = `[Image${alt ? `: ${alt}` : ''}]`;
  const insideLink = img.closest('a') !== null;
  if (src && !insideLink) {
    const a = doc.createElement('a');
    a.setAttribute('href', src);
    a.textContent = label;
    img.replaceWith(a);
  } else img.replaceWith(doc.createTextNode(label));
}

function clean(el: Element, base: string, kept: ReadonlyMap<Element, string>): void {
  // Children first, so replacing this element never skips one of them.
  for (const child of Array.from(el.children)) clean(child, base, kept);
  const tag = el.localName;
  if (DROP.has(tag)) {
    el.remove();
    return;
  }
  if (tag === 'img') {
    replaceImage(el, base, kept.get(el));
    return;
  }
  let target = el;
  if (TO_DIV.has(tag)) target = rename(el, 'div');
  else if (tag === 'summary' || (PARENTS[tag] && !PARENTS[tag]!.includes(el.parentElement?.localName ?? ''))) target = rename(el, 'p');
  else if (!KEEP.has(tag)) {
    unwrap(el);
    return;
  }
  keepAttributes(target, target.localName, base);
  // A link that lost its address is just its text.
  if (target.localName === 'a' && !target.hasAttribute('href')) unwrap(target);
}

/** Elements that may hold only phrasing content. */
const PHRASING_ONLY = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'span',
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'small',
  'mark',
  'q',
  'cite',
  'abbr',
  'dfn',
  'kbd',
  'samp',
  'var',
  'code',
  'bdi',
]);

/**
 * The HTML parser lets some blocks sit where XHTML's content model forbids
 * them (a div in a heading, a paragraph straight inside a list). Blocks in
 * phrasing content give way to their text; stray list children get an li.
 */
function fitContentModel(el: Element, inPhrasing: boolean): void {
  const tag = el.localName;
  for (const child of Array.from(el.children)) fitContentModel(child, inPhrasing || PHRASING_ONLY.has(tag));
  // A list in phrasing content gives way to its text below, so its loose text must not be made into items first.
  if ((tag === 'ul' || tag === 'ol') && !inPhrasing) {
    for (const node of Array.from(el.childNodes)) {
      const stray = node.nodeType === 1 ? (node as Element).localName !== 'li' : node.nodeType === 3 && Boolean(node.textContent?.trim());
      if (!stray) continue;
      const li = el.ownerDocument.createElement('li');
      node.replaceWith(li);
      li.append(node);
    }
  }
  if (inPhrasing && BLOCK.has(tag)) {
    el.before(el.ownerDocument.createTextNode(' '));
    unwrap(el);
  }
}

/**
 * The body of sanitised `html` as an XHTML fragment, links resolved against
 * `base`. `pictureHref` names the file inside the book that stands for an
 * image, or null when the book does not carry it.
 */
export function toXhtmlFragment(html: string, base: string, win: DomWindow, pictureHref?: (img: Element) => string | null): string {
  const body = inertElement(html, win, 'body');
  const kept = new Map<Element, string>();
  if (pictureHref) {
    for (const img of Array.from(body.getElementsByTagName('img'))) {
      const href = pictureHref(img);
      if (!href) continue;
      kept.set(img, href);
      // A <picture> goes with its content (a book may not choose among remote sources); one whose picture the book carries becomes that image.
      if (img.parentElement?.localName === 'picture') img.parentElement.replaceWith(img);
    }
  }
  for (const child of Array.from(body.children)) clean(child, base, kept);
  fitGroups(body);
  for (const child of Array.from(body.children)) fitContentModel(child, false);
  // Serialising the body puts the XHTML namespace on it once, not on every top-level element.
  const xml = new win.XMLSerializer().serializeToString(body);
  return xmlSafe(xml.replace(/^<body[^>]*>/, '').replace(/<\/body>$|<body[^>]*\/>$/, ''));
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text for XML content or attribute values. */
export function escapeXml(s: string): string {
  return xmlSafe(s).replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}
