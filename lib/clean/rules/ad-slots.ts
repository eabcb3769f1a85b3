import type { CleanRule } from '../rule';
import { climbWrappers } from '../dom';
import { textOf } from '../../text';

/** The label a site must print over a paid slot, in the corpus's languages. */
const AD_LABEL =
  /^(?:advertisement|advertising|advert|ad|ads|sponsored|sponsored content|paid content|promoted|anzeige|werbung|publicité|publicidad|pubblicità|reklama|reclame|annons|mainos)$/i;
/** Id tokens ad servers and ad plugins ask pages to use. (Readability's article keeps no class attributes.) */
const AD_TOKEN =
  /^(?:ad|ads|advert|adverts|advertisement|adslot|ad-?(?:slot|unit|container|wrapper|banner|box|zone|placeholder)|dfp|gpt-ad|adsbygoogle|taboola|outbrain|teads)(?:[-_]\w+)*$/i;
const AD_ELEMENTS = new Set(['amp-ad', 'amp-embed', 'amp-sticky-ad']);
const AD_ATTRIBUTES = ['data-ad-client', 'data-ad-slot', 'data-ad-unit', 'data-google-query-id'];
/** Where a site prints the "Advertisement" label over a slot. */
const LABEL_HOLDERS = new Set(['div', 'span', 'p', 'aside', 'section', 'figure', 'small', 'label']);

function isAdServerElement(el: Element): boolean {
  if (AD_ELEMENTS.has(el.localName)) return true;
  return AD_ATTRIBUTES.some((name) => el.hasAttribute(name));
}

/**
 * Ad slots: ad-server elements, boxes named for ads, and the "Advertisement"
 * label with its empty frame, in one walk of the article.
 */
export const adSlots: CleanRule = {
  name: 'ad-slots',
  reason: 'advertisement slot',
  *find(root, { length, elements }) {
    for (const el of elements()) {
      if (isAdServerElement(el)) yield el;
      else if (el.id && length(el) < 200 && AD_TOKEN.test(el.id) && textOf(el).length < 200 && !el.querySelector('p')) yield el;
      else if (LABEL_HOLDERS.has(el.localName) && length(el) <= 30 && el.children.length <= 3 && AD_LABEL.test(textOf(el))) yield climbWrappers(el, root);
    }
  },
};
