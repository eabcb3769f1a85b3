import type { CleanRule } from '../rule';
import { textOf, countWords } from '../../text';

const SHARE_HREF =
  /facebook\.com\/sharer|facebook\.com\/dialog\/share|twitter\.com\/(?:intent|share)|x\.com\/intent|linkedin\.com\/(?:share|cws\/share|sharearticle)|pinterest\.[a-z.]+\/pin\/create|reddit\.com\/submit|wa\.me\/|whatsapp\.com\/send|whatsapp:\/\/send|t\.me\/share|telegram\.me\/share|xing\.com\/(?:spi\/)?share|bsky\.app\/intent|threads\.net\/intent|^mailto:\?/i;
const SHARE_LABEL =
  /^(?:share|share (?:this|on|via|to) .{0,30}|copy link|email|print|tweet|teilen|auf \S+ teilen|link kopieren|drucken|partager|compartir|condividi|udostępnij|delen)$/i;

const CONTROLS = new Set(['a', 'button', 'amp-social-share']);

function isShareControl(el: Element): boolean {
  if (el.tagName.toLowerCase() === 'amp-social-share') return true;
  const href = el.getAttribute('href') ?? '';
  if (SHARE_HREF.test(href)) return true;
  const label = (el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '').trim() || textOf(el);
  return SHARE_LABEL.test(label);
}

/**
 * Share bars: a short block of two or more share controls (share links,
 * share buttons, "Copy link"). Grown to the bar's wrapper while the wrapper
 * says little else.
 */
export const shareBars: CleanRule = {
  name: 'share-bars',
  reason: 'social share buttons',
  *find(root, { elements }) {
    const controls = elements().filter((el) => (CONTROLS.has(el.localName) || el.getAttribute('role') === 'button') && isShareControl(el));
    const bars = new Set<Element>();
    for (const control of controls) {
      let bar: Element | null = control.parentElement;
      while (bar && bar !== root) {
        const inside = controls.filter((c) => bar!.contains(c)).length;
        if (inside >= 2) break;
        bar = bar.parentElement;
      }
      if (!bar || bar === root || countWords(textOf(bar)) > 40) continue;
      while (bar.parentElement && bar.parentElement !== root && countWords(textOf(bar.parentElement)) <= countWords(textOf(bar)) + 3) bar = bar.parentElement;
      bars.add(bar);
    }
    yield* bars;
  },
};
