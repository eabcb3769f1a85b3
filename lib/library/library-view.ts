import { filterEntriesBy, sortEntries, type EntryFilter, type SortKey } from './arrange';
import { filterEntries } from './filter-entries';
import { foldWord } from '../fold';
import type { LibraryEntry } from './saved-article';
import type { SearchHit } from './search-index';

export interface ViewQuery extends EntryFilter {
  query: string;
  sort: SortKey;
}

export interface LibraryView {
  rows: LibraryEntry[];
  /** The words to mark in each row, by id. */
  terms: ReadonlyMap<string, string[]>;
}

/**
 * The rows the library page shows: filtered by site and tag, narrowed to the
 * search's hits, in the chosen order. Until the full-text index is ready
 * (`hits` null), a query matches titles, sites, authors and tags only.
 */
export function libraryView(entries: readonly LibraryEntry[], q: ViewQuery, hits: readonly SearchHit[] | null): LibraryView {
  let rows = filterEntriesBy(entries, q);
  const terms = new Map<string, string[]>();
  if (q.query.trim()) {
    if (hits) {
      const found = new Map(hits.map((h) => [h.id, h.terms]));
      rows = rows.filter((e) => found.has(e.id));
      for (const e of rows) terms.set(e.id, found.get(e.id)!);
    } else {
      rows = filterEntries(rows, q.query);
      const words = foldWord(q.query).split(/\s+/).filter(Boolean);
      for (const e of rows) terms.set(e.id, words);
    }
  }
  return { rows: sortEntries(rows, q.sort), terms };
}
