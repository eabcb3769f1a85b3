import { countWords } from '../text';
import { noscriptContent } from './noscript-content';

/** Fewer words than this in a <noscript> is a notice ("turn on JavaScript") or a tracking pixel, not a story. */
const STORY_WORDS = 50;

/** A <noscript>'s content when it holds paragraphs. Text that names no paragraph is not parsed: most hold a pixel or a notice. */
function paragraphsOf(noscript: Element): Element | undefined {
  if (!noscript.firstElementChild && !/<p[\s>]/i.test(noscript.textContent ?? '')) return undefined;
  const content = noscriptContent(noscript);
  return content.querySelector('p') ? content : undefined;
}

/** Words of the page outside every <noscript>, script and style: what a reader with scripts on sees. */
function wordsOutsideNoscript(root: Element): number {
  const parts: string[] = [];
  const walk = (el: Element): void => {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
      else if (child.nodeType === 1 && !['noscript', 'script', 'style'].includes((child as Element).localName)) walk(child as Element);
    }
  };
  walk(root);
  return countWords(parts.join(' '));
}

/**
 * Some blogs write each post twice: once for a script to render and once in
 * <noscript> for readers without scripts. On a page saved without scripts,
 * or read before the script has run, the <noscript> copy is the only one,
 * and Readability drops every <noscript>. Put its content in its place when
 * it holds paragraphs with more words than the rest of the page shows.
 * `body` is the copy's body; the copy is inert, and the sanitiser runs later.
 */
export function unwrapNoscriptStories(noscripts: readonly Element[], body: Element): void {
  let pageWords: number | undefined;
  for (const noscript of noscripts) {
    if (!noscript.isConnected) continue;
    const content = paragraphsOf(noscript);
    if (!content) continue;
    const words = countWords(content.textContent ?? '');
    if (words < STORY_WORDS) continue;
    // A notice (cookies, "turn on JavaScript") is short beside the page, and a post a script has
    // already shown is as long as its copy; a post only the <noscript> holds is most of the page.
    pageWords ??= wordsOutsideNoscript(body);
    if (words <= pageWords) continue;
    const holder = noscript.ownerDocument.createElement('div');
    holder.append(...Array.from(content.childNodes));
    noscript.replaceWith(holder);
    pageWords += words;
  }
}
