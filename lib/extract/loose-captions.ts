import { countWords, hasText, textOf } from '../text';
import { AGENCY } from '../photo-agencies';

/**
 * How a caption credits its picture: "©", "Photo: …", "(Photo by …)",
 * "Image copyright …", or an agency at the very end ("… | Getty Images",
 * "(Reuters/Jane Doe)", "/ iStock.com").
 */
const CREDIT_MARK = new RegExp(
  [
    '©',
    '\\(c\\)',
    '\\b(?:photo(?:graph)?s?|fotos?|bild|credit|crédito|image)\\s*(?:by\\b|:)',
    '\\bimage (?:copyright|caption)\\b',
    `[|/(]\\s*(?:${AGENCY})\\b[^|()]{0,40}\\)?\\s*$`,
    `^(?:${AGENCY})\\b(?:\\s*[/|]\\s*[^|()]{1,40})?$`,
  ].join('|'),
  'i',
);
const CAPTION_WORDS = 50;
const CAPTION_TAGS = new Set(['p', 'div', 'span', 'small', 'em', 'i', 'cite']);

function isCaption(el: Element): boolean {
  if (!CAPTION_TAGS.has(el.localName) || el.getElementsByTagName('img').length > 0) return false;
  const text = textOf(el);
  return text !== '' && countWords(text) <= CAPTION_WORDS && CREDIT_MARK.test(text);
}

/** The picture and the wrappers that hold nothing else: no text, no other picture. */
export function pictureBlock(img: Element, root: Element): Element {
  let block = img;
  while (block.parentElement && block.parentElement !== root && !hasText(block.parentElement) && block.parentElement.getElementsByTagName('img').length === 1) {
    block = block.parentElement;
  }
  return block;
}

/** Put a figure of the picture and its caption where `anchor` stands. */
function wrapInFigure(anchor: Element, picture: Element, captionNodes: Node[]): void {
  const doc = picture.ownerDocument;
  const figure = doc.createElement('figure');
  const caption = doc.createElement('figcaption');
  anchor.before(figure);
  caption.append(...captionNodes);
  figure.append(picture, caption);
}

/**
 * Pictures whose caption sits beside them (the next paragraph, or spans after
 * the picture in its own paragraph) rather than in a <figcaption>. Only a
 * short text that credits a picture is taken for its caption. Wrapped in a
 * figure, the caption travels with its picture in every export and is read
 * as a caption, not as a paragraph of the story.
 */
export function wrapLooseCaptions(root: Element): void {
  for (const img of Array.from(root.getElementsByTagName('img'))) {
    if (img.closest('figure')) continue;
    const picture = pictureBlock(img, root);
    const next = picture.nextElementSibling;
    if (next && isCaption(next)) {
      wrapInFigure(picture, picture, [next]);
      continue;
    }
    // The caption in the picture's own paragraph, after it.
    const holder = picture.parentElement;
    if (!holder || holder === root || holder.localName !== 'p' || holder.getElementsByTagName('img').length !== 1) continue;
    let textBefore = false;
    for (let n = picture.previousSibling; n && !textBefore; n = n.previousSibling) textBefore = textOf(n) !== '';
    const after: Node[] = [];
    for (let n = picture.nextSibling; n; n = n.nextSibling) after.push(n);
    if (textBefore || after.length === 0) continue;
    const probe = holder.ownerDocument.createElement('p');
    probe.textContent = after.map((n) => n.textContent ?? '').join(' ');
    if (!isCaption(probe)) continue;
    wrapInFigure(holder, picture, after);
    holder.remove();
  }
}
