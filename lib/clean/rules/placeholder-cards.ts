import type { CleanRule } from '../rule';
import { textOf } from '../../text';

const FILLER =
  /\b(lorem ipsum|dolor sit amet|consectetur adipisc|tempor incididunt|ut enim ad minim|quis nostrud exercitation|duis aute irure|excepteur sint occaecat)/i;
const MAX_CARD_FILLER = 240;

function fillerLength(el: Element): number {
  let n = 0;
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const t = node.textContent ?? '';
    if (FILLER.test(t)) n += t.replace(/\s+/g, ' ').trim().length;
  }
  return n;
}

/**
 * Skeleton and placeholder blocks a page renders before its script fills them
 * in: lorem-ipsum cards, and empty boxes marked busy.
 * A card grows to the largest block that is still mostly filler, so a rail of
 * six lorem cards and its heading go as one. Filler is clutter only beside
 * real text.
 */
export const placeholderCards: CleanRule = {
  name: 'placeholder-cards',
  reason: 'placeholder (lorem ipsum or skeleton) block that the site never filled in',
  *find(root, { elements }) {
    const seen = new Set<Element>();
    const fillerInside = FILLER.test(root.textContent ?? '');
    // Filler that fills most of the article is the article (a template, a test page): nothing to strip it from.
    if (fillerInside && fillerLength(root) > textOf(root).length * 0.5) return;
    const walker = root.ownerDocument.createTreeWalker(root, 4);
    for (let node = fillerInside ? walker.nextNode() : null; node; node = walker.nextNode()) {
      // Cards carry a teaser's worth of filler; a long lorem paragraph stands in for the story itself.
      const filler = node.textContent ?? '';
      if (!FILLER.test(filler) || filler.trim().length > MAX_CARD_FILLER) continue;
      const start = node.parentElement;
      if (!start || start === root) continue;
      let card: Element = start;
      while (card.parentElement && card.parentElement !== root) {
        const parent: Element = card.parentElement;
        if (fillerLength(parent) < textOf(parent).length * 0.6) break;
        card = parent;
      }
      if (!seen.has(card)) {
        seen.add(card);
        yield card;
      }
    }
    const marked = elements().filter((el) => el.getAttribute('aria-busy') === 'true');
    for (const el of marked) if (textOf(el).length < 40 && !el.querySelector('img[src]:not([src^="data:"])')) yield el;
  },
};
