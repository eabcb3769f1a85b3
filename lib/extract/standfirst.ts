import { countWords, normalizeSpace, textOf } from '../text';
import { linkDensity } from '../clean/dom';
import { firstBodyParagraph, prependToArticle } from './article-opening';
import { absoluteLinks } from './normalize-media';

/** Where a standfirst never stands: menus, side columns, forms, pictures and their captions, lists. */
const OUTSIDE = new Set([
  'nav',
  'aside',
  'footer',
  'form',
  'figure',
  'figcaption',
  'button',
  'a',
  'ul',
  'ol',
  'menu',
  'time',
  'address',
  'table',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'select',
  'iframe',
]);
const OUTSIDE_ROLES = new Set(['navigation', 'complementary', 'contentinfo']);
const TEXT_BLOCKS = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote']);
/** Wrappers that count as a line of text when no block sits inside them. */
const LINE_WRAPPERS = new Set(['div', 'span', 'section', 'header']);
/**
 * What makes a wrapper a container of lines rather than a line. Narrower than
 * the cleaner's block tags: a rule, a list item or a widget element inside a
 * line leaves it one line (with the cleaner's wider set, two blog posts in the
 * corpus lost their standfirsts).
 */
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'blockquote', 'figure']);
/** How far past the headline to look, in elements: the page's header, not the page. */
const MAX_STEPS = 300;
const MIN_WORDS = 8;
const MAX_WORDS = 120;
const MAX_BLOCKS = 3;
/** How much of the story's opening paragraph identifies it on the page. */
const OPENING_CHARS = 60;
/** Header lines that are not prose: bylines, credits, dates, times, reading times. */
const NOT_PROSE =
  /(?:^|\s)(?:by|von|par|por|door|di|av|af)\s+\p{Lu}|©|\b(?:foto|photo|bild|image|quelle|source|credit|lesezeit|read(?:ing)? time|min\.? read|updated|published|aktualisiert|veröffentlicht)\b|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}:\d{2}/iu;
/** A header's furniture, named by its class or id: captions, credits, bios, share and sign-up boxes, video and gallery titles, side rails. */
const FURNITURE =
  /caption|credit|\bbio|author|byline|social|share|messenger|whatsapp|follow|subscri|newsletter|promo|video|gallery|sidebar|related|disclosure/i;
/** How many wrappers up a class or id can still name the line's furniture. */
const FURNITURE_DEPTH = 4;
const SENTENCE_END = /[.!?…"“”»)。！？」』]$/;

function isOutside(el: Element): boolean {
  const role = el.getAttribute('role');
  return (
    OUTSIDE.has(el.localName) ||
    (role !== null && OUTSIDE_ROLES.has(role)) ||
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true' ||
    /display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.getAttribute('style') ?? '')
  );
}

/** Depth first, stopping at the first block: a selector query on jsdom walks the whole subtree. */
function holdsBlock(el: Element): boolean {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (BLOCKS.has(child.localName) || holdsBlock(child)) return true;
  }
  return false;
}

function isLine(el: Element): boolean {
  if (TEXT_BLOCKS.has(el.localName)) return true;
  return LINE_WRAPPERS.has(el.localName) && !holdsBlock(el) && textOf(el) !== '';
}

/**
 * The lines between the headline and the story's opening on the page, in
 * order; undefined when the opening is not found close below the headline.
 */
function linesAboveStory(headline: Element, opening: string): Element[] | undefined {
  const root = headline.ownerDocument.body;
  if (!root?.contains(headline)) return undefined;
  const walker = headline.ownerDocument.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  walker.currentNode = headline;
  const pastSubtree = (): Element | null => {
    let node = walker.nextSibling();
    while (!node && walker.parentNode()) node = walker.nextSibling();
    return node as Element | null;
  };
  const lines: Element[] = [];
  let el = pastSubtree();
  for (let steps = 0; el && steps < MAX_STEPS; steps++) {
    if (isOutside(el)) {
      el = pastSubtree();
    } else if (isLine(el)) {
      if (textOf(el).startsWith(opening)) return lines;
      lines.push(el);
      el = pastSubtree();
    } else {
      el = (walker.firstChild() as Element | null) ?? pastSubtree();
    }
  }
  return undefined;
}

