import { textOf, countWords } from '../text';

const OUTSIDE_STORY = 'nav, aside, footer, [role="navigation"], [role="complementary"], [role="contentinfo"]';

/**
 * The picture that opens the story, with its caption. Readability often
 * keeps only the body column and drops a lead figure that sits just above
 * it; this finds it before Readability runs, so it can be put back.
 */
export function findLeadFigure(body: Element): Element | undefined {
  const firstParagraph = Array.from(body.querySelectorAll('p')).find((p) => countWords(textOf(p)) >= 25);
  if (!firstParagraph) return undefined;
  for (const figure of body.querySelectorAll('figure')) {
    if (!(figure.compareDocumentPosition(firstParagraph) & 4 /* FOLLOWING */)) break;
    if (figure.closest(OUTSIDE_STORY) || !figure.querySelector('img') || !figure.querySelector('figcaption')) continue;
    return figure.cloneNode(true) as Element;
  }
  return undefined;
}

/** Put the lead figure at the top of the article unless the article already shows its caption. */
export function restoreLeadFigure(article: Element, figure: Element | undefined): void {
  if (!figure) return;
  const caption = textOf(figure.querySelector('figcaption'));
  if (caption && textOf(article).includes(caption)) return;
  const copy = article.ownerDocument.importNode(figure, true);
  const first = article.firstElementChild;
  // Readability wraps its output in one div; the figure belongs inside it.
  (first && first.tagName === 'DIV' && article.children.length === 1 ? first : article).prepend(copy);
}
