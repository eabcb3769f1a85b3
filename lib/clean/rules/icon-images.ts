import type { CleanRule } from '../rule';

const IMAGES = new Set(['img', 'amp-img']);

/** Alt text that describes the picture's job in the interface, not its content. */
const ICON_ALT = /\b(icon|arrow|chevron|caret|button|logo|avatar|spinner|placeholder( alt text)?|spacer)\b|^(image|img|photo|picture|thumbnail)$/i;
const TINY = 32;
/** Past this many words the alt text describes a photo ("The WeWork logo is displayed outside…"), whatever words it uses. */
const ICON_ALT_WORDS = 4;
/** Where lazy-loading pages keep the real picture while `src` shows a placeholder. */
const LAZY_SOURCES = ['data-src', 'data-lazy-src', 'data-original', 'data-srcset', 'data-lazy-srcset', 'srcset'];

function size(el: Element, attr: 'width' | 'height'): number {
  const n = Number.parseInt(el.getAttribute(attr) ?? '', 10);
  return Number.isFinite(n) ? n : NaN;
}

/**
 * Interface pictures: arrows, buttons, logos and tiny pixels. Their alt text
 * ("Down Arrow Button Icon") otherwise leaks into the text and every export.
 */
export const iconImages: CleanRule = {
  name: 'icon-images',
  reason: 'interface icon or placeholder image, not part of the story',
  *find(_root, { elements }) {
    for (const img of elements().filter((el) => IMAGES.has(el.localName))) {
      const alt = (img.getAttribute('alt') ?? '').trim();
      const w = size(img, 'width');
      const h = size(img, 'height');
      // A lazy picture's width and height may be its 1×1 placeholder's, not the photo's.
      const lazy = LAZY_SOURCES.some((a) => img.hasAttribute(a));
      const tiny = !lazy && ((w > 0 && w <= TINY) || (h > 0 && h <= TINY));
      if ((ICON_ALT.test(alt) && alt.split(/\s+/).length <= ICON_ALT_WORDS) || tiny) yield img;
    }
  },
};
