import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import { foldWord } from '../fold';
import type { LibraryEntry, SavedArticle } from './saved-article';

/** Library key of the saved index, kept apart from the articles so no save has to rewrite it. */
export const SEARCH_INDEX_KEY = 'search:index';
// Version 2 folds accents; version 3 indexes highlights and their notes. An index stored by an older version is built again.
const SNAPSHOT_VERSION = 3;

interface IndexedDoc {
  id: string;
  title: string;
  authors: string;
  siteName: string;
  text: string;
  /** The highlighted words and the notes on them. */
  highlights: string;
}

/** The index as stored: MiniSearch's own JSON, and which version (updatedAt) of each article it holds. */
export interface IndexSnapshot {
  version: typeof SNAPSHOT_VERSION;
  stamps: Record<string, string>;
  index: string;
}

export interface SearchHit {
  id: string;
  score: number;
  /** The indexed words that matched, for highlighting. */
  terms: string[];
}

/** What has to change for the index to match the library's entries. */
export interface IndexWork {
  /** New articles, and articles saved or edited since they were indexed. */
  stale: string[];
  /** Articles deleted since. */
  gone: string[];
}

const OPTIONS: Options<IndexedDoc> = {
  fields: ['title', 'authors', 'siteName', 'text', 'highlights'],
  storeFields: [],
  // Indexed words and the words searched for are folded alike (lib/fold.ts).
  processTerm: (term) => foldWord(term) || null,
  // Deletions tidy up in small steps in the background rather than stalling a search.
  autoVacuum: { batchSize: 2000, batchWait: 20, minDirtCount: 50, minDirtFactor: 0.1 },
};

const SEARCH: SearchOptions = {
  combineWith: 'AND',
  // The word being typed is matched as a prefix; words already typed in full must match.
  prefix: (_term, i, terms) => i === terms.length - 1,
  boost: { title: 3, authors: 2, siteName: 2 },
};

/** What the index reads of an article: the entry's fields and the plain text. */
export type IndexedArticle = Pick<SavedArticle, 'id' | 'title' | 'authors' | 'siteName' | 'textContent' | 'updatedAt'> &
  Partial<Pick<SavedArticle, 'highlights'>>;

function docOf(a: IndexedArticle): IndexedDoc {
  // A note is the reader's own words: a search for them must find the article even when the text does not hold them.
  const highlights = (a.highlights ?? []).map((h) => `${h.target.selector[0].exact}\n${h.bodyValue}`).join('\n');
  return { id: a.id, title: a.title, authors: a.authors.join(' '), siteName: a.siteName, text: a.textContent, highlights };
}

/**
 * Full-text search over title, authors, site and body. It is kept up to date
 * incrementally: `work()` compares the stamps it holds with the entries
 * (which the list reads anyway), so opening the library only indexes what
 * changed since the snapshot was stored, and a save never touches the index.
 */
export class SearchIndex {
  private constructor(
    private readonly mini: MiniSearch<IndexedDoc>,
    private readonly stamps: Map<string, string>,
  ) {}

  static empty(): SearchIndex {
    return new SearchIndex(new MiniSearch(OPTIONS), new Map());
  }

  /** The stored snapshot, or an empty index when there is none or it is from another version. */
  static fromSnapshot(snapshot: unknown): SearchIndex {
    if (!isSnapshot(snapshot)) return SearchIndex.empty();
    try {
      return new SearchIndex(MiniSearch.loadJSON(snapshot.index, OPTIONS), new Map(Object.entries(snapshot.stamps)));
    } catch {
      return SearchIndex.empty();
    }
  }

  get size(): number {
    return this.stamps.size;
  }

  work(entries: readonly LibraryEntry[]): IndexWork {
    const live = new Set<string>();
    const stale: string[] = [];
    for (const e of entries) {
      live.add(e.id);
      if (this.stamps.get(e.id) !== e.updatedAt) stale.push(e.id);
    }
    const gone = [...this.stamps.keys()].filter((id) => !live.has(id));
    return { stale, gone };
  }

  /** Index an article, replacing what was indexed for it before. */
  upsert(a: IndexedArticle): void {
    if (this.stamps.has(a.id)) this.mini.discard(a.id);
    this.mini.add(docOf(a));
    this.stamps.set(a.id, a.updatedAt);
  }

  drop(id: string): void {
    if (!this.stamps.has(id)) return;
    this.mini.discard(id);
    this.stamps.delete(id);
  }

  search(query: string): SearchHit[] {
    if (!query.trim()) return [];
    return this.mini.search(query, SEARCH).map((r) => ({ id: String(r.id), score: r.score, terms: r.terms }));
  }

  snapshot(): IndexSnapshot {
    return { version: SNAPSHOT_VERSION, stamps: Object.fromEntries(this.stamps), index: JSON.stringify(this.mini) };
  }
}

function isSnapshot(value: unknown): value is IndexSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<IndexSnapshot>;
  return s.version === SNAPSHOT_VERSION && typeof s.index === 'string' && typeof s.stamps === 'object' && s.stamps !== null;
}
