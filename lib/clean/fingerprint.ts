/**
 * A block's fingerprint: the words of its text, lower-cased, with every run
 * of digits made one "0" so that a changed count, price or date leaves it as
 * it was. Matching compares word pairs, so one word edited in a sentence of
 * twenty leaves most pairs in common.
 */

/** Words kept: enough to tell blocks apart; a long block is told by its opening. */
const MAX_WORDS = 48;
/** Share of word pairs two blocks must have in common to count as the same block. */
export const SAME_BLOCK = 0.75;

export function fingerprint(text: string): string {
  const words =
    text
      .toLowerCase()
      .normalize('NFKC')
      .replace(/\p{N}+/gu, '0')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.slice(0, MAX_WORDS).join(' ');
}

function pairs(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < words.length; i++) {
    const pair = `${words[i]} ${words[i + 1]}`;
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/** Dice coefficient of the two fingerprints' word pairs; blocks of three words or fewer must be equal. */
export function similarity(a: string, b: string): number {
  if (a === b) return a ? 1 : 0;
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (wa.length <= 3 || wb.length <= 3) return 0;
  const pa = pairs(wa);
  const pb = pairs(wb);
  let shared = 0;
  for (const [pair, n] of pa) shared += Math.min(n, pb.get(pair) ?? 0);
  return (2 * shared) / (wa.length - 1 + (wb.length - 1));
}

export function sameBlock(a: string, b: string): boolean {
  return similarity(a, b) >= SAME_BLOCK;
}
