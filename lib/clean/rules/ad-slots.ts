import type { CleanRule } from '../rule';
import { climbWrappers } from '../dom';
import { textOf } from '../../text';

/** The label a site must print over a paid slot, in the corpus's languages. */
const AD_LABEL = /^(?:advertisement|advertising|advert|ad|ads|sponsored|sponsored content|paid content|promoted|anzeige|werbung|publicité|publicidad|pubblicità|reklama|reclame|annons|mainos)$/i;
/** Class and id tokens ad servers and ad plugins ask pages to use. */
const AD_TOKEN = /^(?:ad|ads|advert|adverts|advertisement|adslot|ad-?(?:slot|unit|container|wrapper|banner|box|zone|placeholder)|dfp|gpt-ad|adsbygoogle|taboola|outbrain|teads)(?:[-_]\w+)*$/i;
const AD_TAGS = 'amp-ad, amp-embed, amp-sticky-ad, ins.adsbygoogle, [data-ad-slot], [data-ad-unit], [data-google-query-id]';

function hasAdToken(el: Element): boolean {
  const tokens = `${el.getAttribute('class') ?? ''} ${el.id}`.split(/\s+/);
  return tokens.some((t) => t && AD_TOKEN.test(t));
}

/** Ad slots: ad-server elements, boxes named for ads, and the "Advertisement" label with its empty frame. */
export const adSlots: CleanRule = {
  name: 'ad-slots',
  reason: 'advertisement slot',
  *find(root, { length }) {
    yield* root.querySelectorAll(AD_TAGS);
    for (const el of root.querySelectorAll('[class], [id]')) {
      if (length(el) < 200 && hasAdToken(el) && textOf(el).length < 200 && !el.querySelector('p')) yield el;
    }
    for (const el of root.querySelectorAll('div, span, p, aside, section, figure, small, label')) {
      if (length(el) > 30 || el.children.length > 3 || !AD_LABEL.test(textOf(el))) continue;
      yield climbWrappers(el, root);
    }
  },
};
