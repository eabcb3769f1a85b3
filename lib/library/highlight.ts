import { foldWord } from '../fold';

/** A run of text, and whether it is a search match. */
export interface Segment {
  text: string;
  hit: boolean;
}

/** MiniSearch's default tokenizer splits on whitespace and punctuation; matching the same words here means highlighting what was found. */
const WORD = /[^\n\r\p{Z}\p{P}]+/gu;

/** `text` cut into plain and matching runs; a word matches when it is one of `terms` ignoring case and accents, and is marked as written. */
export function highlight(text: string, terms: readonly string[]): Segment[] {
  if (terms.length === 0 || !text) return text ? [{ text, hit: false }] : [];
  const wanted = new Set(terms.map(foldWord));
  const out: Segment[] = [];
  let at = 0;
  for (const m of text.matchAll(WORD)) {
    if (!wanted.has(foldWord(m[0]))) continue;
    if (m.index > at) out.push({ text: text.slice(at, m.index), hit: false });
    out.push({ text: m[0], hit: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false });
  return out;
}

/** About `radius` characters either side of the first match in `text`, cut at word boundaries; '' when nothing matches. */
export function snippet(text: string, terms: readonly string[], radius = 90): string {
  const wanted = new Set(terms.map(foldWord));
  for (const m of text.matchAll(WORD)) {
    if (!wanted.has(foldWord(m[0]))) continue;
    const start = Math.max(0, m.index - radius);
    const end = Math.min(text.length, m.index + m[0].length + radius);
    const head = start > 0 ? `…${text.slice(start, end).replace(/^\S*\s+/, '')}` : text.slice(start, end);
    const body = end < text.length ? `${head.replace(/\s+\S*$/, '')}…` : head;
    return body.replace(/\s+/g, ' ');
  }
  return '';
}
