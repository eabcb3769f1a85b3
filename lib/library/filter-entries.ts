import type { LibraryEntry } from './saved-article';

/** Entries whose title, site, authors or tags contain every word of the query. */
export function filterEntries(entries: readonly LibraryEntry[], query: string): LibraryEntry[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((e) => {
    const hay = [e.title, e.siteName, ...e.authors, ...e.tags].join(' ').toLocaleLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
