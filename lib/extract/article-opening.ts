import { countWords, textOf } from '../text';

/** A paragraph this long is the story's, not a dek, caption or byline. */
const BODY_PARAGRAPH_WORDS = 25;

/** The story's first real paragraph under `root`: on the page, or in Readability's article. */
export function firstBodyParagraph(root: Element): Element | undefined {
  for (const p of root.getElementsByTagName('p')) if (countWords(textOf(p)) >= BODY_PARAGRAPH_WORDS) return p;
  return undefined;
}

/** Put what was put back (a lead figure, a standfirst) at the top of the article, inside the one <div> Readability wraps it in. */
export function prependToArticle(article: Element, ...nodes: Node[]): void {
  const first = article.firstElementChild;
  (first && first.localName === 'div' && article.children.length === 1 ? first : article).prepend(...nodes);
}
