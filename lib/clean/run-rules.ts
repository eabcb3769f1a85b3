import type { Removal } from '../article';
import type { CleanRule, RuleContext, RuleSwitches } from './rule';
import { elementsWhere, measureTree, outermost } from './dom';
import { normalizeSpace, truncate } from '../text';

const PREVIEW_CHARS = 280;

/**
 * Text nodes joined by spaces: sites lay out cards with spans styled as
 * blocks, and a removed rail should read "Europe Finance Lorem…", not
 * "EuropeFinanceLorem…".
 */
function spacedText(el: Element): string {
  const parts: string[] = [];
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const t = normalizeSpace(node.textContent);
    if (t) parts.push(t);
  }
  return parts.join(' ').replace(/ ([,.;:!?])/g, '$1');
}

const MEDIA = new Set(['img', 'picture', 'video', 'audio', 'iframe', 'svg', 'canvas']);

/** A picture's file name from its address: "pin-it-button.png", not the whole address. */
function fileName(src: string | null): string {
  const path = (src ?? '').split(/[?#]/)[0] ?? '';
  if (!path || path.startsWith('data:')) return '';
  const last = path.split('/').filter(Boolean).pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/**
 * The preview text of a block as the removed list shows it; user rules are
 * fingerprinted from it. A block without text shows its picture's
 * description or file name, anything else what it held: a bare "<img>"
 * tells the reader nothing about what went.
 */
export function describe(el: Element): string {
  const text = spacedText(el);
  if (text) return truncate(text, PREVIEW_CHARS);
  const media = MEDIA.has(el.localName) ? el : el.querySelector('img, picture, video, audio, iframe, svg, canvas');
  const alt = media?.getAttribute('alt')?.trim() || media?.getAttribute('title')?.trim() || el.getAttribute('aria-label')?.trim();
  if (alt) return truncate(alt, PREVIEW_CHARS);
  if (!media) return 'an empty box';
  const kind =
    media.localName === 'iframe' ? 'an embedded frame' : media.localName === 'img' || media.localName === 'picture' ? 'a picture' : `a ${media.localName}`;
  const name = fileName(media.getAttribute('src') ?? media.querySelector('img, source')?.getAttribute('src') ?? null);
  return name ? `${kind} (${truncate(name, 80)})` : `${kind} without a description`;
}

/**
 * Run the rules over `root`, removing what they find and
 * recording each removal. A rule sees the tree as the rules before it left it.
 */
export function runRules(
  root: Element,
  rules: readonly CleanRule[],
  switches: RuleSwitches = {},
  authors: readonly string[] = [],
  /** The reader's "put back": a block whose preview text it answers true for stays. */
  keep?: (text: string) => boolean,
): Removal[] {
  const removed: Removal[] = [];
  let text: string | undefined;
  const active = rules.filter((rule) => switches[rule.name] !== false && (!rule.trigger || rule.trigger.test((text ??= root.textContent ?? ''))));
  if (active.length === 0) return removed;
  // Removals only shorten blocks, so lengths counted once stay upper bounds for every rule.
  const measured = measureTree(root);
  const { lengths } = measured;
  let elements: Element[] | undefined = measured.elements;
  const context: RuleContext = { length: (el) => lengths.get(el) ?? Infinity, authors, elements: () => (elements ??= elementsWhere(root, () => true)) };
  for (const rule of active) {
    const found = outermost(Array.from(rule.find(root, context)).filter((el) => el !== root && root.contains(el)));
    if (found.length) elements = undefined;
    for (const el of found) {
      const text = describe(el);
      if (keep?.(text)) continue;
      removed.push({ rule: rule.name, reason: rule.reason, text });
      el.remove();
    }
  }
  return removed;
}
