import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { KeyValueArea, Library } from '../../lib/library/library';
import type { LibraryEntry } from '../../lib/library/saved-article';
import { loadListCache, sameEntries, storeListCache, type CachedHead } from '../../lib/library/list-cache';
import { t } from '../../components/i18n';
import type { SearchSession } from './search-session';
import { errorText } from './error-text';
import { orTimeout, STORAGE_BUDGET_MS } from '../../lib/budget';

/** Run `work` once the frame now being prepared has been painted, so it cannot hold that paint back. */
export const afterPaint = (work: () => void) => requestAnimationFrame(() => setTimeout(work));

/**
 * The library's entries and their search: drawn first from the cached first
 * screenful, then the one-value copy of all entries, then the entries
 * themselves; the search index loads and catches up after the list is drawn.
 */
export function useLibraryList(library: Library, area: KeyValueArea, head: CachedHead | null, onError: (text: string) => void) {
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  // Not ready until the index is loaded and caught up; a query typed before then matches titles only.
  const [searchState, setSearchState] = useState(t('loadingSearch'));
  const [indexVersion, setIndexVersion] = useState(0);
  const session = useRef<SearchSession | null>(null);

  /** Load MiniSearch and the stored index only now: neither is needed to draw the list. */
  const syncSearch = async (list: readonly LibraryEntry[]) => {
    if (!session.current) {
      const { SearchSession } = await import('./search-session');
      session.current ??= new SearchSession(area, library, (state) => {
        setSearchState(state);
        if (!state) setIndexVersion((v) => v + 1);
      });
    }
    await session.current.sync(list);
  };

  /** Read the entries again, let the index catch up with what changed, and keep the list cache in step. */
  const refresh = async (cached: LibraryEntry[] | null = null) => {
    const list = await orTimeout(library.list(), STORAGE_BUDGET_MS, t('storageSlow'));
    setEntries(list);
    // Stored again when out of date, and when there was no first screenful to draw (a library from before it was kept in localStorage).
    if (!cached || !sameEntries(cached, list) || (!head && list.length > 0)) void storeListCache(area, localStorage, list).catch(() => undefined);
    // After the list is drawn: loading a large index must not delay the first paint.
    afterPaint(() => void syncSearch(list).catch((e: unknown) => setSearchState(t('searchUnavailable', errorText(e)))));
    return list;
  };

  useEffect(() => {
    const fail = (e: unknown) => onError(t('readLibraryFailed', errorText(e)));
    afterPaint(
      () =>
        void loadListCache(area)
          .catch(() => null)
          .then((cached) => {
            // An empty copy is not drawn: "Nothing saved yet" must come from the entries themselves, not a copy written before the last save.
            if (cached?.length) setEntries(cached);
            afterPaint(() => void refresh(cached).catch(fail));
          }),
    );
    const hide = () => session.current?.flush();
    addEventListener('pagehide', hide);
    return () => removeEventListener('pagehide', hide);
  }, []);

  /** The search's hits for `query`, or null for no query; recomputed as the index catches up. */
  const useHits = (query: string) => useMemo(() => (query.trim() ? (session.current?.search(query) ?? null) : null), [query, indexVersion]);

  return { entries, searchState, refresh, useHits };
}
