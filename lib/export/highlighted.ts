import type { Highlight } from '../article-schema';
import { markHighlights, NOTE_ATTRIBUTE, type PlacedHighlight } from '../annotations/mark-html';
import { escapeHtml } from './html';
import type { Exportable } from './exportable';

/**
 * The step before the writers that puts the reader's highlights into an
 * export: the article's HTML with each highlight in `<mark>`, its note
 * numbered. Writers keep working on `contentHtml` as before. It needs a DOM
 * to mark text across element boundaries: the page's own in an extension
 * page, one handed in elsewhere (a worker's, the command line's).
 */

let given: (() => Document) | undefined;
const inert = new WeakMap<Document, Document>();

/** Mark highlights in documents made by `make` (a worker or Node has no `document`); undefined goes back to the page's. */
export function useExportDocument(make: (() => Document) | undefined): void {
  given = make;
}

/** A document to mark in: an inert one made from `from` (pictures do not start loading), else one handed in, else the page's. */
function workDocument(from?: Document): Document {
  const base = from ?? (given ? given() : typeof document === 'undefined' ? undefined : document);
  if (!base) throw new Error('highlights need a DOM to be marked: call useExportDocument first');
  let doc = inert.get(base);
  if (!doc) {
    doc = base.implementation.createHTMLDocument('');
    inert.set(base, doc);
  }
  return doc;
}

export interface Marked {
  /** The article's HTML with its highlights in `<mark>`. */
  html: string;
  placed: PlacedHighlight[];
  /** Highlights whose words the text no longer holds. */
  missing: Highlight[];
}

/** The article's HTML with its highlights marked; the HTML as it is when there are none. */
export function markedContent(a: Pick<Exportable, 'contentHtml' | 'highlights'>, from?: Document): Marked {
  const highlights = a.highlights ?? [];
  if (highlights.length === 0) return { html: a.contentHtml, placed: [], missing: [] };
  const holder = workDocument(from).createElement('div');
  holder.innerHTML = a.contentHtml;
  const placed = markHighlights(holder, highlights);
  const found = new Set(placed.map((p) => p.highlight.id));
  return { html: holder.innerHTML, placed, missing: highlights.filter((h) => !found.has(h.id)) };
}

/** A note's text as HTML paragraphs' inline content: line breaks kept, nothing taken as markup. */
function noteHtml(note: string): string {
  return note.trim().split('\n').map(escapeHtml).join('<br>');
}

/**
 * For HTML and EPUB: the article with its highlights marked, a superscript
 * number after each one that has a note, and the notes listed at the end
 * (with any highlight whose words are gone, so none is lost on the way out).
 */
export function withHighlightNotes<T extends Exportable>(a: T, from?: Document): T {
  if (!a.highlights?.length) return a;
  const { html, placed, missing } = markedContent(a, from);
  const withRefs = html.replace(new RegExp(`(<mark [^>]*${NOTE_ATTRIBUTE}="(\\d+)"[^>]*>[\\s\\S]*?</mark>)`, 'g'), '$1<sup>$2</sup>');
  const items = [
    ...placed
      .filter((p) => p.note)
      .map((p) => `<li value="${p.note}"><mark>${escapeHtml(p.highlight.target.selector[0].exact)}</mark><br>${noteHtml(p.highlight.bodyValue)}</li>`),
  ];
  const lost = missing.map((h) => `<li><mark>${escapeHtml(h.target.selector[0].exact)}</mark>${h.bodyValue.trim() ? `<br>${noteHtml(h.bodyValue)}` : ''}</li>`);
  const notes = items.length ? `\n<section class="highlight-notes">\n<h2>Highlight notes</h2>\n<ol>\n${items.join('\n')}\n</ol>\n</section>` : '';
  const gone = lost.length ? `\n<section class="highlight-notes">\n<h2>Highlights no longer in the text</h2>\n<ul>\n${lost.join('\n')}\n</ul>\n</section>` : '';
  return { ...a, contentHtml: withRefs + notes + gone };
}
