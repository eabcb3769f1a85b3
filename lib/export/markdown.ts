import TurndownService from 'turndown';
import type { Exportable } from './exportable';
import { noteParagraphs } from './reader-notes';
import { renderFrontMatter, DEFAULT_FRONT_MATTER_TEMPLATE } from './front-matter-template';
import { flattenCellBreaks, useGfm } from './markdown-tables';
import { markedContent } from './highlighted';
import { highlightFootnotes } from './highlights-markdown';

/** Markers around a highlight's pieces in turndown's output: characters of Unicode's private use area, which no article text is taken to hold. */
const OPEN = '\uE000';
const CLOSE = '\uE002';
const END = '\uE001';
const PIECES = /\uE002([^\uE001]*)\uE001([^\n\uE000]*?)\uE000([^\uE001]*)\uE001/g;

const EMPHASIS = ['**', '~~', '*'] as const;
/** One highlight's piece with an emphasis marker right before or after it. */
const WHOLE = /(\*\*|~~|\*)?\uE000([^\uE001]*)\uE001([^\uE000\uE002]*)\uE002([^\uE001]*)\uE001(\[\^\d+\])?(\*\*|~~|\*)?/g;

/** The emphasis markers opened but not closed (or closed but not opened) in `text`. */
function unbalanced(text: string): string[] {
  let rest = text.replace(/\\[*~]/g, '');
  const odd: string[] = [];
  for (const marker of EMPHASIS) {
    const parts = rest.split(marker);
    if ((parts.length - 1) % 2 === 1) odd.push(marker);
    rest = parts.join('');
  }
  return odd;
}

/**
 * One `==text==` for each highlight, as Obsidian and many Markdown tools
 * show one: pieces of the same highlight with only emphasis markers and
 * spaces between them (the highlight ran across bold text, say) are joined;
 * pieces across a link or a block stay apart, each in its own `==`.
 */
export function joinMarks(md: string): string {
  if (!md.includes(OPEN)) return md;
  const joined = md.replace(PIECES, (m, closing: string, between: string, opening: string) =>
    closing === opening && /^[\s*_~`]*$/.test(between) ? between : m,
  );
  // A highlight that ends inside bold text (or starts inside it) takes the bold's marker in, so the markers nest.
  const nested = joined.replace(
    WHOLE,
    (m, before: string | undefined, id: string, words: string, closeId: string, note: string | undefined, after: string | undefined) => {
      if (id !== closeId) return m;
      const open = unbalanced(words);
      if (after && open.includes(after)) return `${before ?? ''}${OPEN}${id}${END}${words}${after}${CLOSE}${id}${END}${note ?? ''}`;
      if (before && open.includes(before)) return `${OPEN}${id}${END}${before}${words}${CLOSE}${id}${END}${note ?? ''}${after ?? ''}`;
      return m;
    },
  );
  return nested.replace(/[\uE000\uE002][^\uE001]*\uE001/g, '==');
}

function converter(): TurndownService {
  const td = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*' });
  const escapeMarkdown = td.escape.bind(td);
  // Text that looks like HTML stays text: a Markdown viewer must not render it as tags.
  td.escape = (text: string) => escapeMarkdown(text).replace(/</g, '&lt;').replace(/>/g, '&gt;');
  td.remove(['script', 'style', 'noscript']);
  useGfm(td);
  // Alt and title text go into the Markdown as written; they must not smuggle markup either.
  td.addRule('image', {
    filter: 'img',
    replacement: (_content, node) => {
      const img = node as HTMLElement;
      const src = img.getAttribute('src') ?? '';
      if (!src) return '';
      const alt = plainAttribute(img.getAttribute('alt')).replace(/[[\]]/g, '\\$&');
      const title = plainAttribute(img.getAttribute('title'));
      return `![${alt}](${src.replace(/[()\s]/g, encodeURIComponent)}${title ? ` "${title.replace(/"/g, '\\"')}"` : ''})`;
    },
  });
  // A highlight's pieces (one a text node) are held apart by markers until joinMarks makes them ==text==.
  td.addRule('highlight', {
    filter: 'mark',
    replacement: (content, node) => {
      const [, before, words, after] = /^(\s*)([\s\S]*?)(\s*)$/.exec(content)!;
      if (!words) return content;
      const id = (node as HTMLElement).getAttribute('data-highlight') ?? '';
      const note = (node as HTMLElement).getAttribute('data-note');
      return `${before}${OPEN}${id}${END}${words}${CLOSE}${id}${END}${note ? `[^${note}]` : ''}${after}`;
    },
  });
  td.addRule('link', {
    filter: (node) => node.nodeName === 'A' && Boolean(node.getAttribute('href')),
    replacement: (content, node) => {
      const a = node as HTMLElement;
      const href = (a.getAttribute('href') ?? '').replace(/[()\s]/g, encodeURIComponent);
      const title = plainAttribute(a.getAttribute('title'));
      return `[${content}](${href}${title ? ` "${title.replace(/"/g, '\\"')}"` : ''})`;
    },
  });
  return td;
}

/** An attribute's text on one line, with no character that could open a tag. */
function plainAttribute(value: string | null): string {
  return (value ?? '').replace(/\s+/g, ' ').trim().replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

let shared: TurndownService | undefined;

/** Parses an HTML fragment and returns the element holding it. */
export type HtmlParser = (html: string) => HTMLElement;
let parser: HtmlParser | undefined;

/**
 * Parse with `parse` instead of turndown's own parser in this realm. A worker
 * has no DOMParser, and turndown's browser build knows no other; the library
 * page's export worker hands it a DOM implementation of its own. `undefined`
 * goes back to turndown's parser.
 */
export function useHtmlParser(parse: HtmlParser | undefined): void {
  parser = parse;
}

/** The article body as Markdown. */
export function htmlToMarkdown(html: string): string {
  shared ??= converter();
  return flattenCellBreaks(shared.turndown(parser ? parser(html) : html)).trim();
}

/** The reader's plain text as Markdown that shows it as typed: what looks like a tag stays text. */
function markdownText(line: string): string {
  return line.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Markdown with YAML front matter from `template` (the reader's, from the
 * options page, or the default): a note for Obsidian, a file for any Markdown tool.
 */
export function toMarkdown(a: Exportable, template: string = DEFAULT_FRONT_MATTER_TEMPLATE): string {
  const head = renderFrontMatter(template, a);
  // The title is the page's text: in the heading, as in the body, what looks like a tag must stay text.
  const heading = a.title
    .replace(/[\r\n]+/g, ' ')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  // The reader's notes end the file, unless the template puts them in the front matter.
  const paragraphs = /\{\{\s*notes\s*\}\}/.test(template) ? [] : noteParagraphs(a);
  const notes = paragraphs.length ? `\n## Notes\n\n${paragraphs.map((p) => p.map(markdownText).join('  \n')).join('\n\n')}\n` : '';
  const marked = markedContent(a);
  return `${head ? `${head}\n\n` : ''}# ${heading}\n\n${joinMarks(htmlToMarkdown(marked.html))}\n${highlightFootnotes(marked)}${notes}`;
}