function namesFurniture(line: Element): boolean {
  let el: Element | null = line;
  for (let depth = 0; el && depth < FURNITURE_DEPTH; depth++, el = el.parentElement) {
    if (FURNITURE.test(`${el.id} ${el.getAttribute('class') ?? ''}`)) return true;
  }
  return false;
}

/** A picture's caption: the nearest wrapper that holds a picture holds little text besides this line. */
function captionsPicture(line: Element, length: number): boolean {
  let el = line.parentElement;
  for (let depth = 0; el && depth < 3; depth++, el = el.parentElement) {
    if (el.querySelector('img, picture, video')) return textOf(el).length <= length + 40;
  }
  return false;
}

/** Whether a line is the page's own summary (its description meta), in either's first words. */
function isSummary(text: string, summary: string): boolean {
  return summary !== '' && (summary.startsWith(text.slice(0, 50)) || text.startsWith(summary.slice(0, 50)));
}

/** Text without any whitespace: lines and the article's text are compared so, as blocks join words with or without a space. */
function squeezed(text: string): string {
  return text.replace(/\s+/g, '');
}

/** The text of the article before its opening paragraph: what Readability kept of the header already. */
function textBefore(article: Element, paragraph: Element): string {
  const walker = article.ownerDocument.createTreeWalker(article, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  // The opening holds text, so its first text node ends the walk.
  for (let node = walker.nextNode(); node && !paragraph.contains(node); node = walker.nextNode()) text += node.nodeValue ?? '';
  return squeezed(text);
}

/**
 * Put back the standfirst (the summary paragraph between the headline and
 * the story) that Readability drops when it sits in the page's header rather
 * than beside the story's paragraphs. A line goes back when it is prose: at
 * least 8 words, not a byline, credit or date, not made of links, not a
 * caption. Lines that repeat the page's summary go back on that alone; any
 * other must end like a sentence and sit in no box named for furniture.
 * Nothing changes unless the story's opening is found close below the
 * headline; when the lines above it are more than three or 120 words, only a
 * line that repeats the description goes back.
 */
export function restoreStandfirst(article: Element, headline: Element | undefined, summary: string | null | undefined): void {
  if (!headline) return;
  const paragraph = firstBodyParagraph(article);
  if (!paragraph) return;
  const lines = linesAboveStory(headline, textOf(paragraph).slice(0, OPENING_CHARS));
  if (!lines || lines.length === 0) return;
  const description = normalizeSpace(summary);
  let kept: string | undefined;
  let restore: Element[] = [];
  /** Lines that repeat the page's description, each short enough to be a standfirst on its own. */
  const summaries: Element[] = [];
  let words = 0;
  for (const line of lines) {
    const text = textOf(line);
    const n = countWords(text);
    if (n < MIN_WORDS || NOT_PROSE.test(text) || linkDensity(line) > 0.3 || captionsPicture(line, text.length)) continue;
    const summaryLine = isSummary(text, description);
    if (!summaryLine && (namesFurniture(line) || !SENTENCE_END.test(text))) continue;
    kept ??= textBefore(article, paragraph);
    if (kept.includes(squeezed(text.slice(0, 80)))) continue;
    restore.push(line);
    if (summaryLine && n <= MAX_WORDS) summaries.push(line);
    words += n;
  }
  // More prose above the story than a standfirst runs to is the page's own intro, or a column
  // Readability passed over; of it only a line that repeats the page's description goes back.
  if (restore.length > MAX_BLOCKS || words > MAX_WORDS) restore = summaries.length === 1 ? summaries : [];
  if (restore.length === 0) return;
  const doc = article.ownerDocument;
  const paragraphs = restore.map((line) => {
    const p = doc.createElement('p');
    for (const child of Array.from(line.childNodes)) p.append(doc.importNode(child, true));
    absoluteLinks(p, headline.ownerDocument.baseURI);
    return p;
  });
  prependToArticle(article, ...paragraphs);
}
