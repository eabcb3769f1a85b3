import type { Highlight } from '../article-schema';
import { anchor, type TextRange } from './anchor';
import { selectorsOf } from './highlights';
import { textMap, type TextMap } from './text-map';

/** A highlight found in the text, numbered in reading order from 1. */
export interface PlacedHighlight {
  highlight: Highlight;
  range: TextRange;
  /** Its number among those with a note (the footnote it gets), or 0 when it has none. */
  note: number;
}

/**
 * Where each highlight sits in `text`: its recorded offsets when they still
 * hold its words, else wherever its quote is found. Highlights whose words
 * are gone are left out here (the library lists them apart); the rest come in
 * reading order, and those with a note are numbered in that order.
 */
export function placeHighlights(text: string, highlights: readonly Highlight[]): PlacedHighlight[] {
  const placed: PlacedHighlight[] = [];
  for (const h of highlights) {
    const s = selectorsOf(h);
    const range = text.slice(s.position.start, s.position.end) === s.quote.exact ? { start: s.position.start, end: s.position.end } : anchor(text, s);
    if (range) placed.push({ highlight: h, range, note: 0 });
  }
  placed.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  let n = 0;
  for (const p of placed) if (p.highlight.bodyValue.trim()) p.note = ++n;
  return placed;
}

/** Attributes a `<mark>` carries: which highlight it is part of, and on its last piece, the note's number. */
export const MARK_ATTRIBUTE = 'data-highlight';
export const NOTE_ATTRIBUTE = 'data-note';

/**
 * Wrap the text of each placed highlight in `<mark>` elements, in place.
 * A highlight that runs over element boundaries (from one paragraph into
 * the next, or across a link) gets one `<mark>` per text node it touches,
 * so no element is ever split or re-nested. Where highlights overlap, the
 * text they share goes in one mark, of the one that starts first. The last
 * piece of a highlight with a note carries the note's number.
 */
export function markPlaced(map: TextMap, placed: readonly PlacedHighlight[]): void {
  // Which highlight each character belongs to (the first one wins where they overlap).
  const owner = new Int32Array(map.text.length).fill(-1);
  placed.forEach((p, k) => {
    for (let i = p.range.start; i < p.range.end; i++) if (owner[i] === -1) owner[i] = k;
  });
  const last = new Map<number, { node: Text; from: number }>();
  // Runs of one owner within one node, as [node, from, to) in the node's own offsets.
  const runs: { node: Text; from: number; to: number; k: number }[] = [];
  for (let i = 0; i < map.text.length; i++) {
    const k = owner[i]!;
    const node = map.nodes[i];
    if (k === -1 || !node) continue;
    const offset = map.offsets[i]!;
    // A collapsed run of white space covers every character of the run.
    let to = offset + 1;
    while (to < node.data.length && /\s/.test(node.data[to]!) && /\s/.test(node.data[offset]!)) to++;
    const prev = runs[runs.length - 1];
    // Soft hyphens are not in the text; the words either side of one are still one run.
    if (prev && prev.node === node && prev.k === k && /^\u00ad*$/.test(node.data.slice(prev.to, offset))) prev.to = to;
    else runs.push({ node, from: offset, to, k });
  }
  for (const r of runs) last.set(r.k, r);
  // From the end of each node backwards, so splitting leaves the earlier offsets valid.
  for (let j = runs.length - 1; j >= 0; j--) {
    const { node, from, to, k } = runs[j]!;
    const doc = node.ownerDocument;
    const tail = node.splitText(from);
    tail.splitText(to - from);
    const mark = doc.createElement('mark');
    mark.setAttribute(MARK_ATTRIBUTE, placed[k]!.highlight.id);
    const note = placed[k]!.note;
    if (note && last.get(k) === runs[j]) mark.setAttribute(NOTE_ATTRIBUTE, String(note));
    tail.parentNode!.insertBefore(mark, tail);
    mark.appendChild(tail);
  }
}

/**
 * The highlights of an article marked in its body, `root` (changed in
 * place): the text is made as the stored `textContent` is, so the recorded
 * offsets point at the same words. Returns those placed, in reading order.
 */
export function markHighlights(root: Element, highlights: readonly Highlight[]): PlacedHighlight[] {
  if (highlights.length === 0) return [];
  const map = textMap(root);
  const placed = placeHighlights(map.text, highlights);
  markPlaced(map, placed);
  return placed;
}
