import { foldWord } from '../fold';
import type { LibraryEntry } from './saved-article';

/** Entries whose title, site, authors or tags contain every word of the query, ignoring case and accents. */
export function filterEntries(entries: readonly LibraryEntry[], query: string): LibraryEntry[] {
  const words = foldWord(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((e) => {
    const hay = foldWord([e.title, e.siteName, ...e.authors, ...e.tags].join(' '));
    return words.every((w) => hay.includes(w));
  });
}
