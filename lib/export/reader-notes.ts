import type { Exportable } from './exportable';

/**
 * What the reader added to a saved article, for exports that have no front
 * matter to carry it: the tags as one line, the notes as paragraphs. Empty
 * for a page that was never saved, or has none.
 */
export function tagsLine(a: Pick<Exportable, 'tags'>): string {
  return a.tags?.length ? `Tags: ${a.tags.join(', ')}` : '';
}

/** The reader's notes split into paragraphs at blank lines; a single line break stays inside its paragraph. */
export function noteParagraphs(a: Pick<Exportable, 'notes'>): string[][] {
  const notes = a.notes?.trim() ?? '';
  if (!notes) return [];
  return notes.split(/\n\s*\n/).map((p) => p.split('\n').map((line) => line.trim()));
}
