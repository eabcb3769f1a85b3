import { blockWalk } from '../block-text';
import type { TextRange } from './anchor';

/**
 * An article body's plain text, made exactly as the saved `textContent` is
 * (lib/block-text.ts: a blank line between blocks, "• " before list items,
 * a tab after table cells, picture captions left out, white space
 * collapsed, soft hyphens dropped), with, for every character, the text
 * node and offset it came from. Characters the walk adds (the blank lines,
 * bullets and tabs) come from no node. This is what turns a selection on
 * screen into offsets of the stored text, and offsets back into the nodes
 * to wrap in `<mark>`.
 */
export interface TextMap {
  text: string;
  /** The node each character came from, or null for one the walk added. */
  nodes: (Text | null)[];
  /** The offset in that node (-1 for an added character). */
  offsets: number[];
}

interface Chars {
  s: string;
  nodes: (Text | null)[];
  offsets: number[];
}

/**
 * `c` with every match of `pattern` replaced by the characters of the match
 * at the positions `keep` picks, each keeping its origin: the same edits
 * block-text.ts makes with `replace`, without losing where characters came from.
 */
function squeeze(c: Chars, pattern: RegExp, keep: (match: string) => number[]): Chars {
  const out: Chars = { s: '', nodes: [], offsets: [] };
  let at = 0;
  const take = (i: number) => {
    out.s += c.s[i];
    out.nodes.push(c.nodes[i]!);
    out.offsets.push(c.offsets[i]!);
  };
  for (const m of c.s.matchAll(pattern)) {
    for (let i = at; i < m.index; i++) take(i);
    for (const k of keep(m[0])) take(m.index + k);
    at = m.index + m[0].length;
  }
  for (let i = at; i < c.s.length; i++) take(i);
  return out;
}

export function textMap(root: Element): TextMap {
  const c: Chars = { s: '', nodes: [], offsets: [] };
  const added = (s: string) => {
    for (const ch of s) {
      c.s += ch;
      c.nodes.push(null);
      c.offsets.push(-1);
    }
  };
  blockWalk(root, {
    text(node) {
      const value = node.data;
      for (let i = 0; i < value.length; i++) {
        const space = /\s/.test(value[i]!);
        // A run of white space is one space, from the run's first character.
        if (space && i > 0 && /\s/.test(value[i - 1]!)) continue;
        c.s += space ? ' ' : value[i];
        c.nodes.push(node);
        c.offsets.push(i);
      }
    },
    added,
  });
  let m = squeeze(c, /[ \t]*\n[ \t]*/g, (s) => [s.indexOf('\n')]);
  m = squeeze(m, /\n{3,}/g, () => [0, 1]);
  m = squeeze(m, / {2,}/g, () => [0]);
  m = squeeze(m, /^\s+|\s+$/g, () => []);
  m = squeeze(m, /\u00ad/g, () => []);
  return { text: m.s, nodes: m.nodes, offsets: m.offsets };
}

/**
 * The offsets in `map.text` of what `range` selects: the characters whose
 * node and offset lie inside it, without white space at either end. Null
 * when it selects no text of the article (a picture, a caption, nothing).
 */
export function rangeOffsets(map: TextMap, range: Range): TextRange | null {
  // Node by node rather than character by character: only the nodes at the range's ends need their offsets compared.
  let start = -1;
  let end = -1;
  for (let i = 0; i < map.text.length; ) {
    const node = map.nodes[i];
    let j = i + 1;
    while (j < map.text.length && map.nodes[j] === node) j++;
    if (node && range.intersectsNode(node)) {
      for (let k = i; k < j; k++) {
        const offset = map.offsets[k]!;
        if (node === range.startContainer && offset < range.startOffset) continue;
        if (node === range.endContainer && offset >= range.endOffset) break;
        if (start === -1) start = k;
        end = k + 1;
      }
    }
    i = j;
  }
  if (start === -1) return null;
  while (start < end && /\s/.test(map.text[start]!)) start++;
  while (end > start && /\s/.test(map.text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}
