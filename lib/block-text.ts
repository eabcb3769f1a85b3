import { BLOCK_TAGS } from './clean/dom';
import { countWords } from './text';

const MEDIA = 'img, picture, video, audio, iframe, svg, object, embed, canvas';
/** Longer than any caption: a figure with this much text is holding the story itself. */
const CAPTION_WORDS = 80;

/**
 * A picture with its caption and credit. Its words describe the picture, not
 * the story: they stay in the HTML with the picture and are left out of the
 * text, its word count and reading time (as a reader skips them when reading
 * aloud, and as article-body datasets leave them out). A figure whose only
 * words are its caption counts too: its picture may not have survived the
 * page (a lazy loader, a player). Captions printed beside their picture are
 * put in a figure before this runs (`wrapLooseCaptions`).
 */
function isPictureFigure(el: Element): boolean {
  if (countWords(el.textContent ?? '') > CAPTION_WORDS) return false;
  if (el.querySelector(MEDIA) !== null) return true;
  let outside = '';
  for (const child of el.childNodes) if ((child as Element).tagName?.toUpperCase() !== 'FIGCAPTION') outside += child.textContent ?? '';
  return outside.trim() === '';
}

/** What a walk over an article body meets: a text node, or characters the walk adds (block breaks, bullets, cell tabs). */
export interface BlockVisitor {
  text(node: Text): void;
  added(s: string): void;
}

/**
 * The walk behind `blockText`, in document order. Kept apart so the
 * highlighter (lib/annotations/text-map.ts) can tell which node each
 * character of the text came from, and so the two never disagree.
 */
export function blockWalk(root: Element, v: BlockVisitor): void {
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      v.text(node as Text);
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (tag === 'BR') {
      v.added('\n');
      return;
    }
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') return;
    if (tag === 'FIGURE' ? isPictureFigure(el) : tag === 'FIGCAPTION' && !el.closest('figure')) return;
    const block = BLOCK_TAGS.has(tag);
    if (block) v.added('\n\n');
    if (tag === 'LI' && (el.textContent ?? '').trim()) v.added('• ');
    for (const child of el.childNodes) walk(child);
    if (block) v.added('\n\n');
    else if (tag === 'TD' || tag === 'TH') v.added('\t');
  };
  walk(root);
}

/**
 * Plain text of an element with its block structure kept: one blank line
 * between paragraphs, line breaks where the HTML has <br>. Pictures and
 * their captions are not text of the story and are left out.
 */
export function blockText(root: Element): string {
  const parts: string[] = [];
  blockWalk(root, { text: (node) => parts.push(node.data.replace(/\s+/g, ' ')), added: (s) => parts.push(s) });
  return parts
    .join('')
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/ {2,}/g, ' ')
    .trim();
}
