import type TurndownService from 'turndown';
import { strikethrough, tables } from '@joplin/turndown-plugin-gfm';

/** Blocks a GFM table cell cannot hold; the GFM plugin would keep such a table as raw HTML. */
const BLOCKS_IN_CELL = new Set(['PRE', 'CODE', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'BLOCKQUOTE', 'TABLE']);

function tableOf(node: Node): Element | null {
  for (let p = node.parentNode; p; p = p.parentNode) if (p.nodeName === 'TABLE') return p as Element;
  return null;
}

// A plain walk rather than querySelector: turndown's Node DOM (domino) mis-scopes selector lists.
function tooRichForGfm(table: Element | null): boolean {
  if (!table) return false;
  const walk = (node: Node): boolean => {
    for (let c = node.firstChild; c; c = c.nextSibling) if (BLOCKS_IN_CELL.has(c.nodeName) || walk(c)) return true;
    return false;
  };
  return walk(table);
}

/**
 * GFM tables and strikethrough. A table whose cells hold lists, headings or
 * code cannot be a GFM table; the plugin would paste it in as HTML, but
 * Markdown from Clean Copy carries no raw markup, so such a table becomes its
 * cells' content, one block after another.
 */
export function useGfm(td: TurndownService): void {
  td.use([tables, strikethrough]);
  // Rules added later win over the plugin's.
  td.addRule('richTable', {
    filter: (node) => node.nodeName === 'TABLE' && tooRichForGfm(node),
    replacement: (content) => `\n\n${content}\n\n`,
  });
  td.addRule('richTableRow', {
    filter: (node) => node.nodeName === 'TR' && tooRichForGfm(tableOf(node)),
    replacement: (content) => `\n\n${content}\n\n`,
  });
  td.addRule('richTableCell', {
    filter: (node) => (node.nodeName === 'TD' || node.nodeName === 'TH') && tooRichForGfm(tableOf(node)),
    replacement: (content) => `\n\n${content}\n\n`,
  });
}

/**
 * The plugin writes a line break inside a cell as `<br>`. A space says the
 * same in a table row and keeps the output free of tags. Text that merely
 * reads "<br>" was escaped to &lt;br&gt; long before this runs.
 */
export function flattenCellBreaks(markdown: string): string {
  return markdown.replace(/^\|.*$/gm, (row) => row.replace(/(?:\s*<br>\s*)+/g, ' '));
}
