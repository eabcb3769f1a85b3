import { textOf } from '../text';
import { absoluteLinks, normalizeMedia } from './normalize-media';
import { firstBodyParagraph, prependToArticle } from './article-opening';

const OUTSIDE_STORY = 'nav, aside, footer, [role="navigation"], [role="complementary"], [role="contentinfo"]';
function precedes(a: Node, b: Node): boolean {
  return Boolean(a.compareDocumentPosition(b) & 4 /* DOCUMENT_POSITION_FOLLOWING */);
}

/** Whether the article opens with a picture of its own, before its first real paragraph. */
function opensWithPicture(article: Element): boolean {
  const img = article.getElementsByTagName('img')[0];
  const first = firstBodyParagraph(article);
  return Boolean(img && (!first || precedes(img, first)));
}

/** The captioned picture above the story's first paragraph on the page, if there is one. */
function findLeadFigure(page: Element, figures: Iterable<Element>): Element | undefined {
  const first = firstBodyParagraph(page);
  if (!first) return undefined;
  for (const figure of figures) {
    if (!precedes(figure, first)) break;
    if (figure.closest(OUTSIDE_STORY) || !figure.querySelector('img, amp-img') || !figure.querySelector('figcaption')) continue;
    return figure;
  }
  return undefined;
}

/**
 * Readability often keeps only the body column and drops the lead picture
 * that sits just above it, caption and all. Put it back at the top of the
 * article, unless the article already opens with a picture or shows the
 * caption. `page` is the untouched page, read only; `figures` are its
 * figures in document order.
 */
export function restoreLeadFigure(article: Element, page: Element, figures: readonly Element[]): void {
  if (figures.length === 0 || opensWithPicture(article)) return;
  const figure = findLeadFigure(page, figures);
  if (!figure) return;
  const caption = textOf(figure.querySelector('figcaption'));
  if (caption && textOf(article).includes(caption)) return;
  const copy = article.ownerDocument.importNode(figure, true);
  normalizeMedia(copy, page.ownerDocument.baseURI);
  absoluteLinks(copy, page.ownerDocument.baseURI);
  prependToArticle(article, copy);
}
