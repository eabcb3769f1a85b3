import { countWords, textOf } from '../text';

/** A paragraph this long is the story's, not a dek, caption or byline. */
const BODY_PARAGRAPH_WORDS = 25;

/** The story's first real paragraph under `root`: on the page, or in Readability's article. */
export function firstBodyParagraph(root: Element): Element | undefined {
  for (const p of root.getElementsByTagName('p')) if (countWords(textOf(p)) >= BODY_PARAGRAPH_WORDS) return p;
  return undefined;
}

/** Where what is put back goes: inside the one <div> Readability wraps the article in, or the article itself. */
export function articleHolder(article: Element): Element {
  const first = article.firstElementChild;
  return first && first.localName === 'div' && article.children.length === 1 ? first : article;
}

/** Put what was put back (a lead figure, a standfirst) at the top of the article. */
export function prependToArticle(article: Element, ...nodes: Node[]): void {
  articleHolder(article).prepend(...nodes);
}
