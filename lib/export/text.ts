import type { Exportable } from './exportable';
import { bylineOf } from './byline';
import { noteParagraphs, tagsLine } from './reader-notes';

/** Plain text: the title, one line of who and when, the tags, then the body and the reader's notes. */
export function toText(a: Exportable): string {
  const byline = bylineOf(a);
  const tags = tagsLine(a);
  const notes = noteParagraphs(a);
  const tail = notes.length ? `\nNotes\n\n${notes.map((p) => p.join('\n')).join('\n\n')}\n` : '';
  return `${a.title}\n${byline ? `${byline}\n` : ''}${tags ? `${tags}\n` : ''}${a.url}\n\n${a.textContent}\n${tail}`;
}
