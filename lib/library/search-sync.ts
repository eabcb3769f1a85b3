import type { KeyValueArea, Library } from './library';
import type { LibraryEntry } from './saved-article';
import { SEARCH_INDEX_KEY, SearchIndex } from './search-index';

/** The stored index, or an empty one. */
export async function loadSearchIndex(area: KeyValueArea): Promise<SearchIndex> {
  const got = await area.get([SEARCH_INDEX_KEY]);
  return SearchIndex.fromSnapshot(got[SEARCH_INDEX_KEY]);
}

export async function storeSearchIndex(area: KeyValueArea, index: SearchIndex): Promise<void> {
  await area.set({ [SEARCH_INDEX_KEY]: index.snapshot() });
}

/** Texts read per storage call while indexing. */
const BATCH = 200;

/**
 * Bring the index in line with the library: index new and changed articles
 * and drop deleted ones. Title, authors and site come from the entries; only
 * the plain text is read, a batch at a time, the next batch while this one is
 * indexed. Returns how many changed, so the caller stores the index again
 * only when something did.
 */
export async function syncSearchIndex(
  index: SearchIndex,
  entries: readonly LibraryEntry[],
  library: Library,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const { stale, gone } = index.work(entries);
  for (const id of gone) index.drop(id);
  const byId = new Map(entries.map((e) => [e.id, e]));
  let next = stale.length > 0 ? library.texts(stale.slice(0, BATCH)) : undefined;
  for (let i = 0; next; i += BATCH) {
    const texts = await next;
    next = i + BATCH < stale.length ? library.texts(stale.slice(i + BATCH, i + 2 * BATCH)) : undefined;
    // A failed read-ahead is reported when its turn comes, not as an unhandled rejection now.
    next?.catch(() => undefined);
    for (const id of stale.slice(i, i + BATCH)) {
      const text = texts.get(id);
      // Deleted since the entries were read: the next sync drops it.
      if (text === undefined) continue;
      const e = byId.get(id)!;
      index.upsert({ id, title: e.title, authors: e.authors, siteName: e.siteName, updatedAt: e.updatedAt, textContent: text, highlights: e.highlights });
    }
    onProgress?.(Math.min(i + BATCH, stale.length), stale.length);
  }
  return stale.length + gone.length;
}
