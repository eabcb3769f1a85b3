import type { CleanRule } from '../rule';
import { countWords, normalizeSpace, textOf } from '../../text';
import { pictureBlock } from '../../extract/loose-captions';

const MAX_WORDS = 40;
const MAX_CHARS = MAX_WORDS * 12;

/**
 * What captions a picture: its figure's <figcaption>, or the block after it
 * when the two are alone in their wrapper. A paragraph that merely follows a
 * picture in the story is not its caption.
 */
function captionOf(img: Element, root: Element): Element | undefined {
  const figure = img.closest('figure');
  if (figure && root.contains(figure)) return figure.querySelector('figcaption') ?? undefined;
  const picture = pictureBlock(img, root);
  const next = picture.nextElementSibling;
  if (!next || next.querySelector('img') || picture.parentElement === root || picture.parentElement?.childElementCount !== 2) return undefined;
  return next;
}

/**
 * A caption printed again under the next picture of a gallery, word for word
 * ("Image 1 of 9" slides that all carry the first slide's caption, a post
 * that puts the event's name under each photo). The first stays; the text
 * around the pictures is never touched.
 */
export const repeatedCaptions: CleanRule = {
  name: 'repeated-captions',
  reason: 'a picture caption repeated word for word',
  *find(root, { length, elements }) {
    const seen = new Set<string>();
    // Pictures in one figure share its caption: it is read once.
    const read = new Set<Element>();
    const images = elements().filter((el) => el.localName === 'img');
    for (const img of images) {
      const caption = captionOf(img, root);
      if (!caption || read.has(caption) || length(caption) > MAX_CHARS) continue;
      read.add(caption);
      const text = textOf(caption);
      if (!text || countWords(text) > MAX_WORDS) continue;
      if (seen.has(text)) yield caption;
      else seen.add(text);
    }
    yield* altCopies(images, elements(), length);
  },
};

/** Fewer words than this in a picture's description is a label ("Photo"), not a caption a page could repeat. */
const MIN_ALT_WORDS = 6;

/**
 * Paragraphs that print a picture's description (its alt text, which often
 * adds the credit) again and again: a gallery's caption set once beside the
 * slide and once more in a text box for small screens. The first stays.
 */
function* altCopies(images: readonly Element[], elements: readonly Element[], length: (el: Element) => number): Generator<Element> {
  const alts = images.map((img) => normalizeSpace(img.getAttribute('alt'))).filter((alt) => countWords(alt) >= MIN_ALT_WORDS);
  if (alts.length === 0) return;
  const printed = new Set<string>();
  for (const el of elements) {
    if (el.localName !== 'p' || length(el) > MAX_CHARS) continue;
    const text = textOf(el);
    if (countWords(text) < MIN_ALT_WORDS || !alts.some((alt) => alt.startsWith(text))) continue;
    if (printed.has(text)) yield el;
    else printed.add(text);
  }
}
