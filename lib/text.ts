/** Collapse every run of whitespace to one space and trim. */
export function normalizeSpace(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Text of a node with whitespace collapsed. */
export function textOf(node: Node | null | undefined): string {
  return normalizeSpace(node?.textContent);
}

/**
 * Whether a node holds any text that is not whitespace. Stops at the first
 * such text node: asking for the whole text of a picture's wrapper, to learn
 * that it has some, can mean building the whole article's text.
 */
export function hasText(node: Node): boolean {
  const doc = node.ownerDocument ?? (node as Document);
  const walker = doc.createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) if (/\S/.test(text.nodeValue ?? '')) return true;
  return false;
}

/**
 * Without soft hyphens (U+00AD): invisible hints where a word may break at a
 * line's end. Left in a saved copy they split "Mit­tel­al­ter" into four words
 * for the word count and hide it from a search for "Mittelalter".
 */
export function withoutSoftHyphens(text: string): string {
  return text.includes('\u00ad') ? text.replace(/\u00ad/g, '') : text;
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1).trimEnd()}…`;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu;

/**
 * Words in a text. Scripts written without spaces (Chinese, Japanese, Thai) are
 * counted by Intl.Segmenter where it exists, so a Chinese article is not "one word".
 */
export function countWords(text: string): number {
  if (!text) return 0;
  const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  if (Segmenter && /[\u3040-\u30ff\u3400-\u9fff\u0e00-\u0e7f]/.test(text)) {
    let n = 0;
    for (const s of new Segmenter(undefined, { granularity: 'word' }).segment(text)) if (s.isWordLike) n++;
    return n;
  }
  return text.match(WORD)?.length ?? 0;
}

/** Average adult silent reading speed for non-fiction, in words a minute. */
export const WORDS_PER_MINUTE = 230;

export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
