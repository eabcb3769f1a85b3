/**
 * Where a highlight sits in an article's plain text, said the W3C Web
 * Annotation way: the quoted words with a little context either side
 * (TextQuoteSelector) and their character offsets (TextPositionSelector).
 * The offsets are exact but break when the story changes; the quote
 * survives edits elsewhere, so a re-saved story is searched by the quote,
 * with the context and the old offsets choosing between repeats.
 */

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface TextSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

export interface TextRange {
  start: number;
  end: number;
}

/** Characters of context kept either side: enough to tell apart repeats of a short phrase. */
export const CONTEXT = 32;

/** The selectors for `text[start, end)`. */
export function describeRange(text: string, { start, end }: TextRange, context = CONTEXT): TextSelectors {
  if (!(start >= 0 && start < end && end <= text.length)) throw new RangeError(`no text between ${start} and ${end}`);
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - context), start),
      suffix: text.slice(end, end + context),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** White space runs as one space, with each kept character's offset in the original. */
function collapse(text: string): { text: string; at: number[] } {
  let out = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) {
      if (out.endsWith(' ')) continue;
      out += ' ';
    } else out += text[i];
    at.push(i);
  }
  return { text: out, at };
}

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/** Of several places the quote appears, the one whose surroundings match its context best, then the nearest to where it was. */
function best(text: string, starts: readonly number[], length: number, s: TextSelectors): number {
  let chosen = starts[0]!;
  let score = -1;
  let distance = Infinity;
  for (const start of starts) {
    const end = start + length;
    const here =
      commonSuffix(s.quote.prefix, text.slice(Math.max(0, start - s.quote.prefix.length), start)) +
      commonPrefix(s.quote.suffix, text.slice(end, end + s.quote.suffix.length));
    const away = Math.abs(start - s.position.start);
    if (here > score || (here === score && away < distance)) [chosen, score, distance] = [start, here, away];
  }
  return chosen;
}

/**
 * Where the highlight described by `s` sits in `text` now, or null when its
 * words are no longer there (the caller reports it; it is never dropped).
 * White space that changed with the markup does not stop a match.
 */
export function anchor(text: string, s: TextSelectors): TextRange | null {
  const { exact } = s.quote;
  if (!exact) return null;
  // Every place the words appear: the context decides, then nearness to the old offsets, so a repeat never steals the highlight.
  const starts = occurrences(text, exact);
  if (starts.length > 0) {
    const start = best(text, starts, exact.length, s);
    return { start, end: start + exact.length };
  }
  const loose = collapse(text);
  const quote = collapse(exact).text.trim();
  if (!quote) return null;
  const looseStarts = occurrences(loose.text, quote);
  if (looseStarts.length === 0) return null;
  const near: TextSelectors = { ...s, position: { ...s.position, start: loose.at.findIndex((i) => i >= s.position.start) } };
  const i = best(loose.text, looseStarts, quote.length, {
    ...near,
    quote: { ...s.quote, prefix: collapse(s.quote.prefix).text, suffix: collapse(s.quote.suffix).text },
  });
  return { start: loose.at[i]!, end: loose.at[i + quote.length - 1]! + 1 };
}

/** Something anchored by selectors: a highlight, with whatever else it carries. */
export interface Anchored {
  selectors: TextSelectors;
}

/**
 * Every item placed again in a new version of the text: those found get
 * fresh selectors (offsets and context from the new text); the rest are
 * handed back apart, unchanged, for the reader to see.
 */
export function reanchor<T extends Anchored>(text: string, items: readonly T[]): { anchored: T[]; orphaned: T[] } {
  const anchored: T[] = [];
  const orphaned: T[] = [];
  for (const item of items) {
    const range = anchor(text, item.selectors);
    if (range) anchored.push({ ...item, selectors: describeRange(text, range) });
    else orphaned.push(item);
  }
  return { anchored, orphaned };
}
