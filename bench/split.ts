/**
 * Every corpus in two fixed halves. Rules are tuned on one ("tune") and a
 * change is kept only when it does not hurt the other ("judged"): a gain
 * that shows on the tune half alone is fitted to those pages.
 *
 * The half is a hash of the page id, so it never changes as pages are added
 * or the code changes, and it does not follow the id's order (the corpus's
 * own dev/holdout split takes every third id in sorted order).
 */
export type Half = 'tune' | 'judged';

export const HALVES: readonly Half[] = ['tune', 'judged'];

/** FNV-1a over the id's UTF-16 code units: small, stable, and spreads ids that share a prefix. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function halfOf(id: string): Half {
  return fnv1a(id) % 2 === 0 ? 'tune' : 'judged';
}
