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

/**
 * Bring the index in line with the library: index new and changed articles
 * (bodies read a batch at a time) and drop deleted ones. Returns how many
 * changed, so the caller stores the index again only when something did.
 */
export async function syncSearchIndex(
  index: SearchIndex,
  entries: readonly LibraryEntry[],
  library: Library,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const { stale, gone } = index.work(entries);
  for (const id of gone) index.drop(id);
  let done = 0;
  for await (const batch of library.batches(stale, 200)) {
    for (const a of batch) index.upsert(a);
    done += batch.length;
    onProgress?.(done, stale.length);
  }
  return stale.length + gone.length;
}
