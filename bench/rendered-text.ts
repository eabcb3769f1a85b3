import { blockText } from '../lib/block-text';

/**
 * The article as a reader sees it rendered, captions included. The survival
 * checks (Readability's and Defuddle's pages) ask whether cleaning deleted
 * content; a caption left out of the story text is still in the article.
 */
export function renderedText(doc: Document, html: string): string {
  const holder = doc.createElement('div');
  holder.innerHTML = html;
  for (const el of Array.from(holder.querySelectorAll('figure, figcaption'))) {
    const block = doc.createElement('div');
    block.append(...el.childNodes);
    el.replaceWith(block);
  }
  return blockText(holder);
}
