import type { Highlight } from '../article-schema';
import { placeHighlights } from '../annotations/mark-html';
import { markedContent, type Marked } from './highlighted';
import type { Exportable } from './exportable';
import { sourceAddress } from '../web-address';

/** The reader's text as Markdown that shows it as typed: what looks like a tag stays text. */
function plain(line: string): string {
  return line.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A note's lines under a footnote or list item: later lines indented so they stay part of it. */
function indented(note: string, indent: string): string {
  return note
    .trim()
    .split('\n')
    .map((line, i) => (i === 0 ? plain(line.trim()) : line.trim() ? `${indent}${plain(line.trim())}` : ''))
    .join('\n');
}

function quote(h: Highlight): string {
  return h.target.selector[0].exact
    .split('\n')
    .map((line) => `> ${plain(line.trim())}`.trimEnd())
    .join('\n');
}

/**
 * What ends a Markdown file with highlights: each note as the footnote its
 * `[^n]` points to, and the highlights whose words are gone from the text
 * listed with their notes, so none is lost on the way out.
 */
export function highlightFootnotes({ placed, missing }: Marked): string {
  const notes = placed.filter((p) => p.note).map((p) => `[^${p.note}]: ${indented(p.highlight.bodyValue, '    ')}`);
  const lost = missing.map((h) => {
    const note = h.bodyValue.trim() ? `\n\n  ${indented(h.bodyValue, '  ')}` : '';
    return `- ==${plain(h.target.selector[0].exact.replace(/\s+/g, ' ').trim())}==${note}`;
  });
  return (notes.length ? `\n${notes.join('\n')}\n` : '') + (lost.length ? `\n## Highlights no longer in the text\n\n${lost.join('\n')}\n` : '');
}

function placedInText(text: string, highlights: readonly Highlight[]): Omit<Marked, 'html'> {
  const placed = placeHighlights(text, highlights);
  const found = new Set(placed.map((p) => p.highlight.id));
  return { placed, missing: highlights.filter((h) => !found.has(h.id)) };
}

/**
 * A Markdown file of an article's highlights alone, in reading order: each
 * one quoted, its note below it. Those whose words are gone from the text
 * come last, said to be.
 */
export function toHighlightsMarkdown(a: Exportable): string {
  const heading = plain(a.title.replace(/[\r\n]+/g, ' '));
  const source = sourceAddress(a);
  // The plain text places them without a DOM; a record read without its text is placed in its HTML.
  const { placed, missing } = a.textContent ? placedInText(a.textContent, a.highlights ?? []) : markedContent(a);
  const item = (h: Highlight) => `${quote(h)}${h.bodyValue.trim() ? `\n\n${indented(h.bodyValue, '')}` : ''}`;
  const found = placed.map((p) => item(p.highlight));
  const lost = missing.map((h) => `${item(h)}\n\n*(no longer in the text)*`);
  const body = [...found, ...lost].join('\n\n---\n\n');
  return `# ${heading}\n\n${source ? `<${source}>\n\n` : ''}${body || '*No highlights.*'}\n`;
}
